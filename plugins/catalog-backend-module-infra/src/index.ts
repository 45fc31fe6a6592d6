/**
 * Catalog module that ingests a Terraform/Terragrunt infra repo into
 * Systems, Components and Resources.
 *
 * @packageDocumentation
 */
export { catalogModuleInfra as default } from './module';
export { InfraEntityProvider } from './provider/InfraEntityProvider';
export type {
  RefreshOutcome,
  InfraEntityProviderOptions,
} from './provider/InfraEntityProvider';
export { readInfraProviderConfig } from './provider/config';
export type { InfraProviderConfig } from './provider/config';
export { ingestInfraFiles } from './ingest';
export type { IngestOptions, IngestResult } from './ingest';
export { buildInfraEntities } from './entities/buildInfraEntities';
export { createSourceLinks } from './entities/links';
export { parseOrgFile } from './entities/org';
