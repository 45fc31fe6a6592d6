import { CheckId } from '@internal/backstage-plugin-rollout-status-common';
import { collectReadings, evaluateTarget, readRolloutStatusConfig } from '..';
import { ScenarioName, snapshotPath } from '../testUtils';

async function fromSnapshot(scenario: ScenarioName) {
  const target = readRolloutStatusConfig({
    targets: [
      { id: scenario, title: scenario, snapshot: snapshotPath(scenario) },
    ],
  }).targets[0];
  return evaluateTarget(
    target,
    await collectReadings(target, { deadlineMs: 3000 }),
  );
}

const byId = (checks: Array<{ id: CheckId; verdict: string }>) =>
  Object.fromEntries(checks.map(c => [c.id, c.verdict]));

describe('the bundled snapshots', () => {
  it('healthy: all eleven checks ok and safe to apply', async () => {
    const status = await fromSnapshot('healthy');
    expect(new Set(status.checks.map(c => c.verdict))).toEqual(new Set(['ok']));
    expect(status.checks).toHaveLength(11);
    expect(status.preflight).toEqual({
      verdict: 'ok',
      safeToApply: true,
      reasons: [],
      basedOn: ['pdb', 'rollout', 'version-pin', 'lock-holders'],
    });
    expect(status.snapshot).toEqual({
      file: snapshotPath('healthy'),
      recordedAt: '2026-06-12T10:00:00Z',
      scenario: 'healthy',
    });
  });

  it("boot storm: the post-mortem's causes each show up", async () => {
    const status = await fromSnapshot('boot-storm');
    expect(byId(status.checks)).toEqual({
      replicas: 'critical',
      pdb: 'critical',
      rollout: 'critical',
      'probe-kills': 'critical',
      'version-pin': 'critical',
      pool: 'critical',
      'lock-holders': 'critical',
      'db-connections': 'warn',
      'session-store': 'ok',
      'authentik-ready': 'critical',
      'forward-auth': 'warn',
    });
    const reasons = (id: CheckId) =>
      status.checks.find(c => c.id === id)?.reasons.join('\n') ?? '';
    expect(reasons('pool')).toMatch(
      /goauthentik-server env sets AUTHENTIK_POSTGRESQL__CONN_MAX_AGE=60 while PgBouncer is in session mode/,
    );
    expect(reasons('pool')).toMatch(
      /Helm values worker\.env sets AUTHENTIK_POSTGRESQL__CONN_MAX_AGE=60/,
    );
    expect(reasons('pool')).toMatch(/idle_transaction_timeout is off/);
    expect(reasons('lock-holders')).toMatch(
      /pid 48213 \(authentik\) has been idle in transaction for 2 min/,
    );
    expect(reasons('lock-holders')).toMatch(/pid 48377/);
    expect(reasons('version-pin')).toMatch(
      /worker pods run 2026\.2\.2 while server pods run 2026\.2\.4/,
    );
    expect(status.preflight.reasons).toHaveLength(4);
  });

  it('/dev/shm ENOSPC: forward-auth 400 is critical, and the default shm is flagged', async () => {
    const status = await fromSnapshot('shm-full');
    expect(byId(status.checks)['forward-auth']).toBe('critical');
    expect(byId(status.checks)['session-store']).toBe('warn');
    // A forward-auth outage does not make a rollout unsafe by itself.
    expect(status.preflight.safeToApply).toBe(true);
  });
});
