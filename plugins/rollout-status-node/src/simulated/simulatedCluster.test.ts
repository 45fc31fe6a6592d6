import { resolve } from 'node:path';
import {
  buildInfraModel,
  readLocalTree,
} from '@internal/backstage-plugin-infra-node';
import { CheckResult } from '@internal/backstage-plugin-rollout-status-common';
import { collectReadings, evaluateTarget, readRolloutStatusConfig } from '..';
import { deriveTargets } from '../targets/deriveTargets';
import { withDerivedTargets } from '../targets/withDerivedTargets';
import { startKubernetesFixtureServer } from '../testUtils';
import { buildSimulatedCluster } from './buildSimulatedCluster';
import { readLiveChanges } from './liveChanges';

const REPO = resolve(__dirname, '../../../..');
const NOW = Date.parse('2026-06-15T12:00:00Z');

async function exampleModel() {
  return buildInfraModel(
    await readLocalTree(resolve(REPO, 'examples/infra'), {}),
  );
}

const byId = (checks: CheckResult[]) =>
  Object.fromEntries(checks.map(c => [c.id, c]));

describe('the bundled simulated cluster, read through the official client', () => {
  it('runs what examples/infra declares, with one drifted probe and one Keel-moved image', async () => {
    const model = await exampleModel();
    const changes = await readLiveChanges(
      resolve(REPO, 'examples/simulated-cluster/live-changes.yaml'),
    );
    const server = await startKubernetesFixtureServer({
      recorded: buildSimulatedCluster(model, changes, NOW),
    });
    try {
      const config = withDerivedTargets(
        readRolloutStatusConfig({
          derive: {
            infraPath: 'examples/infra',
            url: server.url,
            label: 'simulated cluster',
          },
        }),
        deriveTargets(model),
      );
      const statuses = Object.fromEntries(
        await Promise.all(
          config.targets.map(async t => {
            const readings = await collectReadings(t, {
              deadlineMs: 3000,
              now: () => NOW,
            });
            return [t.id, evaluateTarget(t, readings)] as const;
          }),
        ),
      );
      const verdicts = Object.fromEntries(
        Object.entries(statuses).map(([id, s]) => [
          id,
          Object.fromEntries(s.checks.map(c => [c.id, c.verdict])),
        ]),
      );
      // What the Terraform declares runs, so only the recorded live changes
      // and the example repo's deliberate violations (cloudflared: 2
      // replicas, no PDB; the outpost without an emptyDir at /dev/shm) show.
      expect(verdicts).toEqual({
        authentik: {
          replicas: 'ok',
          pdb: 'ok',
          rollout: 'ok',
          'probe-kills': 'ok',
          'version-pin': 'ok',
          'session-store': 'warn',
          drift: 'ok',
        },
        blog: { drift: 'ok' },
        cloudflared: {
          replicas: 'warn',
          pdb: 'critical',
          rollout: 'ok',
          'probe-kills': 'ok',
          drift: 'critical',
        },
        echo: { drift: 'ok' },
        linkwarden: { drift: 'ok' },
        monitoring: { 'version-pin': 'critical' },
        playground: { drift: 'ok' },
        prowlarr: { drift: 'ok' },
      });
      // The kubectl patch: drift, with its manager and time from managedFields.
      const drift = byId(statuses.cloudflared.checks).drift;
      expect(drift.data?.items).toEqual([
        expect.objectContaining({
          workload: 'cloudflared',
          field: 'livenessProbe (cloudflared)',
          declared: 'none',
          live: 'initialDelaySeconds=10 periodSeconds=10 timeoutSeconds=1 failureThreshold=6 successThreshold=1',
          status: 'drift',
          changedBy: {
            manager: 'kubectl-patch',
            operation: 'Update',
            time: '2026-06-15T10:25:00.000Z',
          },
          file: 'stacks/cloudflared/main.tf',
          line: 31,
        }),
      ]);
      expect(statuses.cloudflared.preflight.safeToApply).toBe(false);
      // Keel's image: what the pods run, against the chart pin.
      expect(byId(statuses.monitoring.checks)['version-pin'].summary).toBe(
        "metrics: metrics's pods run 2.55.0 (container statuses) but an apply renders 2.54.1 (values server.image.tag): the apply DOWNGRADES the version. Keel moved it live (namespace label keel.sh/enrolled=true); bump the pin to 2.55.0",
      );
      // Every source says the data is simulated.
      expect(drift.sources.map(x => x.name)).toEqual([
        `[simulated cluster] Kubernetes API ${server.url} namespace cloudflared`,
      ]);
    } finally {
      await server.close();
    }
  });
});

describe('buildSimulatedCluster', () => {
  it('names the live change it cannot apply, and the fix', async () => {
    const model = await exampleModel();
    expect(() =>
      buildSimulatedCluster(model, {
        namespaceLabels: {},
        changes: [
          {
            namespace: 'blog',
            deployment: 'nope',
            container: 'x',
            field: 'image',
            value: 'x:1',
            manager: 'keel',
            minutesAgo: 1,
          },
        ],
      }),
    ).toThrow(
      'live change image of blog/nope container x: no such workload or container in the simulated cluster; fix the namespace, deployment or container in the live-changes file',
    );
  });

  it('labels Helm-rendered Deployments with their release, so the stock plugin and the checks find them', async () => {
    const recorded = buildSimulatedCluster(
      await exampleModel(),
      { namespaceLabels: {}, changes: [] },
      NOW,
    );
    const deployments = (recorded.lists.deployments.items as any[]).filter(
      d => d.metadata.namespace === 'authentik',
    );
    expect(
      deployments.map(d => [
        d.metadata.name,
        d.metadata.annotations['meta.helm.sh/release-name'],
      ]),
    ).toEqual([
      ['goauthentik-server', 'goauthentik'],
      ['goauthentik-worker', 'goauthentik'],
      ['ak-outpost-authentik-embedded-outpost', undefined],
      ['pgbouncer', undefined],
    ]);
  });
});
