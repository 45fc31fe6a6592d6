/** The viewers benchmark (see ../viewers.ts for how to run it). */
import { createServer } from 'node:http';
import { AddressInfo } from 'node:net';
import { loadavg } from 'node:os';
import { resolve } from 'node:path';
import { schedulerServiceFactory } from '@backstage/backend-defaults/scheduler';
import { mockServices, startTestBackend } from '@backstage/backend-test-utils';
import { catalogServiceMock } from '@backstage/plugin-catalog-node/testUtils';
import {
  recordedKubernetes,
  startKubernetesFixtureServer,
} from '@internal/backstage-plugin-rollout-status-node/testUtils';
import { rolloutStatusPlugin } from '../../plugin';
import { startCountingProxy } from './countingProxy';
import {
  LoadResult,
  runViewersInChild,
  startPgBouncer,
  startPostgres,
} from '@internal/test-services';
import { ClusterFigures, benchSimulatedCluster } from './simulatedBench';
import { writeSyntheticInfra } from './syntheticInfra';

function arg(name: string, fallback: number): number {
  const i = process.argv.indexOf(`--${name}`);
  return i > 0 ? Number(process.argv[i + 1]) : fallback;
}

const SECONDS = arg('seconds', 60);
const VIEWERS = arg('viewers', 200);
const POLL_MS = arg('poll-ms', 1000);
const INTERVAL = arg('interval', 10);
const WARMUP = arg('warmup', 10);
const HELM_RELEASES = arg('helm-releases', 30);
/** `single` (one configured target), `infra` (examples/infra), `synthetic`; default all three. */
const ONLY = process.argv.includes('--only')
  ? process.argv[process.argv.indexOf('--only') + 1]
  : undefined;
const REPO = resolve(__dirname, '../../../../..');
const TOKEN = 'bench-token';

const entity = {
  apiVersion: 'backstage.io/v1alpha1',
  kind: 'Component',
  metadata: {
    name: 'authentik',
    namespace: 'default',
    annotations: { 'backstage.io/kubernetes-id': 'authentik' },
  },
  spec: { type: 'service', owner: 'infra', lifecycle: 'production' },
};

/** Collects garbage when node runs with --expose-gc (NODE_OPTIONS=--expose-gc), so memory figures are not GC timing. */
function collectGarbage() {
  const gc = (globalThis as { gc?: () => void }).gc;
  gc?.();
}

const mb = (bytes: number) => `${(bytes / 1024 / 1024).toFixed(1)} MB`;
const ms = (v: number) => `${v.toFixed(1)} ms`;

const load = (l: number[]) => l.map(v => v.toFixed(2)).join(' ');

/** Prints one simulated-cluster run side by side. */
function printCluster(c: ClusterFigures) {
  const out = process.stdout;
  out.write(
    `\n== ${c.title}: ${c.targets} derived targets; stock tab over ${c.entities} entities in ${c.namespaces} namespaces ==\n`,
  );
  const resources = [
    ...new Set([
      ...Object.keys(c.ours.readsPerInterval),
      ...Object.keys(c.stock.readsPerInterval),
    ]),
  ].sort();
  const rows: Array<[string, (p: typeof c.ours) => string]> = [
    ['requests served', p => String(p.result.requests)],
    ['errors', p => String(p.result.errors)],
    [
      'error causes',
      p =>
        Object.entries(p.result.errorsByCause)
          .map(([cause, n]) => `${cause} ×${n}`)
          .join(', ') || '-',
    ],
    ['p50 latency', p => ms(p.result.p50)],
    ['p95 latency', p => ms(p.result.p95)],
    ['p99 latency', p => ms(p.result.p99)],
    [
      'K8s API requests / viewer request',
      p => p.requestsPerViewerRequest.toFixed(2),
    ],
    ...resources.map(
      r =>
        [
          `K8s ${r} reads / interval`,
          (p: typeof c.ours) => (p.readsPerInterval[r] ?? 0).toFixed(2),
        ] as [string, (p: typeof c.ours) => string],
    ),
    [
      'RSS warm → end (backend process)',
      p => `${mb(p.rssBefore)} → ${mb(p.rssAfter)}`,
    ],
    [
      'JS heap used warm → end',
      p => `${mb(p.heapBefore)} → ${mb(p.heapAfter)}`,
    ],
    [
      'load average before → after',
      p => `${load(p.loadBefore)} → ${load(p.loadAfter)}`,
    ],
  ];
  const width = 48;
  const column = 36;
  out.write(
    `${'metric'.padEnd(width)}${'rollout-status (all targets)'.padEnd(
      column,
    )}stock kubernetes objects\n`,
  );
  for (const [label, get] of rows)
    out.write(
      `${label.padEnd(width)}${get(c.ours).padEnd(column)}${get(c.stock)}\n`,
    );
  out.write(
    '(reads count every client of the simulated API: during the stock phase the rollout poller still reads once per interval)\n',
  );
}

