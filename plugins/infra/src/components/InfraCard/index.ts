export { InfraCard } from './InfraCard';
