export { AuthTierPicker } from './AuthTierPicker';