/** Runs every selected scenario. */
export async function runBenchmark() {
  process.stdout.write(
    `load average at start (1, 5, 15 min): ${load(
      loadavg(),
    )}; ${VIEWERS} viewers, poll ${POLL_MS} ms, ${SECONDS} s per endpoint after ${WARMUP} s warm-up, interval ${INTERVAL} s\n`,
  );
  if (!ONLY || ONLY === 'single') await runSingleTarget();
  const common = {
    viewers: VIEWERS,
    pollMs: POLL_MS,
    seconds: SECONDS,
    warmup: WARMUP,
    interval: INTERVAL,
  };
  if (!ONLY || ONLY === 'infra') {
    printCluster(
      await benchSimulatedCluster({
        ...common,
        title: 'examples/infra on the simulated cluster',
        infraPath: resolve(REPO, 'examples/infra'),
        liveChanges: resolve(
          REPO,
          'examples/simulated-cluster/live-changes.yaml',
        ),
      }),
    );
  }
  if (!ONLY || ONLY === 'synthetic') {
    printCluster(
      await benchSimulatedCluster({
        ...common,
        title: `synthetic cluster with ${HELM_RELEASES} Helm releases`,
        infraPath: await writeSyntheticInfra({
          releases: HELM_RELEASES,
          perNamespace: 3,
        }),
      }),
    );
  }
  process.stdout.write(
    `\nload average at end (1, 5, 15 min): ${load(loadavg())}\n`,
  );
}

