import {
  CheckId,
  Verdict,
} from '@internal/backstage-plugin-rollout-status-common';
import { collectReadings, evaluateTarget, readRolloutStatusConfig } from '..';
import {
  KubernetesFixtureServer,
  ScenarioName,
  readBundledSnapshot,
  recordedKubernetes,
  snapshotPath,
  startKubernetesFixtureServer,
} from '../testUtils';

const TOKEN = 'fixture-token-5ecret';

async function statusFromFixture(
  server: KubernetesFixtureServer,
  scenario: ScenarioName,
) {
  const config = readRolloutStatusConfig({
    targets: [
      {
        id: 'authentik',
        title: 'authentik',
        kubernetes: { url: server.url, token: TOKEN },
      },
    ],
  });
  const recordedAt = Date.parse(readBundledSnapshot(scenario).recordedAt);
  const readings = await collectReadings(config.targets[0], {
    deadlineMs: 3000,
    now: () => recordedAt,
  });
  return evaluateTarget(config.targets[0], readings);
}

const verdicts = (
  checks: Array<{ id: CheckId; verdict: Verdict }>,
  ids: CheckId[],
) =>
  Object.fromEntries(
    ids.map(id => [id, checks.find(c => c.id === id)?.verdict]),
  );

const K8S_CHECKS: CheckId[] = [
  'replicas',
  'pdb',
  'rollout',
  'probe-kills',
  'version-pin',
  'session-store',
];

describe('Kubernetes checks through the official client against the fixture API server', () => {
  let server: KubernetesFixtureServer;
  beforeAll(async () => {
    server = await startKubernetesFixtureServer({
      recorded: recordedKubernetes('healthy'),
      token: TOKEN,
    });
  });
  afterAll(() => server.close());

  it('healthy: everything the cluster shows is ok; version pin stays unknown without the database', async () => {
    server.serve(recordedKubernetes('healthy'));
    const status = await statusFromFixture(server, 'healthy');
    expect(verdicts(status.checks, K8S_CHECKS)).toEqual({
      replicas: 'ok',
      pdb: 'ok',
      rollout: 'ok',
      'probe-kills': 'ok',
      'version-pin': 'unknown',
      'session-store': 'ok',
    });
    const pin = status.checks.find(c => c.id === 'version-pin');
    expect(pin?.reasons).toContain(
      'postgres source is not configured: the migrated version is unknown',
    );
    expect(status.preflight.safeToApply).toBe(false);
    expect(status.mode).toBe('live');
    expect(server.requests.get('stats/summary')).toBeGreaterThan(0);
  });

  it('boot storm: downgrade, kill loop, churn and a violated budget are all critical', async () => {
    server.serve(recordedKubernetes('boot-storm'));
    const status = await statusFromFixture(server, 'boot-storm');
    expect(verdicts(status.checks, K8S_CHECKS)).toEqual({
      replicas: 'critical',
      pdb: 'critical',
      rollout: 'critical',
      'probe-kills': 'critical',
      'version-pin': 'critical',
      'session-store': 'ok',
    });
    const pin = status.checks.find(c => c.id === 'version-pin');
    expect(pin?.summary).toMatch(/DOWNGRADES 2026\.2\.4 to 2026\.2\.2/);
    const rollout = status.checks.find(c => c.id === 'rollout');
    expect(rollout?.reasons.join('\n')).toMatch(/3 live ReplicaSets/);
    const bars = (
      rollout?.data?.replicaSets as Array<{
        deployment: string;
        imageTag: string;
        revision: number;
      }>
    )
      .filter(b => b.deployment === 'goauthentik-server')
      .map(b => `${b.revision}:${b.imageTag}`);
    expect(bars).toEqual(['9:2026.2.4', '8:2026.2.2', '7:2026.2.4']);
    const kills = status.checks.find(c => c.id === 'probe-kills');
    expect(kills?.reasons.join('\n')).toMatch(
      /budget before liveness kills it \(liveness 33 s\)/,
    );
    expect(status.preflight).toMatchObject({
      verdict: 'critical',
      safeToApply: false,
    });
  });

  it('/dev/shm on the runtime default is a warning', async () => {
    server.serve(recordedKubernetes('shm-full'));
    const status = await statusFromFixture(server, 'shm-full');
    const shm = status.checks.find(c => c.id === 'session-store');
    expect(shm?.verdict).toBe('warn');
    expect(shm?.summary).toMatch(/no emptyDir at \/dev\/shm/);
  });

  it('judges a snapshot exactly as the same scenario served live', async () => {
    for (const scenario of ['healthy', 'boot-storm', 'shm-full'] as const) {
      server.serve(recordedKubernetes(scenario));
      const live = await statusFromFixture(server, scenario);
      const config = readRolloutStatusConfig({
        targets: [
          {
            id: 'authentik',
            title: 'authentik',
            snapshot: snapshotPath(scenario),
          },
        ],
      });
      const snap = evaluateTarget(
        config.targets[0],
        await collectReadings(config.targets[0], { deadlineMs: 3000 }),
      );
      expect(snap.mode).toBe('snapshot');
      for (const id of [
        'replicas',
        'pdb',
        'rollout',
        'probe-kills',
        'session-store',
      ] as CheckId[]) {
        const a = live.checks.find(c => c.id === id);
        const b = snap.checks.find(c => c.id === id);
        expect({ id, verdict: b?.verdict, summary: b?.summary }).toEqual({
          id,
          verdict: a?.verdict,
          summary: a?.summary,
        });
      }
    }
  });
});
