/**
 * Benchmark: the production image (built and assembled as image.test.ts
 * does) on a real PostgreSQL and a real Redis.
 *
 *   yarn bench:deploy [--viewers 400] [--seconds 60] [--interval 10] [--poll-ms 10000,1000] [--image-dir <dir>]
 *
 * Prints: the bundle build and each Dockerfile RUN, the cold start to ready
 * on a fresh database and on a migrated one, then two replicas (the stack's
 * args) with the viewers split across them, each polling the authentik
 * rollout status every poll-ms for the given seconds, one phase per rate
 * (by default the page's own 10 s, then 1 s): upstream reads per source per
 * interval, p50/p95/p99/max latency, errors, and each replica's RSS before,
 * at the end of the load and 30 s after it. `--image-dir` reuses a folder a
 * previous run assembled (it prints it) and skips the build.
 */
// A dev-only entry point (tsx, never bundled), kept with the test helpers
// it uses, where lint allows dev dependencies.
import fs from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import {
  findFreePort,
  runViewersInChild,
  startPostgres,
  startRedis,
} from '@internal/test-services';
import {
  recordedKubernetes,
  startKubernetesFixtureServer,
} from '@internal/backstage-plugin-rollout-status-node/testUtils';
import { PAGE_REFRESH_INTERVAL_MS } from '@internal/backstage-plugin-rollout-status-common';
import { hashBreakGlassPassword } from '../../auth/breakGlass/passwordHash';
import { repoRoot, waitForHttpOk } from '../../__testUtils__/spawnBackend';
import { parseDockerfile } from './dockerfile';
import type { AssembledImage } from './dockerfile';
import { assembleImage, buildBackendBundle, rssMiB, startImage } from './image';
import { deploymentArgs, deploymentLiteralEnv } from './portalStack';
import { startAuthentikHttpFixture, startInfraRepoFixture } from './upstreams';

const TOKEN = 'bench-static-token-0123456789abcdef';
/** Idle time after the load before RSS is read again. */
const SETTLE_SECONDS = 30;

