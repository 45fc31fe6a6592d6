import {
  ANNOTATION_SOURCE_LOCATION,
  Entity,
  stringifyEntityRef,
} from '@backstage/catalog-model';
import { INFRA_DOCS_ANNOTATIONS } from '@internal/backstage-plugin-infra-common';
import { INFRA_DOCS_FOLDER } from '@internal/backstage-plugin-infra-node';
import { SourceLinks } from '../entities/links';
import {
  ANNOTATION_LOCATION,
  ANNOTATION_ORIGIN_LOCATION,
} from '../entities/metadata';

/** The docs entity's name: one per infra repo. */
export const INFRA_DOCS_ENTITY_NAME = 'infra-docs';

export const INFRA_DOCS_ENTITY_REF = stringifyEntityRef({
  kind: 'Component',
  namespace: 'default',
  name: INFRA_DOCS_ENTITY_NAME,
});

export interface DocsEntityInput {
  links: SourceLinks;
  /**
   * What TechDocs reads the docs folder from: a `file:` URL of a local
   * checkout, or the tree URL of the folder for a URL integration.
   */
  docsTreeUrl: string;
  owner: string;
}

/**
 * The infra repo's documentation as one Component whose TechDocs site is
 * the repo's docs folder. `infra.homelab/docs-site: generated` tells the
 * portal's TechDocs module to write the MkDocs configuration itself: the
 * repo has no `mkdocs.yml` and gets none.
 */
export function docsEntity(input: DocsEntityInput): Entity {
  return {
    apiVersion: 'backstage.io/v1alpha1',
    kind: 'Component',
    metadata: {
      name: INFRA_DOCS_ENTITY_NAME,
      title: 'Infra docs',
      description:
        "The infra repo's own runbooks, post-mortems, architecture pages and decisions (its docs folder), as the repo has them.",
      tags: ['infra-docs', 'documentation'],
      annotations: {
        [ANNOTATION_LOCATION]: input.links.locationRef,
        [ANNOTATION_ORIGIN_LOCATION]: input.links.locationRef,
        [ANNOTATION_SOURCE_LOCATION]: input.links.sourceLocation(
          `${INFRA_DOCS_FOLDER}/`,
        ),
        'backstage.io/techdocs-ref': `url:${input.docsTreeUrl}`,
        [INFRA_DOCS_ANNOTATIONS.site]: 'generated',
      },
    },
    spec: {
      type: 'documentation',
      lifecycle: 'production',
      owner: input.owner,
    },
  };
}
