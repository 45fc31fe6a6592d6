export { TargetStatusPanel } from './TargetStatusPanel';
