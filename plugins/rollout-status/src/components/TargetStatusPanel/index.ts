export { TargetStatusPanel, TargetStatusView } from './TargetStatusPanel';
