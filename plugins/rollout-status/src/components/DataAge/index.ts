export { DataAge } from './DataAge';
