export { StorageSummary } from './StorageSummary';
