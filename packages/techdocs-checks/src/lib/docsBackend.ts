import { readFile } from 'node:fs/promises';
import { AddressInfo } from 'node:net';
import { join } from 'node:path';
import {
  coreServices,
  createBackendModule,
  SchedulerService,
} from '@backstage/backend-plugin-api';
import {
  mockServices,
  startTestBackend,
  TestBackend,
} from '@backstage/backend-test-utils';
import { JsonObject, JsonValue } from '@backstage/types';
import { parse } from 'yaml';
import catalogPlugin from '@backstage/plugin-catalog-backend';
import searchPlugin from '@backstage/plugin-search-backend';
import searchCatalogCollator from '@backstage/plugin-search-backend-module-catalog';
import searchPgEngine from '@backstage/plugin-search-backend-module-pg';
import searchTechDocsCollator from '@backstage/plugin-search-backend-module-techdocs';
import techdocsPlugin from '@backstage/plugin-techdocs-backend';
import { REPO_ROOT } from './repoRoot';

/** The portal's own entity, whose TechDocs hold the runbooks. */
export const PORTAL_ENTITY_PATH = 'default/component/infra-portal';

/** Every HTTP call to the test backend has a deadline. */
const REQUEST_DEADLINE_MS = 60_000;

export interface DocsBackendOptions {
  /** Where the local publisher writes built sites (a temp dir per run). */
  publishDirectory: string;
  /**
   * Also start search as `packages/backend` wires it: the catalog and
   * TechDocs collators and the PostgreSQL engine module, which steps aside on
   * SQLite so the default Lunr engine serves queries.
   */
  withSearch?: boolean;
  /** The catalog file to read; the repo's root `catalog-info.yaml` by default. */
  catalogFile?: string;
  /**
   * `external` is the production route: the backend never builds and only
   * serves what CI published. Default: what `app-config.yaml` says.
   */
  builder?: 'local' | 'external';
}

export interface DocsBackend {
  backend: TestBackend;
  /** e.g. `http://localhost:41234`. */
  baseUrl: string;
  /** The scheduler every plugin got; lets a test run a collator now. */
  scheduler: SchedulerService;
}

/**
 * The `techdocs` and `search` keys exactly as the portal's `app-config.yaml`
 * has them, so the tests exercise the real settings (local builder, mkdocs on
 * PATH, no techdocs-core plugin), with the publish folder moved to a temp dir.
 */
async function portalDocsConfig(): Promise<Record<string, JsonValue>> {
  const appConfig = parse(
    await readFile(join(REPO_ROOT, 'app-config.yaml'), 'utf8'),
  );
  if (!isJsonObject(appConfig) || !isJsonObject(appConfig.techdocs)) {
    throw new Error('app-config.yaml has no techdocs key');
  }
  return { techdocs: appConfig.techdocs, search: appConfig.search ?? {} };
}

