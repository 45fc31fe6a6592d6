/**
 * The wizard's input rules, written once: the scaffolder's
 * `infra:validate-input` refuses with them, the form shows them at the field.
 */
export { checkNewApp } from './checkNewApp';
export type { Checked } from './checkNewApp';
export { checkAddIngress } from './checkAddIngress';
export { defaultDatabaseName } from './boundaries';
export { memoryBytes, RESERVED_NAMESPACES } from './fields';
export { formatProblems, problemsOfField, Problems } from './problems';
export type { FieldProblem } from './problems';
export * from './types';
export {
  addIngressPullRequest,
  newAppPullRequest,
  planNewApp,
} from './planNewApp';
export type { NewAppPlan } from './planNewApp';
