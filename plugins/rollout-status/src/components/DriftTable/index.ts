export { DriftTable } from './DriftTable';
export { DriftTargetState } from './DriftTargetState';
