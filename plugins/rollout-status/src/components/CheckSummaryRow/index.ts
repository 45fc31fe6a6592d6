export { CheckSummaryRow } from './CheckSummaryRow';
