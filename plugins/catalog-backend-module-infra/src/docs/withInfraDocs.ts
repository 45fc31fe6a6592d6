import { Entity, stringifyEntityRef } from '@backstage/catalog-model';
import { INFRA_DOCS_ANNOTATIONS } from '@internal/backstage-plugin-infra-common';
import {
  DocPage,
  INFRA_DOCS_FOLDER,
} from '@internal/backstage-plugin-infra-node';
import { SourceLinks } from '../entities/links';
import { docsEntity, INFRA_DOCS_ENTITY_REF } from './docsEntity';
import { matchDocs } from './matchDocs';
import { docsSubjects } from './subjects';

export interface InfraDocsInput {
  /** The readable Markdown pages of the docs folder. */
  pages: DocPage[];
  /** See {@link DocsEntityInput.docsTreeUrl}. */
  docsTreeUrl: string;
  links: SourceLinks;
}

/**
 * The owner of the docs entity: whoever owns the most stacks (ties: the
 * first by ref). The docs are the whole repo's, and that owner is an
 * entity the catalog already has, so the relation never dangles.
 */
function repoOwner(entities: Entity[]): string | undefined {
  const counts = new Map<string, number>();
  for (const e of entities) {
    const owner = e.spec?.owner;
    if (e.kind === 'System' && typeof owner === 'string')
      counts.set(owner, (counts.get(owner) ?? 0) + 1);
  }
  return [...counts].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]))[0]?.[0];
}

/**
 * The provider's entities with the infra docs added: the docs entity, and on
 * each System and service that a page names, the "docs about this"
 * annotation. Other entities, and entities no page names, are returned as
 * they were. No docs folder (no pages): the entities as they were.
 */
export function withInfraDocs(
  entities: Entity[],
  docs: InfraDocsInput | undefined,
): Entity[] {
  if (!docs?.pages.length) return entities;
  const owner = repoOwner(entities);
  if (!owner) return entities;
  const about = matchDocs(docsSubjects(entities), docs.pages, {
    docsEntityRef: INFRA_DOCS_ENTITY_REF,
    repoFolder: INFRA_DOCS_FOLDER,
  });
  const out = entities.map(e => {
    const value = about.get(stringifyEntityRef(e));
    if (!value) return e;
    return {
      ...e,
      metadata: {
        ...e.metadata,
        annotations: {
          ...e.metadata.annotations,
          [INFRA_DOCS_ANNOTATIONS.about]: JSON.stringify(value),
        },
      },
    };
  });
  out.push(
    docsEntity({ links: docs.links, docsTreeUrl: docs.docsTreeUrl, owner }),
  );
  return out;
}
