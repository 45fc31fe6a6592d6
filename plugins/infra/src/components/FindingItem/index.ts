export { FindingItem } from './FindingItem';
