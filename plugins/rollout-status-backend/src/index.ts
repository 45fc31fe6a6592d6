export { rolloutStatusPlugin as default } from './plugin';
