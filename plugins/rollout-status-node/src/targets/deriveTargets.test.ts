import { resolve } from 'node:path';
import {
  buildInfraModel,
  readLocalTree,
} from '@internal/backstage-plugin-infra-node';
import { deriveTargets } from './deriveTargets';

const EXAMPLE_INFRA = resolve(__dirname, '../../../../examples/infra');

describe('deriveTargets', () => {
  it('derives one target per stack with a Helm release or a critical-path workload, names from the Terraform', async () => {
    const model = await buildInfraModel(await readLocalTree(EXAMPLE_INFRA, {}));
    const targets = deriveTargets(model);
    expect(
      targets.map(t => ({
        id: t.id,
        namespace: t.spec.namespace,
        releases: t.spec.helmReleases.map(h => h.name),
        critical: t.spec.workloads.filter(w => w.criticalPath).map(w => w.name),
      })),
    ).toEqual([
      {
        id: 'authentik',
        namespace: 'authentik',
        releases: ['goauthentik'],
        critical: ['goauthentik-server', 'goauthentik-worker', 'pgbouncer'],
      },
      { id: 'cloudflared', namespace: 'cloudflared', releases: [], critical: ['cloudflared'] },
      { id: 'monitoring', namespace: 'monitoring', releases: ['metrics'], critical: [] },
    ]);
    const pgbouncer = targets[0].spec.workloads.find(w => w.name === 'pgbouncer');
    expect(pgbouncer?.containers[0].probes?.liveness?.at).toEqual({
      file: 'stacks/authentik/modules/authentik/pgbouncer.tf',
      line: 93,
    });
  });
});
