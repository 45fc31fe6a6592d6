export { TargetSwitcher, TARGET_PARAM, targetHref } from './TargetSwitcher';
