export { VerdictTally } from './VerdictTally';
