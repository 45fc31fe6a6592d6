/*
 * The Infra Portal backend: Backstage's new backend system with the stock
 * plugins we use and our own plugins and modules.
 */
import { createBackend } from '@backstage/backend-defaults';
import { portalCacheServiceFactory } from './cache/cacheServiceFactory';
import { runStartupPreflight } from './preflight';
import { takeStartupLock } from './preflight/startupLock';

async function main() {
  await runStartupPreflight();
  // Replicas start one at a time on PostgreSQL: their migrations would race.
  const startupLock = await takeStartupLock();

  const backend = createBackend();

  backend.add(import('@backstage/plugin-app-backend'));
  // The cache service, with a Redis store that survives a Redis restart
  // (src/cache): the replicas share it, and must not fall with it.
  backend.add(portalCacheServiceFactory);

  backend.add(import('@backstage/plugin-proxy-backend'));

  // Auth: guest sign-in is the embedded default (see app-config.yaml);
  // production signs in through authentik (OIDC), and break-glass is the
  // admins' way in when authentik is down, off unless configured
  // (src/auth, docs/operations/sign-in.md).
  backend.add(import('@backstage/plugin-auth-backend'));
  backend.add(import('@backstage/plugin-auth-backend-module-guest-provider'));
  backend.add(import('./auth/oidc/module'));
  backend.add(import('./auth/breakGlass/module'));

  // Catalog, with the entities ingested from the infra repo.
  backend.add(import('@backstage/plugin-catalog-backend'));
  backend.add(
    import('@backstage/plugin-catalog-backend-module-scaffolder-entity-model'),
  );
  backend.add(import('@backstage/plugin-catalog-backend-module-logs'));
  backend.add(
    import('@internal/backstage-plugin-catalog-backend-module-infra'),
  );

  // Scaffolder: the new-app and add-ingress wizards.
  backend.add(import('@backstage/plugin-scaffolder-backend'));
  backend.add(import('@backstage/plugin-scaffolder-backend-module-github'));
  backend.add(
    import('@backstage/plugin-scaffolder-backend-module-notifications'),
  );
  backend.add(
    import('@internal/backstage-plugin-scaffolder-backend-module-infra'),
  );

  // TechDocs: the runbooks, and the infra repo's own docs folder as a site.
  backend.add(import('@backstage/plugin-techdocs-backend'));
  backend.add(
    import('@internal/backstage-plugin-techdocs-backend-module-infra-docs'),
  );

  // Permissions: signed-in users read everything and run templates into
  // their own namespaces; catalog writes and lock holders' SQL text are
  // the admins' (src/permissions).
  backend.add(import('@backstage/plugin-permission-backend'));
  backend.add(import('./permissions/module'));

  // Search: Lunr in memory on SQLite, PostgreSQL's engine in production,
  // both behind our ranking (plugins/search-backend-module-infra).
  backend.add(import('@backstage/plugin-search-backend'));
  backend.add(import('@internal/backstage-plugin-search-backend-module-infra'));
  backend.add(import('@backstage/plugin-search-backend-module-catalog'));
  backend.add(import('@backstage/plugin-search-backend-module-techdocs'));

  // Kubernetes (stock) and authentik rollout status (ours).
  backend.add(import('@backstage/plugin-kubernetes-backend'));
  backend.add(import('@internal/backstage-plugin-rollout-status-backend'));

  backend.add(import('@backstage/plugin-user-settings-backend'));
  backend.add(import('@backstage/plugin-notifications-backend'));
  backend.add(import('@backstage/plugin-signals-backend'));
  backend.add(import('@backstage/plugin-mcp-actions-backend'));

  await backend.start();
  await startupLock.release();
}

main().catch(error => {
  process.stderr.write(
    `[portal] Backend failed to start: ${error?.stack ?? error}\n`,
  );
  process.exit(1);
});
