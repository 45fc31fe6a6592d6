export { CheckDetail } from './CheckDetail';
