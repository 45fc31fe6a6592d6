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
export type { HclValue, UnresolvedReason } from './hcl/values';
export { resolve } from './eval/evaluate';
export type { Scope } from './eval/scope';
export { parseHcl } from './hcl/parser';
export { ParseCache, contentHash } from './hcl/ParseCache';
export * from './model/types';
export {
  buildInfraModel,
  DEFAULT_CRITICAL_PATH,
  emptyStack,
  unlinkedModel,
} from './model/buildInfraModel';
export { hostForms } from './extract/operators';
export { parseJustification } from './extract/ingress';
export type { BuildInfraModelOptions } from './model/buildInfraModel';
export { KNOWN_CHARTS } from './model/helm';
export * from './conventions';
export { parseIni, parseConnString } from './util/ini';
export { parseQuantity, sameQuantity } from './util/quantity';

/** Annotation on a Group or User of the org file listing the stacks it owns (comma-separated; `*` for all others). */
export const ORG_STACKS_ANNOTATION = 'infra.homelab/stacks';
export { parseInfraFiles } from './hcl/parseFiles';
export type {
  ParseInfraFilesOptions,
  ParsedInfraFiles,
} from './hcl/parseFiles';
export {
  DEFAULT_INFRA_READ_LIMITS,
  READ_LIMITS_CONFIG_KEY,
  resolveReadLimits,
} from './hcl/limits';
export type { InfraReadLimits } from './hcl/limits';
export { classifyInfraFile, isHclPath } from './hcl/classifyFile';
export { GitAttributes } from './hcl/gitattributes';
export { hasGitCryptHeader } from './hcl/encrypted';
export * from './docs/docPage';
export * from './docs/docsTree';
