import { resolve } from 'node:path';
import {
  buildInfraModel,
  readLocalTree,
} from '@internal/backstage-plugin-infra-node';
import { deriveTargets } from './deriveTargets';

const EXAMPLE_INFRA = resolve(__dirname, '../../../../examples/infra');

describe('deriveTargets', () => {
  it('derives one target per stack with a Helm release, a critical-path workload or a declared Deployment, names from the Terraform', async () => {
    const model = await buildInfraModel(await readLocalTree(EXAMPLE_INFRA, {}));
    const targets = deriveTargets(model);
    expect(
      targets.map(t => ({
        id: t.id,
        namespace: t.spec.namespace,
        releases: t.spec.helmReleases.map(h => h.name),
        critical: t.spec.workloads.filter(w => w.criticalPath).map(w => w.name),
        others: t.spec.workloads.filter(w => !w.criticalPath).map(w => w.name),
      })),
    ).toEqual([
      {
        id: 'authentik',
        namespace: 'authentik',
        releases: ['goauthentik'],
        critical: ['goauthentik-server', 'goauthentik-worker', 'pgbouncer'],
        others: ['ak-outpost-authentik-embedded-outpost'],
      },
      // Drift-only targets: Deployments the Terraform declares, nothing critical.
      {
        id: 'blog',
        namespace: 'blog',
        releases: [],
        critical: [],
        others: ['blog', 'anubis-blog'],
      },
      {
        id: 'cloudflared',
        namespace: 'cloudflared',
        releases: [],
        critical: ['cloudflared'],
        others: [],
      },
      {
        id: 'echo',
        namespace: 'echo',
        releases: [],
        critical: [],
        others: ['echo'],
      },
      {
        id: 'linkwarden',
        namespace: 'linkwarden',
        releases: [],
        critical: [],
        others: ['linkwarden'],
      },
      {
        id: 'monitoring',
        namespace: 'monitoring',
        releases: ['metrics'],
        critical: [],
        others: ['node-agent'],
      },
      {
        id: 'playground',
        namespace: 'playground',
        releases: [],
        critical: [],
        others: ['notes'],
      },
      // A stack whose namespace is not its name keeps the stack as id.
      {
        id: 'prowlarr',
        namespace: 'servarr',
        releases: [],
        critical: [],
        others: ['prowlarr'],
      },
    ]);
    // A StatefulSet alone (dbaas) makes no target: drift compares Deployments.
    expect(targets.some(t => t.spec.stack === 'dbaas')).toBe(false);
    const pgbouncer = targets[0].spec.workloads.find(
      w => w.name === 'pgbouncer',
    );
    expect(pgbouncer?.containers[0].probes?.liveness?.at).toEqual({
      file: 'stacks/authentik/modules/authentik/pgbouncer.tf',
      line: 93,
    });
  });
});
