import fs from 'node:fs';
import path from 'node:path';
import {
  findFreePort,
  startPostgres,
  startRedis,
  TestPostgres,
  TestRedis,
} from '@internal/test-services';
import {
  KubernetesFixtureServer,
  recordedKubernetes,
  startKubernetesFixtureServer,
} from '@internal/backstage-plugin-rollout-status-node/testUtils';
import { hashBreakGlassPassword } from '../auth/breakGlass/passwordHash';
import { repoRoot, waitForHttpOk } from '../__testUtils__/spawnBackend';
import { AssembledImage } from './__testUtils__/dockerfile';
import {
  assembleImage,
  buildBackendBundle,
  startImage,
} from './__testUtils__/image';
import {
  deploymentArgs,
  deploymentLiteralEnv,
  portalStackModel,
  startupBudgetSeconds,
} from './__testUtils__/portalStack';
import {
  CountingServer,
  startAuthentikHttpFixture,
  startInfraRepoFixture,
} from './__testUtils__/upstreams';

/**
 * The production image without Docker: the Dockerfile's build stage (the
 * backend bundle) on this checkout, its final stage run from the Dockerfile
 * itself into a temp folder, and the result started with the production
 * config against a real PostgreSQL and a real Redis: once alone, then as the
 * stack's two replicas.
 */

const TOKEN = 'image-test-static-token-0123456789';
const SECRETS = {
  AUTH_SESSION_SECRET: 'image-test-session-secret',
  AUTHENTIK_OIDC_CLIENT_SECRET: 'image-test-oidc-client-secret',
  KUBERNETES_PORTAL_TOKEN: 'image-test-kubernetes-token',
  ROLLOUT_STATUS_PGBOUNCER_PASSWORD: 'image-test-pgbouncer-password',
  ROLLOUT_STATUS_PG_PASSWORD: 'image-test-pg-password',
  TECHDOCS_S3_SECRET_ACCESS_KEY: 'image-test-s3-secret',
  FORGEJO_PORTAL_TOKEN: 'image-test-forgejo-token',
};
// How often the ingest and the rollout pollers run in the replica test.
const INTERVAL_SECONDS = 5;

function productionEnv(options: {
  postgres: TestPostgres;
  redis: TestRedis;
  kubernetesUrl: string;
  authentikUrl: string;
  breakGlassHash: string;
  port: number;
}): Record<string, string> {
  const { postgres, redis } = options;
  return {
    // As the pod starts it (NODE_OPTIONS: the heap limit under the memory limit).
    ...deploymentLiteralEnv(),
    ...SECRETS,
    PORTAL_BASE_URL: `http://localhost:${options.port}`,
    POSTGRES_HOST: postgres.host,
    POSTGRES_PORT: String(postgres.port),
    POSTGRES_USER: postgres.user,
    POSTGRES_PASSWORD: postgres.password,
    REDIS_URL: redis.url,
    INFRA_REPO_PATH: path.join(repoRoot, 'examples/infra'),
    FORGEJO_BASE_URL: 'http://127.0.0.1:9',
    AUTHENTIK_OIDC_METADATA_URL:
      'http://127.0.0.1:9/.well-known/openid-configuration',
    AUTHENTIK_OIDC_CLIENT_ID: 'infra-portal',
    BREAKGLASS_ADMIN_PASSWORD_HASH: options.breakGlassHash,
    KUBERNETES_API_URL: options.kubernetesUrl,
    KUBERNETES_CA_DATA: Buffer.from('not a real CA').toString('base64'),
    ROLLOUT_STATUS_AUTHENTIK_READY_URL: `${options.authentikUrl}/-/health/ready/`,
    ROLLOUT_STATUS_FORWARD_AUTH_URL: `${options.authentikUrl}/app/`,
    TECHDOCS_BUCKET: 'portal-techdocs',
    TECHDOCS_S3_ENDPOINT: 'http://127.0.0.1:9',
    TECHDOCS_S3_REGION: 'us-east-1',
    TECHDOCS_S3_ACCESS_KEY_ID: 'image-test-access-key',
  };
}

function baseOverlay(port: number) {
  const url = `http://localhost:${port}`;
  return {
    app: { baseUrl: url },
    backend: {
      baseUrl: url,
      listen: { port },
      auth: {
        externalAccess: [
          { type: 'static', options: { token: TOKEN, subject: 'image-test' } },
        ],
      },
    },
  };
}

const authed = { headers: { authorization: `Bearer ${TOKEN}` } };

/**
 * The rollout targets a replica polls live, with the namespace each reads
 * (from the drift report, which lists every target the infra derives).
 */
