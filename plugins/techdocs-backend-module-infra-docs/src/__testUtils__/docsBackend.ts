import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { AddressInfo } from 'node:net';
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
import { Entity } from '@backstage/catalog-model';
import { JsonObject } from '@backstage/types';
import catalogPlugin from '@backstage/plugin-catalog-backend';
import searchPlugin from '@backstage/plugin-search-backend';
import searchTechDocsCollator from '@backstage/plugin-search-backend-module-techdocs';
import searchModuleInfra from '@internal/backstage-plugin-search-backend-module-infra';
import techdocsPlugin from '@backstage/plugin-techdocs-backend';
import catalogModuleInfra from '@internal/backstage-plugin-catalog-backend-module-infra';
import { parse } from 'yaml';
import { techdocsModuleInfraDocs } from '../module';

export const REPO_ROOT = path.resolve(__dirname, '../../../..');
export const EXAMPLE_REPO = path.join(REPO_ROOT, 'examples/infra');
export const DOCS_ENTITY_PATH = 'default/component/infra-docs';

/** Every HTTP call to the test backend has a deadline. */
const REQUEST_DEADLINE_MS = 60_000;

/** A scratch copy of the example infra repo a test may change. */
export function copyExampleRepo() {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'infra-docs-repo-'));
  fs.cpSync(EXAMPLE_REPO, dir, { recursive: true });
  return {
    dir,
    write(rel: string, content: string | Buffer) {
      fs.mkdirSync(path.dirname(path.join(dir, rel)), { recursive: true });
      fs.writeFileSync(path.join(dir, rel), content);
    },
    cleanup: () => fs.rmSync(dir, { recursive: true, force: true }),
  };
}

/** The portal's `techdocs` and `search` keys exactly as app-config.yaml has them. */
function portalConfig(): { techdocs: JsonObject; search: JsonObject } {
  const appConfig = parse(
    fs.readFileSync(path.join(REPO_ROOT, 'app-config.yaml'), 'utf8'),
  );
  return { techdocs: appConfig.techdocs, search: appConfig.search ?? {} };
}

export interface InfraDocsBackend {
  backend: TestBackend;
  baseUrl: string;
  /** The catalog's scheduler (the provider's refresh task). */
  catalogScheduler: SchedulerService;
  /** The search plugin's scheduler (collators), when started with search. */
  searchScheduler?: SchedulerService;
  publishDirectory: string;
  stop(): Promise<void>;
}

function schedulerHandle(pluginId: string, got: (s: SchedulerService) => void) {
  return createBackendModule({
    pluginId,
    moduleId: `infra-docs-test-scheduler-${pluginId}`,
    register(env) {
      env.registerInit({
        deps: { s: coreServices.scheduler },
        async init({ s }) {
          got(s);
        },
      });
    },
  });
}

/**
 * A real backend: the catalog with the infra provider reading `repoDir`,
 * TechDocs with the local builder (Debian's mkdocs) and our module, and
 * optionally search with the TechDocs collator on Lunr.
 */
export async function startInfraDocsBackend(options: {
  /** A local checkout the provider reads. */
  repoDir?: string;
  /** Or a tree URL read through the UrlReader, with the `integrations` it needs. */
  repoUrl?: string;
  integrations?: JsonObject;
  /** More catalog files, e.g. the portal's own catalog-info.yaml (its docs). */
  catalogFiles?: string[];
  withSearch?: boolean;
  extraFeatures?: Parameters<typeof startTestBackend>[0]['features'];
}): Promise<InfraDocsBackend> {
  const publishDirectory = fs.mkdtempSync(
    path.join(os.tmpdir(), 'infra-docs-site-'),
  );
  const { techdocs, search } = portalConfig();
  let catalogScheduler: SchedulerService | undefined;
  let searchScheduler: SchedulerService | undefined;
  const backend = await startTestBackend({
    features: [
      mockServices.rootConfig.factory({
        data: {
          techdocs: {
            ...techdocs,
            publisher: {
              type: 'local',
              local: { publishDirectory },
            },
          },
          search,
          ...(options.integrations
            ? { integrations: options.integrations }
            : {}),
          catalog: {
            rules: [
              {
                allow: [
                  'Component',
                  'System',
                  'Resource',
                  'Group',
                  'User',
                  'Location',
                ],
              },
            ],
            locations: (options.catalogFiles ?? []).map(target => ({
              type: 'file',
              target,
            })),
            providers: {
              infra: {
                source: options.repoUrl
                  ? { url: options.repoUrl }
                  : { path: options.repoDir },
                schedule: {
                  frequency: { minutes: 30 },
                  timeout: { minutes: 1 },
                },
              },
            },
          },
        },
      }),
      catalogPlugin,
      catalogModuleInfra,
      techdocsPlugin,
      techdocsModuleInfraDocs,
      schedulerHandle('catalog', s => (catalogScheduler = s)),
      ...(options.withSearch
        ? [
            searchPlugin,
            searchModuleInfra,
            searchTechDocsCollator,
            schedulerHandle('search', s => (searchScheduler = s)),
          ]
        : []),
      ...(options.extraFeatures ?? []),
    ],
  });
  const { port } = backend.server.address() as AddressInfo;
  return {
    backend,
    baseUrl: `http://localhost:${port}`,
    catalogScheduler: catalogScheduler!,
    searchScheduler,
    publishDirectory,
    async stop() {
      await backend.stop();
      fs.rmSync(publishDirectory, { recursive: true, force: true });
    },
  };
}

/** GET with a deadline. */
export function get(url: string): Promise<Response> {
  return fetch(url, { signal: AbortSignal.timeout(REQUEST_DEADLINE_MS) });
}

/** Waits until the catalog has the entity (the sync endpoint 404s before). */
export async function waitForEntity(
  baseUrl: string,
  kindNamespaceName: string,
  accept: (entity: Entity) => boolean = () => true,
  timeoutMs = 30_000,
): Promise<Entity> {
  const [kind, namespace, name] = kindNamespaceName.split('/');
  const url = `${baseUrl}/api/catalog/entities/by-name/${kind}/${namespace}/${name}`;
  const giveUpAt = Date.now() + timeoutMs;
  let last = 'no answer';
  while (Date.now() < giveUpAt) {
    const res = await get(url);
    last = `HTTP ${res.status}`;
    if (res.ok) {
      const entity = (await res.json()) as Entity;
      if (accept(entity)) return entity;
      last = 'present but not yet as expected';
    } else await res.arrayBuffer();
    await new Promise(r => setTimeout(r, 200));
  }
  throw new Error(
    `${kindNamespaceName} not in the catalog within ${timeoutMs} ms (${last})`,
  );
}

export interface SyncOutcome {
  finish?: { updated: boolean };
  error?: string;
  log: string[];
}

/** The endpoint the docs page calls on every visit: prepare, generate (mkdocs), publish. */
export async function syncDocs(
  baseUrl: string,
  entityPath = DOCS_ENTITY_PATH,
): Promise<SyncOutcome> {
  const res = await get(`${baseUrl}/api/techdocs/sync/${entityPath}`);
  if (!res.ok)
    throw new Error(`sync answered HTTP ${res.status}: ${await res.text()}`);
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

/** A built page (site path like `runbooks/restore-postgresql/`) as the reader fetches it. */
export async function fetchPage(
  baseUrl: string,
  sitePath: string,
): Promise<{ status: number; html: string }> {
  const res = await get(
    `${baseUrl}/api/techdocs/static/docs/${DOCS_ENTITY_PATH}/${sitePath}index.html`,
  );
  return { status: res.status, html: await res.text() };
}