async function main() {
  const { values } = parseArgs({
    options: {
      viewers: { type: 'string', default: '400' },
      seconds: { type: 'string', default: '60' },
      interval: { type: 'string', default: '10' },
      // The page's own rate, then ten times it.
      'poll-ms': {
        type: 'string',
        default: `${PAGE_REFRESH_INTERVAL_MS},${PAGE_REFRESH_INTERVAL_MS / 10}`,
      },
      'image-dir': { type: 'string' },
    },
  });
  const viewers = Number(values.viewers);
  const seconds = Number(values.seconds);
  const interval = Number(values.interval);
  const pollRates = values['poll-ms'].split(',').map(Number);
  const say = (line: string) => process.stdout.write(`${line}\n`);

  let image: AssembledImage;
  if (values['image-dir']) {
    const stages = parseDockerfile(
      fs.readFileSync(path.join(repoRoot, 'Dockerfile'), 'utf8'),
    );
    const final = stages[stages.length - 1].instructions;
    const json = (k: string) =>
      JSON.parse(final.find(i => i.keyword === k)!.args) as string[];
    image = {
      dir: values['image-dir'],
      env: { NODE_ENV: 'production', YARN_ENABLE_SCRIPTS: 'false' },
      entrypoint: json('ENTRYPOINT'),
      cmd: json('CMD'),
      runSeconds: [],
    };
  } else {
    say(`bundle build: ${(await buildBackendBundle()).toFixed(1)} s`);
    image = await assembleImage();
    for (const r of image.runSeconds) {
      say(`RUN ${r.run.slice(0, 70)}: ${r.seconds.toFixed(1)} s`);
    }
    say(`image folder: ${image.dir}`);
  }

  const [postgres, redis, kubernetes, authentik, breakGlassHash] =
    await Promise.all([
      startPostgres(),
      startRedis(),
      startKubernetesFixtureServer({
        recorded: recordedKubernetes('healthy'),
        token: 'bench-kubernetes-token',
      }),
      startAuthentikHttpFixture(),
      hashBreakGlassPassword('bench-break-glass'),
    ]);
  const repo = await startInfraRepoFixture({
    dir: path.join(repoRoot, 'examples/infra'),
    owner: 'homelab',
    repo: 'infra',
    ref: 'main',
  });

  const env = (port: number) => ({
    // As the pod starts it (NODE_OPTIONS: the heap limit under the memory limit).
    ...deploymentLiteralEnv(),
    PORTAL_BASE_URL: `http://localhost:${port}`,
    POSTGRES_HOST: postgres.host,
    POSTGRES_PORT: String(postgres.port),
    POSTGRES_USER: postgres.user,
    POSTGRES_PASSWORD: postgres.password,
    REDIS_URL: redis.url,
    INFRA_REPO_PATH: path.join(repoRoot, 'examples/infra'),
    FORGEJO_BASE_URL: 'http://127.0.0.1:9',
    FORGEJO_PORTAL_TOKEN: 'bench-forgejo-token',
    AUTH_SESSION_SECRET: 'bench-session-secret',
    AUTHENTIK_OIDC_METADATA_URL:
      'http://127.0.0.1:9/.well-known/openid-configuration',
    AUTHENTIK_OIDC_CLIENT_ID: 'infra-portal',
    AUTHENTIK_OIDC_CLIENT_SECRET: 'bench-oidc-secret',
    BREAKGLASS_ADMIN_PASSWORD_HASH: breakGlassHash,
    KUBERNETES_API_URL: kubernetes.url,
    KUBERNETES_PORTAL_TOKEN: 'bench-kubernetes-token',
    KUBERNETES_CA_DATA: Buffer.from('not a real CA').toString('base64'),
    ROLLOUT_STATUS_PGBOUNCER_PASSWORD: 'bench-pgbouncer',
    ROLLOUT_STATUS_PG_PASSWORD: 'bench-pg',
    ROLLOUT_STATUS_AUTHENTIK_READY_URL: `${authentik.url}/-/health/ready/`,
    ROLLOUT_STATUS_FORWARD_AUTH_URL: `${authentik.url}/app/`,
    TECHDOCS_BUCKET: 'portal-techdocs',
    TECHDOCS_S3_ENDPOINT: 'http://127.0.0.1:9',
    TECHDOCS_S3_REGION: 'us-east-1',
    TECHDOCS_S3_ACCESS_KEY_ID: 'bench-access-key',
    TECHDOCS_S3_SECRET_ACCESS_KEY: 'bench-s3-secret',
  });
  const overlay = (port: number) => ({
    app: { baseUrl: `http://localhost:${port}` },
    backend: {
      baseUrl: `http://localhost:${port}`,
      listen: { port },
      auth: {
        externalAccess: [
          { type: 'static', options: { token: TOKEN, subject: 'bench' } },
        ],
      },
    },
    integrations: {
      gitea: [{ host: new URL(repo.url).host, baseUrl: repo.url }],
    },
    catalog: {
      providers: {
        infra: {
          source: { path: null, url: repo.repoUrl },
          schedule: {
            // Objects merge with app-config.yaml's (minutes: 5).
            frequency: { minutes: 0, seconds: interval },
            timeout: { minutes: 3 },
            initialDelay: { seconds: 1 },
          },
        },
      },
    },
    rolloutStatus: { intervalSeconds: interval },
  });
  const start = async (args: string[]) => {
    const port = await findFreePort();
    const backend = await startImage(image, {
      args,
      overlay: overlay(port),
      env: env(port),
    });
    const base = `http://localhost:${port}`;
    await waitForHttpOk(`${base}/.backstage/health/v1/readiness`, 600_000, {
      backend,
    });
    return { backend, base, seconds: (Date.now() - backend.startedAt) / 1000 };
  };

  try {
    const fresh = await start(deploymentArgs());
    say(`cold start to ready, fresh database: ${fresh.seconds.toFixed(1)} s`);
    await fresh.backend.stop();
    const migrated = await start(deploymentArgs());
    say(
      `cold start to ready, migrated database: ${migrated.seconds.toFixed(
        1,
      )} s`,
    );
    await migrated.backend.stop();

    const replicas = await Promise.all([
      start(deploymentArgs()),
      start(deploymentArgs()),
    ]);
    say(
      `two replicas started together, ready after: ${replicas
        .map(r => `${r.seconds.toFixed(1)} s`)
        .join(', ')} (the second waits for the startup lock)`,
    );
    // Let the first ingest and polls happen.
    await new Promise(r => setTimeout(r, (interval + 2) * 1000));
    const statusPath = '/api/rollout-status/targets/authentik/status';
    // Growth is against RSS before any load: after a phase the heap shrinks
    // back, which would make the next phase's growth look larger.
    const rssBefore = replicas.map(r => rssMiB(r.backend.child.pid!));
    for (const pollMs of pollRates) {
      const readsBefore = {
        ingest: repo.count(repo.commitsPath),
        ready: authentik.count('/-/health/ready/'),
        deployments: kubernetes.requests.get('deployments') ?? 0,
      };
      // RSS through the load too: a leak climbs while the requests come in,
      // the start-up's garbage only falls.
      const rssDuring: number[][] = replicas.map(() => []);
      const sampler = setInterval(() => {
        for (const [i, r] of replicas.entries())
          rssDuring[i].push(rssMiB(r.backend.child.pid!));
      }, 5000);
      // The viewers run in their own process, apart from the fixtures'; viewer
      // i polls replica i mod 2, accepting gzip as a browser does.
      const load = await runViewersInChild({
        baseUrl: replicas[0].base,
        method: 'GET',
        path: statusPath,
        spread: replicas.map(r => ({ path: `${r.base}${statusPath}` })),
        headers: {
          authorization: `Bearer ${TOKEN}`,
          'accept-encoding': 'gzip',
        },
        viewers,
        pollMs,
        seconds,
      });
      clearInterval(sampler);
      const rssAfter = replicas.map(r => rssMiB(r.backend.child.pid!));
      const intervals = seconds / interval;
      const perInterval = (n: number) => (n / intervals).toFixed(2);
      say(
        `${viewers} viewers over 2 replicas, each polling every ${pollMs} ms${
          pollMs === PAGE_REFRESH_INTERVAL_MS ? " (the page's own rate)" : ''
        }, for ${seconds} s (${intervals} intervals of ${interval} s):`,
      );
      say(
        `  upstream reads per interval: infra repo ${perInterval(
          repo.count(repo.commitsPath) - readsBefore.ingest,
        )}, authentik ready URL ${perInterval(
          authentik.count('/-/health/ready/') - readsBefore.ready,
        )}, Kubernetes deployments LISTs ${perInterval(
          (kubernetes.requests.get('deployments') ?? 0) -
            readsBefore.deployments,
        )} (all targets, one LIST per namespace)`,
      );
      say(
        `  requests ${load.requests}, errors ${load.errors} ${JSON.stringify(
          load.errorsByCause,
        )} (retried after a closed kept-alive connection: ${
          load.retries
        }), latency p50 ${load.p50.toFixed(1)} ms, p95 ${load.p95.toFixed(
          1,
        )} ms, p99 ${load.p99.toFixed(1)} ms, max ${load.max.toFixed(1)} ms`,
      );
      // RSS again once the load has stopped for a while: what the heap
      // shrinks back to tells growth the load left behind (a leak) from the
      // room V8 takes while the requests come in.
      await new Promise(r => setTimeout(r, SETTLE_SECONDS * 1000));
      const rssSettled = replicas.map(r => rssMiB(r.backend.child.pid!));
      const growth = (to: number, from: number) =>
        `${to.toFixed(0)} MiB (${(((to - from) / from) * 100).toFixed(1)} %)`;
      for (const [i, before] of rssBefore.entries()) {
        const during = rssDuring[i];
        say(
          `  replica ${i + 1} RSS before any load ${before.toFixed(
            0,
          )} MiB -> at the end of this load ${growth(
            rssAfter[i],
            before,
          )} -> ${SETTLE_SECONDS} s later ${growth(rssSettled[i], before)}`,
        );
        if (during.length > 1)
          say(
            `    during the load, every 5 s: ${during
              .map(v => v.toFixed(0))
              .join(' ')} MiB; last against lowest ${growth(
              during[during.length - 1],
              Math.min(...during),
            )}`,
          );
      }
    }
    await Promise.all(replicas.map(r => r.backend.stop()));
  } finally {
    await Promise.all([
      postgres.stop(),
      redis.stop(),
      kubernetes.close(),
      authentik.close(),
      repo.close(),
    ]);
  }
}

main().then(
  () => process.exit(0),
  error => {
    process.stderr.write(`${error instanceof Error ? error.stack : error}\n`);
    process.exit(1);
  },
);