function isJsonObject(value: unknown): value is JsonObject {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

async function docsConfig(options: DocsBackendOptions) {
  const { techdocs, search } = await portalDocsConfig();
  const catalogFile =
    options.catalogFile ?? join(REPO_ROOT, 'catalog-info.yaml');
  return {
    techdocs: {
      ...(techdocs as JsonObject),
      ...(options.builder ? { builder: options.builder } : {}),
      publisher: {
        type: 'local',
        local: { publishDirectory: options.publishDirectory },
      },
    },
    search,
    catalog: {
      rules: [{ allow: ['Component', 'System', 'Location', 'Group', 'User'] }],
      locations: [{ type: 'file', target: catalogFile }],
    },
  };
}

/**
 * Starts a real backend (TechDocs, catalog, and optionally search) on a free
 * port. Auth and permissions are the test backend's mocks (the permission
 * framework is off, unlike app-config.yaml, so TechDocs skips its entity
 * check on static files); everything else is the real plugin.
 */
export async function startDocsBackend(
  options: DocsBackendOptions,
): Promise<DocsBackend> {
  let scheduler: SchedulerService | undefined;
  // Search registers its collators with its own scheduler; take that one.
  const schedulerHandle = createBackendModule({
    pluginId: options.withSearch ? 'search' : 'techdocs',
    moduleId: 'techdocs-checks-scheduler-handle',
    register(env) {
      env.registerInit({
        deps: { s: coreServices.scheduler },
        async init({ s }) {
          scheduler = s;
        },
      });
    },
  });

  const features = [
    mockServices.rootConfig.factory({
      data: await docsConfig(options),
    }),
    catalogPlugin,
    techdocsPlugin,
    schedulerHandle,
    ...(options.withSearch
      ? [
          searchPlugin,
          searchPgEngine,
          searchCatalogCollator,
          searchTechDocsCollator,
        ]
      : []),
  ];
  const backend = await startTestBackend({ features });
  if (!scheduler) {
    throw new Error('The scheduler handle module did not initialise');
  }
  const { port } = backend.server.address() as AddressInfo;
  return { backend, baseUrl: `http://localhost:${port}`, scheduler };
}

/**
 * Waits until the catalog has processed the portal's entity; the TechDocs
 * sync endpoint 404s before that.
 */
export async function waitForPortalEntity(
  baseUrl: string,
  timeoutMs = 30_000,
): Promise<void> {
  const url = `${baseUrl}/api/catalog/entities/by-name/component/default/infra-portal`;
  const giveUpAt = Date.now() + timeoutMs;
  let lastStatus = 0;
  while (Date.now() < giveUpAt) {
    const res = await fetch(url, {
      signal: AbortSignal.timeout(REQUEST_DEADLINE_MS),
    });
    lastStatus = res.status;
    await res.arrayBuffer();
    if (res.ok) return;
    await new Promise(r => setTimeout(r, 100));
  }
  throw new Error(
    `component:default/infra-portal did not appear in the catalog within ${timeoutMs} ms (last HTTP ${lastStatus})`,
  );
}

/** What the TechDocs sync endpoint reported, from its event stream. */
export interface SyncOutcome {
  /** `finish` data, e.g. `{ updated: true }`; absent when the build failed. */
  finish?: { updated: boolean };
  /** `error` data: the build's error message. */
  error?: string;
  log: string[];
}

/**
 * Calls the endpoint the docs page calls on every visit. With the local
 * builder it prepares, generates (mkdocs) and publishes, streaming the log.
 */
export async function syncPortalDocs(baseUrl: string): Promise<SyncOutcome> {
  const res = await fetch(
    `${baseUrl}/api/techdocs/sync/${PORTAL_ENTITY_PATH}`,
    {
      signal: AbortSignal.timeout(REQUEST_DEADLINE_MS),
    },
  );
  if (!res.ok) {
    throw new Error(`sync answered HTTP ${res.status}: ${await res.text()}`);
  }
  const outcome: SyncOutcome = { log: [] };
  for (const block of (await res.text()).split('\n\n')) {
    const type = /^event: (.*)$/m.exec(block)?.[1];
    const data = /^data: (.*)$/m.exec(block)?.[1];
    if (!type || data === undefined) continue;
    const value: unknown = JSON.parse(data);
    if (type === 'finish') outcome.finish = value as { updated: boolean };
    else if (type === 'error') outcome.error = String(value);
    else if (type === 'log') outcome.log.push(String(value));
  }
  return outcome;
}

/** A page of the portal's built docs as the TechDocs reader fetches it. */
export async function fetchDocsPage(
  baseUrl: string,
  page: string,
): Promise<{ status: number; html: string }> {
  const res = await fetch(
    `${baseUrl}/api/techdocs/static/docs/${PORTAL_ENTITY_PATH}/${page}/index.html`,
    { signal: AbortSignal.timeout(REQUEST_DEADLINE_MS) },
  );
  return { status: res.status, html: await res.text() };
}
