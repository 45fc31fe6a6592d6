export { PreflightVerdict, PreflightAnswerBadges } from './PreflightVerdict';