/** One configured target with every source (PgBouncer, PostgreSQL, HTTP), against the fixture server. */
async function runSingleTarget() {
  // Started one by one; whatever started is stopped again, even on failure.
  const cleanups: Array<() => Promise<unknown>> = [];
  try {
    const postgres = await startPostgres();
    cleanups.unshift(() => postgres.stop());
    const bouncer = await startPgBouncer({
      postgres,
      poolMode: 'session',
      defaultPoolSize: 20,
      idleTransactionTimeout: 300,
    });
    cleanups.unshift(() => bouncer.stop());
    const fixture = await startKubernetesFixtureServer({
      recorded: recordedKubernetes('healthy'),
      token: TOKEN,
    });
    cleanups.unshift(() => fixture.close());
    const bouncerProxy = await startCountingProxy(bouncer.port);
    cleanups.unshift(() => bouncerProxy.close());
    const postgresProxy = await startCountingProxy(postgres.port);
    cleanups.unshift(() => postgresProxy.close());
    let probeRequests = 0;
    const probes = createServer((req, res) => {
      probeRequests++;
      if (req.url === '/ready') res.writeHead(200).end('ok');
      else
        res.writeHead(302, { location: '/outpost.goauthentik.io/start' }).end();
    });
    await new Promise<void>(r => probes.listen(0, '127.0.0.1', r));
    cleanups.unshift(() => new Promise(r => probes.close(r)));
    const probeBase = `http://127.0.0.1:${
      (probes.address() as AddressInfo).port
    }`;

    const backend = await startTestBackend({
      features: [
        rolloutStatusPlugin,
        import('@backstage/plugin-kubernetes-backend'),
        catalogServiceMock.factory({ entities: [entity] }),
        schedulerServiceFactory,
        mockServices.rootConfig.factory({
          data: {
            rolloutStatus: {
              intervalSeconds: INTERVAL,
              targets: [
                {
                  id: 'authentik',
                  title: 'authentik',
                  kubernetes: { url: fixture.url, token: TOKEN },
                  pgbouncer: {
                    host: '127.0.0.1',
                    port: bouncerProxy.port,
                    user: bouncer.adminUser,
                    password: bouncer.adminPassword,
                    database: 'postgres',
                  },
                  postgres: {
                    host: '127.0.0.1',
                    port: postgresProxy.port,
                    user: postgres.user,
                    password: postgres.password,
                    database: 'postgres',
                  },
                  http: {
                    readyUrl: `${probeBase}/ready`,
                    forwardAuthUrl: `${probeBase}/protected`,
                  },
                },
              ],
            },
            kubernetes: {
              serviceLocatorMethod: { type: 'multiTenant' },
              clusterLocatorMethods: [
                {
                  type: 'config',
                  clusters: [
                    {
                      name: 'fixture',
                      url: fixture.url,
                      authProvider: 'serviceAccount',
                      serviceAccountToken: TOKEN,
                      skipTLSVerify: true,
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
    cleanups.unshift(() => backend.stop());
    const address = backend.server.address() as AddressInfo;
    const baseUrl = `http://127.0.0.1:${address.port}`;

    // Warm up: wait for the first poll, then a few requests on each endpoint.
    for (;;) {
      const res = await fetch(
        `${baseUrl}/api/rollout-status/targets/authentik/status`,
      );
      const body = (await res.json()) as {
        checks: Array<{ reasons: string[]; verdict: string }>;
      };
      if (!body.checks[0].reasons.includes('not polled yet')) break;
      await new Promise(r => setTimeout(r, 100));
    }
    const stock = await fetch(`${baseUrl}/api/kubernetes/services/authentik`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ entity }),
    });
    const stockBody = (await stock.json()) as {
      items?: Array<{ resources: Array<{ resources: unknown[] }> }>;
    };
    const stockObjects =
      stockBody.items?.[0]?.resources.reduce(
        (n, r) => n + r.resources.length,
        0,
      ) ?? 0;

    const phase = async (
      name: string,
      run: (seconds: number) => Promise<LoadResult>,
    ) => {
      // Warm up under the same load, so RSS and latency are measured warm.
      await run(WARMUP);
      collectGarbage();
      const heapBefore = process.memoryUsage().heapUsed;
      const externalBefore = process.memoryUsage().external;
      const before = {
        k8s: fixture.requests.get('deployments') ?? 0,
        all: fixture.totalRequests(),
        pgb: bouncerProxy.connections(),
        pg: postgresProxy.connections(),
        http: probeRequests,
      };
      const rssBefore = process.memoryUsage().rss;
      const started = Date.now();
      const result = await run(SECONDS);
      const elapsed = (Date.now() - started) / 1000;
      collectGarbage();
      const rssAfter = process.memoryUsage().rss;
      const heapAfter = process.memoryUsage().heapUsed;
      const externalAfter = process.memoryUsage().external;
      const intervals = elapsed / INTERVAL;
      return {
        name,
        result,
        elapsed,
        rssBefore,
        rssAfter,
        heapBefore,
        heapAfter,
        externalBefore,
        externalAfter,
        reads: {
          kubernetesPolls:
            ((fixture.requests.get('deployments') ?? 0) - before.k8s) /
            intervals,
          kubernetesRequests: fixture.totalRequests() - before.all,
          pgbouncer: (bouncerProxy.connections() - before.pgb) / intervals,
          postgres: (postgresProxy.connections() - before.pg) / intervals,
          http: (probeRequests - before.http) / 2 / intervals,
        },
      };
    };

    const ours = await phase(
      'rollout-status GET /targets/authentik/status',
      seconds =>
        runViewersInChild({
          baseUrl,
          method: 'GET',
          path: '/api/rollout-status/targets/authentik/status',
          viewers: VIEWERS,
          pollMs: POLL_MS,
          seconds,
        }),
    );
    const theirs = await phase('kubernetes POST /services/authentik', seconds =>
      runViewersInChild({
        baseUrl,
        method: 'POST',
        path: '/api/kubernetes/services/authentik',
        body: JSON.stringify({ entity }),
        viewers: VIEWERS,
        pollMs: POLL_MS,
        seconds,
      }),
    );

    const rows: Array<[string, (p: typeof ours) => string]> = [
      ['requests served', p => String(p.result.requests)],
      ['errors', p => String(p.result.errors)],
      [
        'error causes',
        p =>
          Object.entries(p.result.errorsByCause)
            .map(([cause, n]) => `${cause} ×${n}`)
            .join(', ') || '-',
      ],
      ['p50 latency', p => ms(p.result.p50)],
      ['p95 latency', p => ms(p.result.p95)],
      ['p99 latency', p => ms(p.result.p99)],
      ['max latency', p => ms(p.result.max)],
      ['K8s API requests (total)', p => String(p.reads.kubernetesRequests)],
      [
        'K8s API requests / viewer request',
        p =>
          (p.reads.kubernetesRequests / Math.max(1, p.result.requests)).toFixed(
            2,
          ),
      ],
      [
        'K8s deployment LISTs / interval',
        p => p.reads.kubernetesPolls.toFixed(2),
      ],
      ['PgBouncer reads / interval', p => p.reads.pgbouncer.toFixed(2)],
      ['PostgreSQL reads / interval', p => p.reads.postgres.toFixed(2)],
      ['HTTP probe reads / interval (per probe)', p => p.reads.http.toFixed(2)],
      [
        'RSS warm → end (backend process)',
        p =>
          `${mb(p.rssBefore)} → ${mb(p.rssAfter)} (${(
            ((p.rssAfter - p.rssBefore) / p.rssBefore) *
            100
          ).toFixed(1)} %)`,
      ],
      [
        'JS heap used warm → end',
        p => `${mb(p.heapBefore)} → ${mb(p.heapAfter)}`,
      ],
      [
        'external (buffers) warm → end',
        p => `${mb(p.externalBefore)} → ${mb(p.externalAfter)}`,
      ],
    ];
    const out = process.stdout;
    out.write(
      `\n${
        (globalThis as { gc?: unknown }).gc
          ? 'GC forced before each memory reading; '
          : ''
      }${VIEWERS} viewers, each polling every ${POLL_MS} ms for ${SECONDS} s per endpoint after ${WARMUP} s warm-up; rollout-status interval ${INTERVAL} s; stock endpoint returned ${stockObjects} objects\n\n`,
    );
    const width = 42;
    const column = 36;
    out.write(
      `${'metric'.padEnd(width)}${'rollout-status'.padEnd(
        column,
      )}stock kubernetes objects\n`,
    );
    for (const [label, get] of rows) {
      out.write(
        `${label.padEnd(width)}${get(ours).padEnd(column)}${get(theirs)}\n`,
      );
    }
  } finally {
    for (const cleanup of cleanups) {
      await cleanup();
    }
  }
}
