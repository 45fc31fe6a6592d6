/**
 * Node library for the infra plugins: reads a Terraform/Terragrunt infra
 * repo into a typed model (with a real HCL parser that keeps comments and
 * positions) and checks the infra's conventions on it. The catalog module
 * turns the model into entities; the scaffolder validates generated stacks
 * with the same functions.
 *
 * @packageDocumentation
 */
export * from './files';
export * from './hcl/types';
export { Unresolved, isUnresolved } from './hcl/values';
export { parseHcl } from './hcl/parser';
export { ParseCache } from './hcl/ParseCache';
export * from './model/types';
export {
  buildInfraModel,
  DEFAULT_CRITICAL_PATH,
  emptyStack,
  unlinkedModel,
} from './model/buildInfraModel';
export * from './conventions';

/** Annotation on a Group or User of the org file listing the stacks it owns (comma-separated; `*` for all others). */
export const ORG_STACKS_ANNOTATION = 'infra.homelab/stacks';

/** The stack names (or `*`) a Group or User of the org file claims in its {@link ORG_STACKS_ANNOTATION}. */
export function claimedStacks(entity: {
  metadata: { annotations?: Record<string, string> };
}): string[] {
  return (entity.metadata.annotations?.[ORG_STACKS_ANNOTATION] ?? '')
    .split(',')
    .map(s => s.trim())
    .filter(Boolean);
}
export type { InfraReadLimits } from './hcl/limits';
export * from './docs/docPage';
export * from './docs/docsTree';
export * from './eval/moduleSignature';
export * from './eval/moduleCalls';
