/**
 * Scaffolder actions for the infra's new-app and add-ingress templates.
 *
 * @packageDocumentation
 */
export { scaffolderModule as default } from './module';
export { createForgejoPullRequestAction } from './actions/forgejoPullRequest';
export { createPublishTargetAction } from './actions/publishTarget';
export { createRefuseExistingAction } from './actions/refuseExisting';
export { createRenderIngressAction } from './actions/renderIngress';
export { createRenderStackAction } from './actions/renderStack';
export { createValidateInputAction } from './actions/validateInput';
export { createValidateStackAction } from './actions/validateStack';
export { createCheckModuleCallsAction } from './actions/checkModuleCalls';
export { escapeHclString, hclString } from './hcl/escape';
export {
  infraNamespaceScaffoldPermission,
  infraNamespaceConditions,
  createInfraNamespaceConditionalDecision,
  infraNamespaceResourceRef,
  INFRA_NAMESPACE_RESOURCE_TYPE,
} from './permissions/namespacePermission';
export type {
  InfraNamespaceResource,
  InfraNamespaceQuery,
} from './permissions/namespacePermission';
export {
  checkGeneratedStack,
  formatFinding,
  type StackCheckResult,
} from './conventions/checkGeneratedStack';
export {
  checkModuleCalls,
  formatModuleCallProblem,
  type ModuleCallCheck,
  type ModuleCallProblem,
} from './conventions/checkModuleCalls';
