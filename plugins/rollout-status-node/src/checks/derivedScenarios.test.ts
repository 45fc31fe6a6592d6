import { CheckResult } from '@internal/backstage-plugin-rollout-status-common';
import { collectReadings, evaluateTarget, readRolloutStatusConfig } from '..';
import { SharedReads } from '../sources/sharedReads';
import { DerivedTargetSpec } from '../targets/types';
import {
  KubernetesFixtureServer,
  startKubernetesFixtureServer,
} from '../testUtils';
import {
  DERIVED_AT,
  keelSplitScenario,
  patchedProbeScenario,
  traefikScenario,
} from '../testUtils/derivedScenarios';

const TOKEN = 'derived-token-5521';

function targetFor(url: string, spec: DerivedTargetSpec) {
  const [base] = readRolloutStatusConfig({
    targets: [
      {
        id: spec.stack,
        title: spec.stack,
        kubernetes: { url, token: TOKEN, namespace: spec.namespace },
      },
    ],
  }).targets;
  return { ...base, derived: spec };
}

async function judge(
  server: KubernetesFixtureServer,
  spec: DerivedTargetSpec,
  reads?: SharedReads,
) {
  const target = targetFor(server.url, spec);
  const readings = await collectReadings(target, {
    deadlineMs: 2000,
    now: () => Date.parse(DERIVED_AT),
    reads,
  });
  return evaluateTarget(target, readings);
}

const verdicts = (checks: CheckResult[]) =>
  Object.fromEntries(checks.map(c => [c.id, c.verdict]));
const check = (checks: CheckResult[], id: string) =>
  checks.find(c => c.id === id)!;

describe('targets derived from the infra model, against the fixture API server', () => {
  let server: KubernetesFixtureServer;
  beforeAll(async () => {
    server = await startKubernetesFixtureServer({
      recorded: traefikScenario().recorded,
      token: TOKEN,
    });
  });
  afterAll(() => server.close());

  it('Traefik (Helm, 3 replicas, PDB): its chart Deployment is found by the release and every check is ok', async () => {
    const { spec, recorded } = traefikScenario();
    server.serve(recorded);
    const status = await judge(server, spec);
    expect(verdicts(status.checks)).toEqual({
      replicas: 'ok',
      pdb: 'ok',
      rollout: 'ok',
      'probe-kills': 'ok',
      'version-pin': 'ok',
    });
    expect(check(status.checks, 'replicas').evidence).toEqual([
      { label: 'traefik', value: '3/3 ready on 3 node(s)' },
    ]);
    expect(status.preflight).toMatchObject({
      safeToApply: true,
      basedOn: ['pdb', 'rollout', 'version-pin'],
    });
  });

  it('a Keel split on a non-authentik release: the pods run what Keel rolled, an apply would downgrade it', async () => {
    const { spec, recorded } = keelSplitScenario();
    server.serve(recorded);
    const status = await judge(server, spec);
    const pin = check(status.checks, 'version-pin');
    expect(pin.verdict).toBe('critical');
    expect(pin.summary).toBe(
      "forgejo: forgejo's pods run 10.0.3 (container statuses) but an apply renders 10.0.1 (values image.tag): the apply DOWNGRADES the version. Keel moved it live (namespace label keel.sh/enrolled=true); bump the pin to 10.0.3",
    );
    expect(status.preflight.safeToApply).toBe(false);
  });

  it('a live kubectl patch of a probe the Terraform lacks is drift, named with its manager, time, file and line', async () => {
    const { spec, recorded } = patchedProbeScenario();
    server.serve(recorded);
    const status = await judge(server, spec);
    const drift = check(status.checks, 'drift');
    expect(drift.verdict).toBe('critical');
    expect(drift.summary).toBe(
      'cloudflared: livenessProbe (cloudflared) is initialDelaySeconds=0 periodSeconds=10 timeoutSeconds=1 failureThreshold=6 successThreshold=1 live, initialDelaySeconds=0 periodSeconds=10 timeoutSeconds=1 failureThreshold=3 successThreshold=1 in stacks/cloudflared/main.tf:40, last written by kubectl-patch at 2026-06-15T11:00:00.000Z: an apply would revert a live change',
    );
    expect(status.preflight.safeToApply).toBe(false);
    expect(status.preflight.reasons.join('\n')).toMatch(
      /Declared vs live: cloudflared: livenessProbe/,
    );
  });

  it('a Keel-managed image is listed as managed, not drift', async () => {
    const { spec, recorded } = patchedProbeScenario({ patched: false });
    server.serve(recorded);
    const status = await judge(server, spec);
    const drift = check(status.checks, 'drift');
    expect(drift.verdict).toBe('ok');
    expect(drift.data?.items).toEqual([
      expect.objectContaining({
        workload: 'pgbouncer',
        field: 'image (pgbouncer)',
        declared: 'edoburu/pgbouncer:latest',
        live: 'edoburu/pgbouncer:v1.24.1-p1',
        status: 'managed',
        changedBy: {
          manager: 'keel',
          operation: 'Update',
          time: '2026-06-15T10:00:00.000Z',
        },
      }),
    ]);
  });

  it('targets in one namespace share one LIST per kind per interval', async () => {
    const { spec, recorded } = patchedProbeScenario();
    server.serve(recorded);
    const before = server.requests.get('deployments') ?? 0;
    const reads = new SharedReads(30_000);
    await Promise.all([
      judge(server, spec, reads),
      judge(server, { ...spec, stack: 'other' }, reads),
    ]);
    await judge(server, spec, reads);
    expect((server.requests.get('deployments') ?? 0) - before).toBe(1);
  });
});
