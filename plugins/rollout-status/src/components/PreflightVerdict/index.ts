export { PreflightVerdict } from './PreflightVerdict';
