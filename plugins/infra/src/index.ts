/**
 * Infra frontend plugin: shows what the homelab's Terraform repo says about
 * each catalog entity (auth tier, exposure, replicas, PDB, storage,
 * dependencies, convention findings) and lets the catalog list be filtered
 * and sorted by auth tier.
 *
 * @packageDocumentation
 */
export { infraPlugin as default } from './alpha/plugin';
export { infraCatalogModule } from './catalog/catalogModule';
export {
  createAuthTierColumn,
  withAuthTierColumn,
} from './catalog/authTierColumn';
export { AuthTierFilter } from './lib/AuthTierFilter';
export type { InfraEntityFilters } from './lib/AuthTierFilter';
export { FindingsOverview } from './components/FindingsOverview';
