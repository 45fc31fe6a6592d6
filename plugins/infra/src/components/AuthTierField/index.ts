export { AuthTierField, authTierFieldOptions } from './AuthTierField';
export { problemWithChoice } from './authTierChoice';
export type { AuthTierChoice } from './authTierChoice';
