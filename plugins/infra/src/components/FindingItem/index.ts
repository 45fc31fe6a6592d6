export { AllowedItem, FindingItem } from './FindingItem';