async function livePollers(
  base: string,
): Promise<Array<{ targetId: string; namespace: string }>> {
  const get = async (route: string) => {
    const res = await fetch(`${base}/api/rollout-status/${route}`, authed);
    expect(res.status).toBe(200);
    return res.json();
  };
  const { targets } = await get('targets');
  const drift = await get('drift');
  const namespaceOf = new Map<string, string>(
    drift.targets.map((t: { targetId: string; namespace: string }) => [
      t.targetId,
      t.namespace,
    ]),
  );
  return targets
    .filter((t: { mode: string }) => t.mode === 'live')
    .map((t: { targetId: string }) => ({
      targetId: t.targetId,
      namespace: namespaceOf.get(t.targetId)!,
    }));
}

describe('the production image', () => {
  let image: AssembledImage;
  let postgres: TestPostgres;
  let redis: TestRedis;
  let kubernetes: KubernetesFixtureServer;
  let authentik: CountingServer;
  let breakGlassHash: string;
  const stops: Array<() => Promise<void>> = [];

  beforeAll(async () => {
    [postgres, redis, kubernetes, authentik, breakGlassHash] =
      await Promise.all([
        startPostgres(),
        startRedis(),
        startKubernetesFixtureServer({
          recorded: recordedKubernetes('healthy'),
          token: SECRETS.KUBERNETES_PORTAL_TOKEN,
        }),
        startAuthentikHttpFixture(),
        hashBreakGlassPassword('image-test-break-glass'),
      ]);
    await buildBackendBundle();
    image = await assembleImage();
  }, 900_000);

  afterEach(async () => {
    while (stops.length) await stops.pop()!();
  });

  afterAll(async () => {
    await Promise.all([
      postgres?.stop(),
      redis?.stop(),
      kubernetes?.close(),
      authentik?.close(),
    ]);
    if (image) fs.rmSync(image.dir, { recursive: true, force: true });
  });

  it('holds the bundle, the built frontend and production dependencies only', () => {
    const has = (p: string) => fs.existsSync(path.join(image.dir, p));
    expect(has('packages/backend/dist/index.cjs.js')).toBe(true);
    expect(has('packages/app/dist/index.html')).toBe(true);
    expect(has('node_modules/@backstage/plugin-catalog-backend')).toBe(true);
    expect(has('node_modules/pg')).toBe(true);
    // Build and test tooling stays out.
    expect(has('node_modules/@backstage/cli')).toBe(false);
    expect(has('node_modules/jest')).toBe(false);
    expect(has('node_modules/eslint')).toBe(false);
    expect(has('node_modules/@playwright/test')).toBe(false);
    // The sources are not shipped, only the bundle.
    expect(has('packages/backend/src')).toBe(false);
    expect(image.env.NODE_ENV).toBe('production');
  });

  it('starts on PostgreSQL and Redis, answers readiness and serves the frontend', async () => {
    const port = await findFreePort();
    const backend = await startImage(image, {
      args: image.cmd,
      overlay: baseOverlay(port),
      env: productionEnv({
        postgres,
        redis,
        port,
        kubernetesUrl: kubernetes.url,
        authentikUrl: authentik.url,
        breakGlassHash,
      }),
    });
    stops.push(() => backend.stop());
    const base = `http://localhost:${port}`;
    await waitForHttpOk(`${base}/.backstage/health/v1/readiness`, 180_000, {
      backend,
    });
    const coldStartSeconds = (Date.now() - backend.startedAt) / 1000;
    // The stack's startup probe must outlast a cold start, with room to
    // spare for a slower node (here, with two other jobs on two cores).
    const budget = startupBudgetSeconds((await portalStackModel())!)!;
    expect(coldStartSeconds * 2).toBeLessThan(budget);

    const page = await fetch(`${base}/`);
    expect(page.status).toBe(200);
    expect(page.headers.get('content-type')).toMatch(/text\/html/);
    const html = await page.text();
    expect(html).toContain('<title>Infra Portal</title>');
    const script = /<script[^>]+src="(\/static\/[^"]+\.js)"/.exec(html)?.[1];
    expect(script).toBeDefined();
    const js = await fetch(`${base}${script}`);
    expect(js.status).toBe(200);
    expect(js.headers.get('content-type')).toMatch(/javascript/);

    // The catalog is in PostgreSQL, read through the API.
    const entity = await waitForHttpOk(
      `${base}/api/catalog/entities/by-name/component/default/infra-portal`,
      60_000,
      { ...authed, backend },
    );
    expect((await entity.json()).metadata.title).toBe('Infra Portal');
    for (const secret of [...Object.values(SECRETS), postgres.password]) {
      expect(backend.output()).not.toContain(secret);
    }
  }, 300_000);

  describe('as two replicas on one PostgreSQL and one Redis', () => {
    let repo: Awaited<ReturnType<typeof startInfraRepoFixture>>;
    let database: string;

    beforeAll(async () => {
      repo = await startInfraRepoFixture({
        dir: path.join(repoRoot, 'examples/infra'),
        owner: 'homelab',
        repo: 'infra',
        ref: 'main',
      });
      // A fresh set of plugin databases, apart from the test above's.
      database = 'replicas';
    });
    afterAll(async () => {
      await repo?.close();
    });

    it('runs the ingest and every rollout poller once per interval, shares the cache, and survives losing one', async () => {
      const ports = [await findFreePort(), await findFreePort()];
      const start = (port: number) =>
        startImage(image, {
          args: deploymentArgs(),
          overlay: {
            ...baseOverlay(port),
            backend: {
              ...baseOverlay(port).backend,
              database: { prefix: `${database}_` },
            },
            integrations: {
              gitea: [{ host: new URL(repo.url).host, baseUrl: repo.url }],
            },
            catalog: {
              providers: {
                infra: {
                  // Read through the integration, so the fixture counts reads.
                  source: { path: null, url: repo.repoUrl },
                  // Objects merge with app-config.yaml's (minutes: 5), so
                  // every unit is given.
                  schedule: {
                    frequency: { minutes: 0, seconds: INTERVAL_SECONDS },
                    timeout: { minutes: 1 },
                    initialDelay: { seconds: 1 },
                  },
                },
              },
            },
            rolloutStatus: {
              intervalSeconds: INTERVAL_SECONDS,
              deadlineMs: 1000,
            },
          },
          env: productionEnv({
            postgres,
            redis,
            port,
            kubernetesUrl: kubernetes.url,
            authentikUrl: authentik.url,
            breakGlassHash,
          }),
        });
      const replicas = await Promise.all(ports.map(start));
      stops.push(...replicas.map(r => () => r.stop()));
      const bases = ports.map(p => `http://localhost:${p}`);
      await Promise.all(
        bases.map((b, i) =>
          waitForHttpOk(`${b}/.backstage/health/v1/readiness`, 180_000, {
            backend: replicas[i],
          }),
        ),
      );

      // Started together on a fresh database, one waited for the other's
      // migrations (the startup lock) instead of failing on knex's lock.
      expect(
        replicas.filter(r =>
          r.output().includes('waiting for it to finish (startup lock)'),
        ),
      ).toHaveLength(1);
      for (const r of replicas) {
        expect(r.output()).not.toContain('Migration table is already locked');
      }

      // What the replicas said about the sources, for a failure message.
      const said = () =>
        replicas
          .flatMap(r => r.output().split('\n'))
          .filter(l => /infra|gitea|rollout-status|error/i.test(l))
          .slice(-40)
          .join('\n');
      // Every live poller: the configured authentik target and those the
      // infra repo derives. Each has a namespace of its own here, so the
      // Kubernetes reads in a namespace are its poller's reads.
      const pollers = await livePollers(bases[0]);
      expect(pollers.map(p => p.targetId)).toEqual(
        expect.arrayContaining(['authentik', 'linkwarden', 'monitoring']),
      );
      expect(pollers.filter(p => !p.namespace)).toEqual([]);
      const namespaces = pollers.map(p => p.namespace);
      expect(new Set(namespaces).size).toBe(namespaces.length);

      // Reads per source: the infra ingest (commits of the repo), the
      // authentik readiness probe, and each Kubernetes resource listed in
      // each poller's namespace.
      const reads = (): Record<string, number> => ({
        ingest: repo.count(repo.commitsPath),
        'authentik ready': authentik.count('/-/health/ready/'),
        ...Object.fromEntries(
          [...kubernetes.namespacedRequests].filter(([key]) =>
            namespaces.includes(key.split('/')[0]),
          ),
        ),
      });
      // Wait until the first ingest and every poller's first poll.
      const unread = () => [
        ...['ingest', 'authentik ready'].filter(s => !reads()[s]),
        ...namespaces.filter(
          ns => !Object.keys(reads()).some(k => k.startsWith(`${ns}/`)),
        ),
      ];
      for (let i = 0; unread().length; i++) {
        if (i > 120) {
          throw new Error(
            `no first read of ${unread().join(', ')} after 60 s\n${said()}`,
          );
        }
        await new Promise(r => setTimeout(r, 500));
      }

      // Over 6 intervals with both replicas up: each source is read once per
      // interval (a run starting just before and one just after the window
      // allow one more), not once per replica.
      const before = reads();
      const windowIntervals = 6;
      await new Promise(r =>
        setTimeout(r, windowIntervals * INTERVAL_SECONDS * 1000),
      );
      const during = reads();
      const perSource = Object.fromEntries(
        Object.keys(during).map(s => [s, during[s] - (before[s] ?? 0)]),
      );
      const offBeat = Object.entries(perSource).filter(
        ([, n]) => n < windowIntervals - 1 || n > windowIntervals + 1,
      );
      expect(offBeat).toEqual([]);
      // Every poller was counted, not only those that happened to be read.
      for (const ns of namespaces) {
        expect(Object.keys(perSource).some(k => k.startsWith(`${ns}/`))).toBe(
          true,
        );
      }

      // Both answer the same rollout status: one replica polled it, both
      // read it from Redis. A poll may land between the two reads, and each
      // replica answers from what it read within the current second (one
      // read per second, whatever the viewers): then the two differ until
      // that second has passed. Polls can come closer than an interval
      // apart (a run the scheduler picked up late, then the next on time),
      // so read both again after the second, not at once, for up to 3
      // intervals. Neither may still be pending ("No data yet"): polls have
      // run for 6 intervals.
      const bothStatuses = () =>
        Promise.all(
          bases.map(async b => {
            const res = await fetch(
              `${b}/api/rollout-status/targets/authentik/status`,
              authed,
            );
            expect(res.status).toBe(200);
            return res.json();
          }),
        );
      type Status = { generatedAt: string; checks: Array<{ summary: string }> };
      const pending = (status: Status) =>
        status.checks.every(c => c.summary.startsWith('No data yet'));
      const agree = (s: Status[]) =>
        !s.some(pending) && s[1].generatedAt === s[0].generatedAt;
      let statuses = await bothStatuses();
      const patience = Date.now() + 3 * INTERVAL_SECONDS * 1000;
      while (!agree(statuses) && Date.now() < patience) {
        await new Promise(r => setTimeout(r, 1100));
        statuses = await bothStatuses();
      }
      const stuck = statuses.flatMap((s, i) => (pending(s) ? [i + 1] : []));
      if (stuck.length) {
        throw new Error(
          `replica ${stuck.join(
            ', ',
          )} read no poll result from the shared cache in ${
            3 * INTERVAL_SECONDS
          } s\n${said()}`,
        );
      }
      expect(statuses[0].mode).toBe('live');
      expect(statuses[0].generatedAt).toBeDefined();
      expect(statuses[1].generatedAt).toBe(statuses[0].generatedAt);
      // Every poller's result is one base64 key under the configured prefix
      // and the plugin's name, whichever replica polled it: under no other
      // plugin's name.
      const keys = await redis.command('--scan', '--pattern', '*');
      for (const { targetId } of pollers) {
        const key = Buffer.from(`status:${targetId}`).toString('base64');
        expect(keys.filter(k => k.endsWith(`:${key}`))).toEqual([
          `infra-portal:rollout-status:${key}`,
        ]);
      }

      // The catalog holds each entity once.
      const entities = await (
        await fetch(
          `${bases[1]}/api/catalog/entities?fields=kind,metadata.namespace,metadata.name`,
          authed,
        )
      ).json();
      const refs = entities.map(
        (e: { kind: string; metadata: { namespace: string; name: string } }) =>
          `${e.kind}:${e.metadata.namespace}/${e.metadata.name}`.toLowerCase(),
      );
      expect(refs).toContain('system:default/linkwarden');
      expect(new Set(refs).size).toBe(refs.length);

      // Stop one: the other keeps polling, within one interval.
      await replicas[0].stop();
      const afterStop = reads();
      await new Promise(r => setTimeout(r, (INTERVAL_SECONDS * 2 + 2) * 1000));
      const later = reads();
      const stalled = Object.keys(later).filter(
        s => later[s] - (afterStop[s] ?? 0) < 1,
      );
      expect(stalled).toEqual([]);
      const res = await fetch(
        `${bases[1]}/api/rollout-status/targets/authentik/status`,
        authed,
      );
      expect((await res.json()).generatedAt > statuses[0].generatedAt).toBe(
        true,
      );

      for (const r of replicas) {
        for (const secret of [...Object.values(SECRETS), postgres.password]) {
          expect(r.output()).not.toContain(secret);
        }
      }
    }, 420_000);
  });
});
