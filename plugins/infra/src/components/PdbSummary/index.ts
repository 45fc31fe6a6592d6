export { PdbBounds, PdbSummary } from './PdbSummary';
