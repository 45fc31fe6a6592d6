export { TargetCardSection } from './TargetCardSection';
