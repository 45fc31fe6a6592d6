export { AuthTierCell } from './AuthTierCell';
