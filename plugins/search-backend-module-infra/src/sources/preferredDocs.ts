import { AuthService, LoggerService } from '@backstage/backend-plugin-api';
import { CATALOG_FILTER_EXISTS } from '@backstage/catalog-client';
import { stringifyEntityRef } from '@backstage/catalog-model';
import { assertError } from '@backstage/errors';
import { CatalogService } from '@backstage/plugin-catalog-node';
import { IndexableResult } from '@backstage/plugin-search-common';
import { INFRA_DOCS_ANNOTATIONS } from '@internal/backstage-plugin-infra-common';
import { IsPreferred } from '../ranking/rankResults';

/** The docs entities change with a catalog refresh; a search need not ask for every query. */
const CACHE_MS = 60_000;

/** A slow catalog must not hold a search up: past this, rank without preference. */
const LOOKUP_DEADLINE_MS = 2_000;

/** `kind:namespace/name` of a TechDocs result's entity, lower-cased as refs compare. */
function docsEntityOf(result: IndexableResult): string | undefined {
  const { kind, namespace, name } = result.document as {
    kind?: unknown;
    namespace?: unknown;
    name?: unknown;
  };
  if (typeof kind !== 'string' || typeof name !== 'string') return undefined;
  const ns = typeof namespace === 'string' && namespace ? namespace : 'default';
  return `${kind}:${ns}/${name}`.toLocaleLowerCase('en-US');
}

/**
 * The infra repo's own docs, which the ranking prefers: every entity the
 * infra catalog provider marks as a generated docs site (annotation
 * `infra.homelab/docs-site`), read from the catalog and kept a minute. A
 * failed or slow lookup prefers nothing (plain ranking) and says so in the
 * log; it never fails the search.
 */
export function createPreferredDocs(options: {
  catalog: CatalogService;
  auth: AuthService;
  logger: LoggerService;
}): () => Promise<IsPreferred> {
  let cached: { refs: Set<string>; at: number } | undefined;

  async function lookup(): Promise<Set<string>> {
    const { items } = await options.catalog.getEntities(
      {
        filter: {
          [`metadata.annotations.${INFRA_DOCS_ANNOTATIONS.site}`]:
            CATALOG_FILTER_EXISTS,
        },
        fields: ['kind', 'metadata.namespace', 'metadata.name'],
      },
      { credentials: await options.auth.getOwnServiceCredentials() },
    );
    return new Set(items.map(e => stringifyEntityRef(e).toLocaleLowerCase()));
  }

  return async () => {
    if (!cached || Date.now() - cached.at > CACHE_MS) {
      try {
        const refs = await Promise.race([
          lookup(),
          new Promise<never>((_, reject) =>
            setTimeout(
              () => reject(new Error(`no answer in ${LOOKUP_DEADLINE_MS} ms`)),
              LOOKUP_DEADLINE_MS,
            ).unref(),
          ),
        ]);
        cached = { refs, at: Date.now() };
      } catch (e) {
        assertError(e);
        options.logger.warn(
          `Search ranks without preferring the infra's own docs: the catalog lookup of docs entities failed (${e.message})`,
        );
        cached = { refs: cached?.refs ?? new Set(), at: Date.now() };
      }
    }
    const refs = cached.refs;
    return result => {
      const ref = docsEntityOf(result);
      return ref !== undefined && refs.has(ref);
    };
  };
}
