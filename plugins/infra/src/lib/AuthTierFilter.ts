import { Entity } from '@backstage/catalog-model';
import { EntityFilter } from '@backstage/plugin-catalog-react';
import {
  AuthTier,
  INFRA_ANNOTATIONS,
} from '@internal/backstage-plugin-infra-common';

/**
 * Narrows the catalog list to entities whose `infra.homelab/auth-tier`
 * annotation is one of the chosen tiers. The catalog backend applies it
 * (`metadata.annotations.<key>` filters work on annotation keys with dots),
 * and `filterEntity` applies the same rule to lists held in the browser.
 */
export class AuthTierFilter implements EntityFilter {
  constructor(readonly tiers: readonly AuthTier[]) {}

  getCatalogFilters(): Record<string, string[]> {
    return {
      [`metadata.annotations.${INFRA_ANNOTATIONS.authTier}`]: [...this.tiers],
    };
  }

  filterEntity(entity: Entity): boolean {
    const tier = entity.metadata.annotations?.[INFRA_ANNOTATIONS.authTier];
    return this.tiers.some(t => t === tier);
  }

  toQueryValue(): string[] {
    return [...this.tiers];
  }
}

/** The catalog list's filters, with ours added under `authTier`. */
export type InfraEntityFilters = {
  authTier?: AuthTierFilter;
};
