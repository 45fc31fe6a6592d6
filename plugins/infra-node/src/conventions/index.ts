/**
 * The infra's conventions, checked on a model: one rule per module under
 * `rules/`, a policy (from config) deciding severities and allowed
 * exceptions.
 */
export { checkConventions, evaluateConventions } from './checkConventions';
export type { EvaluateConventionsOptions } from './checkConventions';
export { conventionPolicy, DEFAULT_CONVENTION_POLICY } from './policy';
export type {
  AllowEntry,
  ConventionPolicy,
  CriticalPathEntry,
  CriticalPathPolicy,
  ResourceMatch,
  RulePolicy,
} from './policy';
export {
  CONVENTION_POLICY_CONFIG_KEY,
  readConventionPolicy,
} from './readConventionPolicy';
export { effectiveMinAvailable } from './pdbBudget';
export { scanAuthSites } from './rules/authSites';
export type { AuthSite } from './rules/authSites';
export type {
  ConventionAllowed,
  ConventionFinding,
  ConventionReport,
} from './types';
