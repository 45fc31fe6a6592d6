export { infraPlugin as default } from './plugin';
