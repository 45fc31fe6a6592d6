import { evaluateConventions } from '../checkConventions';
import { model, pvc, stack, workload } from '../__testUtils__/model';
import type { WorkloadModel } from '../../model/types';

function findingsFor(
  w: Omit<Partial<WorkloadModel>, 'name'>,
  accessModes = ['ReadWriteOnce'],
) {
  const m = model([
    stack('shop', {
      pvcs: [pvc({ name: 'data', namespace: 'shop', accessModes })],
      workloads: [
        workload({
          name: 'web',
          volumes: [{ name: 'data', claimName: 'data' }],
          ...w,
        }),
      ],
    }),
  ]);
  return evaluateConventions(m).findings;
}

describe('rwo-recreate-strategy', () => {
  it('reports a Deployment on a ReadWriteOnce claim with the default strategy', () => {
    const [f] = findingsFor({});
    expect(f).toMatchObject({
      rule: 'rwo-recreate-strategy',
      severity: 'error',
    });
    expect(f.message).toBe(
      'kubernetes_deployment.web (web in shop) mounts the ReadWriteOnce claim data but uses the RollingUpdate strategy (the default): a new pod cannot attach the volume while the old one holds it.',
    );
  });

  it('accepts Recreate, shared claims, and StatefulSets', () => {
    expect(findingsFor({ strategy: 'Recreate' })).toEqual([]);
    expect(findingsFor({}, ['ReadWriteMany'])).toEqual([]);
    expect(findingsFor({ kind: 'stateful-set' })).toEqual([]);
  });

  it("matches the claim in the Deployment's own namespace only", () => {
    expect(findingsFor({ namespace: 'other' })).toEqual([]);
  });
});
