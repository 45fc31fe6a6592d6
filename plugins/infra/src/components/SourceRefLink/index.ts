export { SourceRefLink } from './SourceRefLink';
