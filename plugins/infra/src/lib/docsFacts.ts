import { Entity, parseEntityRef } from '@backstage/catalog-model';
import { INFRA_ANNOTATIONS } from '@internal/backstage-plugin-infra-common';

/**
 * What the infra provider links docs pages to: each stack's System and each
 * service (Component of type `service`). Only those get the "Docs about
 * this" card, so its "no page names it" is a statement about something the
 * provider looked for.
 */
export function isDocsSubject(entity: Entity): boolean {
  if (!entity.metadata.annotations?.[INFRA_ANNOTATIONS.stack]) return false;
  const kind = entity.kind.toLowerCase();
  return (
    kind === 'system' ||
    (kind === 'component' && entity.spec?.type === 'service')
  );
}

/** The portal path of a page of the docs entity's TechDocs site. */
export function docsPagePath(docsEntityRef: string, sitePath = ''): string {
  const { namespace, kind, name } = parseEntityRef(docsEntityRef);
  return `/docs/${namespace}/${kind.toLowerCase()}/${name}/${sitePath}`;
}
