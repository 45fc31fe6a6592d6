import { AuthService } from '@backstage/backend-plugin-api';
import { CATALOG_FILTER_EXISTS } from '@backstage/catalog-client';
import { Entity, stringifyEntityRef } from '@backstage/catalog-model';
import { CatalogService } from '@backstage/plugin-catalog-node';
import {
  INFRA_ANNOTATIONS,
  parseInfraDetails,
} from '@internal/backstage-plugin-infra-common';
import {
  claimedStacks,
  ORG_STACKS_ANNOTATION,
} from '@internal/backstage-plugin-infra-node';
import { InfraNamespaceResource } from './namespacePermission';

const refOf = (e: Entity) => stringifyEntityRef(e);

/**
 * Who owns a namespace, read from the catalog the infra provider fills:
 * the owners of the stacks (Systems) that declare it; for a namespace no
 * stack declares yet, the org file's claim on a stack of that name, else
 * its `*` owner (the same order the provider assigns stack owners in).
 */
export class NamespaceOwners {
  constructor(
    private readonly catalog: CatalogService,
    private readonly auth: AuthService,
  ) {}

  async lookup(namespace: string): Promise<InfraNamespaceResource> {
    const credentials = await this.auth.getOwnServiceCredentials();
    const { items: systems } = await this.catalog.getEntities(
      {
        filter: {
          kind: 'System',
          [`metadata.annotations.${INFRA_ANNOTATIONS.stack}`]:
            CATALOG_FILTER_EXISTS,
        },
        fields: ['kind', 'metadata', 'spec.owner'],
      },
      { credentials },
    );
    const declaring = systems.filter(s => {
      const details = parseInfraDetails(
        s.metadata.annotations?.[INFRA_ANNOTATIONS.details],
      );
      return (
        details?.kind === 'system' && details.namespaces.includes(namespace)
      );
    });
    if (declaring.length) {
      return {
        namespace,
        ownerRefs: [
          ...new Set(declaring.map(s => String(s.spec?.owner ?? ''))),
        ].filter(Boolean),
        ownerSource: `declared by stack ${declaring
          .map(s => s.metadata.annotations?.[INFRA_ANNOTATIONS.stack])
          .join(', ')}`,
      };
    }
    const { items: org } = await this.catalog.getEntities(
      {
        filter: [
          {
            kind: ['Group', 'User'],
            [`metadata.annotations.${ORG_STACKS_ANNOTATION}`]:
              CATALOG_FILTER_EXISTS,
          },
        ],
        fields: ['kind', 'metadata'],
      },
      { credentials },
    );
    const named = org.filter(e => claimedStacks(e).includes(namespace));
    if (named.length) {
      return {
        namespace,
        ownerRefs: named.map(refOf),
        ownerSource: `a new namespace the org file gives to ${named
          .map(refOf)
          .join(', ')}`,
      };
    }
    const fallback = org.filter(e => claimedStacks(e).includes('*'));
    return {
      namespace,
      ownerRefs: fallback.map(refOf),
      ownerSource: fallback.length
        ? `a new namespace; the org file's "*" owner is ${fallback
            .map(refOf)
            .join(', ')}`
        : 'a new namespace that the org file gives to no one',
    };
  }
}
