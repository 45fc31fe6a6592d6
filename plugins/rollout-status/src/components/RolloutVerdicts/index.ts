export { RolloutVerdicts } from './RolloutVerdicts';
