export { SourceList } from './SourceList';
