export { IngressList } from './IngressList';
