export { RolloutStatusCard } from './RolloutStatusCard';
