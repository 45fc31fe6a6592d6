import { resolvePackagePath } from '@backstage/backend-plugin-api';

/**
 * The portal repository's root: the folder holding `mkdocs.yml`, `docs/` and
 * the `catalog-info.yaml` of `component:default/infra-portal`. This package
 * lives at `packages/techdocs-checks` inside it.
 */
export const REPO_ROOT = resolvePackagePath(
  '@internal/techdocs-checks',
  '..',
  '..',
);
