export { AuthTierChip } from './AuthTierChip';
