export { RolloutStatusPage } from './RolloutStatusPage';
