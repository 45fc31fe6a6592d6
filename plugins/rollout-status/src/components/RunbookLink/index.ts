export { RunbookLink } from './RunbookLink';
