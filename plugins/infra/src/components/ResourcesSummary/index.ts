export { ResourcesSummary } from './ResourcesSummary';
