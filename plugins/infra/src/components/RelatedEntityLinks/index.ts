export { RelatedEntityLinks } from './RelatedEntityLinks';
