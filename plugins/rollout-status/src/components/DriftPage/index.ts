export { DriftPage } from './DriftPage';
