import {
  CheckId,
  TargetStatus,
} from '@internal/backstage-plugin-rollout-status-common';
import { findFreePort } from '@internal/test-services';
import { collectReadings, evaluateTarget, readRolloutStatusConfig } from '..';
import {
  KubernetesFixtureServer,
  recordedKubernetes,
  startKubernetesFixtureServer,
} from '../testUtils';

const TOKEN = 'k8s-token-must-not-leak-7731';
const KUBERNETES_CHECKS: CheckId[] = [
  'replicas',
  'pdb',
  'rollout',
  'probe-kills',
  'version-pin',
  'session-store',
];
const DEADLINE = 800;

describe('faults: every answer within the deadline, affected checks unknown with a reason', () => {
  let server: KubernetesFixtureServer;
  beforeAll(async () => {
    server = await startKubernetesFixtureServer({
      recorded: recordedKubernetes('healthy'),
      token: TOKEN,
    });
  });
  afterEach(() => server.setFault({ kind: 'none' }));
  afterAll(() => server.close());

  async function run(url: string, pgbouncerPort?: number) {
    const config = readRolloutStatusConfig({
      deadlineMs: DEADLINE,
      targets: [
        {
          id: 'authentik',
          title: 'authentik',
          kubernetes: { url, token: TOKEN },
          ...(pgbouncerPort
            ? {
                pgbouncer: {
                  host: '127.0.0.1',
                  port: pgbouncerPort,
                  user: 'admin',
                  password: 'pgb-secret-pw-42',
                },
              }
            : {}),
        },
      ],
    });
    const started = Date.now();
    const status = evaluateTarget(
      config.targets[0],
      await collectReadings(config.targets[0], { deadlineMs: DEADLINE }),
    );
    return { status, elapsed: Date.now() - started };
  }

  function expectUnknown(status: TargetStatus, reason: RegExp) {
    for (const id of KUBERNETES_CHECKS) {
      const result = status.checks.find(c => c.id === id);
      expect({ id, verdict: result?.verdict }).toEqual({
        id,
        verdict: 'unknown',
      });
      expect(result?.summary).toMatch(reason);
    }
    expect(status.preflight.safeToApply).toBe(false);
    expect(JSON.stringify(status)).not.toContain(TOKEN);
  }

  it('API server down: the reason names the API URL', async () => {
    const url = `http://127.0.0.1:${await findFreePort()}`;
    const { status, elapsed } = await run(url);
    expect(elapsed).toBeLessThan(DEADLINE + 300);
    expectUnknown(
      status,
      new RegExp(
        `Kubernetes API ${url.replace(
          /[.]/g,
          '\\.',
        )} unreachable: ECONNREFUSED`,
      ),
    );
  });

  it('API server slow', async () => {
    server.setFault({ kind: 'slow', delayMs: 5000 });
    const { status, elapsed } = await run(server.url);
    expect(elapsed).toBeLessThan(DEADLINE + 300);
    expectUnknown(status, /did not answer within 800 ms/);
  });

  it('API server answers 500', async () => {
    server.setFault({ kind: 'status', status: 500 });
    const { status } = await run(server.url);
    expect(status.checks.find(c => c.id === 'replicas')?.reasons).toEqual([
      'Kubernetes API answered HTTP 500',
    ]);
    expectUnknown(status, /Kubernetes API answered HTTP 500/);
  });

  it('API server answers 403', async () => {
    server.setFault({ kind: 'status', status: 403 });
    const { status } = await run(server.url);
    expect(status.checks.find(c => c.id === 'pdb')?.summary).toMatch(
      /nodes\/proxy/,
    );
    expectUnknown(status, /HTTP 403 \(the token lacks permission/);
  });

  it('PgBouncer down', async () => {
    const { status, elapsed } = await run(server.url, await findFreePort());
    expect(elapsed).toBeLessThan(DEADLINE + 300);
    const pool = status.checks.find(c => c.id === 'pool');
    expect(pool?.verdict).toBe('unknown');
    expect(pool?.summary).toMatch(/ECONNREFUSED/);
    expect(JSON.stringify(status)).not.toContain('pgb-secret-pw-42');
  });

  it('kubelet stats forbidden: only the session store is unknown', async () => {
    server.setFault({
      kind: 'status',
      status: 403,
      onlyPaths: /\/proxy\/stats\/summary$/,
    });
    const { status } = await run(server.url);
    const shm = status.checks.find(c => c.id === 'session-store');
    expect(shm?.verdict).toBe('unknown');
    expect(shm?.summary).toMatch(
      /no kubelet stats for volume dshm \(kubelet stats of node k8s-node\d: Kubernetes API answered HTTP 403/,
    );
    expect(status.checks.find(c => c.id === 'replicas')?.verdict).toBe('ok');
  });
});
