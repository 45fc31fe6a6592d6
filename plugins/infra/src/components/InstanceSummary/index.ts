export { InstanceSummary } from './InstanceSummary';
