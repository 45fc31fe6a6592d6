export { FindingsOverview, collectFindings } from './FindingsOverview';
