/**
 * The start command's rollout-status and Kubernetes backends, in one test
 * backend: the simulated cluster served by the rollout-status plugin, the
 * stock Kubernetes backend pointed at it as app-config.yaml does, and the
 * catalog entities the infra provider emits for the same infra repo.
 * Shared by the Kubernetes-tab test (through a child process, see
 * simulatedPortalChild.ts) and the viewers bench.
 */
import { createServer, request as httpRequest, Server } from 'node:http';
import { AddressInfo } from 'node:net';
import { schedulerServiceFactory } from '@backstage/backend-defaults/scheduler';
import { mockServices, startTestBackend } from '@backstage/backend-test-utils';
import { Entity } from '@backstage/catalog-model';
import kubernetesPlugin from '@backstage/plugin-kubernetes-backend';
import { catalogServiceMock } from '@backstage/plugin-catalog-node/testUtils';
import {
  createSourceLinks,
  ingestInfraFiles,
} from '@internal/backstage-plugin-catalog-backend-module-infra';
import { readLocalTree } from '@internal/backstage-plugin-infra-node';
import { rolloutStatusPlugin } from '../plugin';

/** Where the rollout-status plugin serves the simulated API (SIMULATED_CLUSTER_PATH). */
const SIMULATED_API = '/api/rollout-status/simulated-cluster';

/** Kubernetes API requests by resource (`pods`, `deployments`, ...), as the forwarder saw them. */
export type RequestCounts = Map<string, number>;

/** The resource a Kubernetes API path names: `/api/v1/namespaces/x/pods` → `pods`. */
function resourceOf(path: string): string {
  const parts = path.split('?')[0].split('/').filter(Boolean);
  // GET /api/v1/namespaces/<name>: one namespace object (its Keel labels).
  if (parts.length === 4 && parts[2] === 'namespaces') return 'namespace (GET)';
  return decodeURIComponent(parts[parts.length - 1] ?? '');
}

/**
 * The cluster URL must be known before the backend starts, and the test
 * backend listens on a random port: a forwarder on a port taken first
 * passes every client's calls to the backend's own simulated-cluster route,
 * as `localhost:7007` does on the start command, and counts them.
 */
async function startForwarder() {
  let target = 0;
  const counts: RequestCounts = new Map();
  const server: Server = createServer((req, res) => {
    const path = (req.url ?? '/').slice(SIMULATED_API.length);
    const resource = resourceOf(path);
    counts.set(resource, (counts.get(resource) ?? 0) + 1);
    const upstream = httpRequest(
      {
        host: '127.0.0.1',
        port: target,
        path: req.url,
        method: req.method,
        headers: req.headers,
      },
      answer => {
        res.writeHead(answer.statusCode ?? 502, answer.headers);
        answer.pipe(res);
      },
    );
    upstream.on('error', () => res.writeHead(502).end());
    req.pipe(upstream);
  });
  await new Promise<void>(r => server.listen(0, '127.0.0.1', r));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    counts,
    forwardTo: (port: number) => {
      target = port;
    },
    close: () =>
      new Promise<void>(r => {
        server.closeAllConnections();
        server.close(() => r());
      }),
  };
}

/** The entities the start command's catalog holds for the infra repo. */
export async function infraEntities(infraPath: string): Promise<Entity[]> {
  const { entities } = await ingestInfraFiles(await readLocalTree(infraPath), {
    links: createSourceLinks({ path: infraPath }),
  });
  return entities;
}

export interface SimulatedPortal {
  baseUrl: string;
  entities: Entity[];
  /** Requests the simulated API answered, by resource, since start. */
  counts: RequestCounts;
  stop(): Promise<void>;
}

export async function startSimulatedPortal(options: {
  infraPath: string;
  liveChanges?: string;
  intervalSeconds?: number;
}): Promise<SimulatedPortal> {
  const entities = await infraEntities(options.infraPath);
  const forwarder = await startForwarder();
  try {
    const backend = await startTestBackend({
      features: [
        rolloutStatusPlugin,
        kubernetesPlugin,
        catalogServiceMock.factory({ entities }),
        schedulerServiceFactory,
        mockServices.rootConfig.factory({
          data: {
            rolloutStatus: {
              intervalSeconds: options.intervalSeconds ?? 30,
              derive: {
                infraPath: options.infraPath,
                clusterName: 'simulated',
                label: 'simulated cluster',
              },
              simulatedCluster: {
                enabled: true,
                ...(options.liveChanges
                  ? { liveChanges: options.liveChanges }
                  : {}),
              },
            },
            // The start command's cluster entry (app-config.yaml), at the forwarder.
            kubernetes: {
              serviceLocatorMethod: { type: 'multiTenant' },
              clusterLocatorMethods: [
                {
                  type: 'config',
                  clusters: [
                    {
                      name: 'simulated',
                      title:
                        'Simulated cluster (bundled example data, not live)',
                      url: `${forwarder.url}${SIMULATED_API}`,
                      authProvider: 'serviceAccount',
                      serviceAccountToken: 'simulated-cluster-needs-no-token',
                      skipMetricsLookup: true,
                    },
                  ],
                },
              ],
            },
          },
        }),
      ],
    });
    forwarder.forwardTo((backend.server.address() as AddressInfo).port);
    return {
      baseUrl: `http://127.0.0.1:${
        (backend.server.address() as AddressInfo).port
      }`,
      entities,
      counts: forwarder.counts,
      stop: async () => {
        await backend.stop();
        await forwarder.close();
      },
    };
  } catch (error) {
    await forwarder.close();
    throw error;
  }
}
