export { HostLink } from './HostLink';
