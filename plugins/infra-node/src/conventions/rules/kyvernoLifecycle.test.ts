import { evaluateConventions } from '../checkConventions';
import { cronJob, model, stack, workload } from '../__testUtils__/model';
import type { LifecycleModel } from '../../model/types';

const POD = 'spec[0].template[0].spec[0].dns_config';
const CRON = 'spec[0].job_template[0].spec[0].template[0].spec[0].dns_config';

function lifecycle(
  ignoreChanges: string[],
  kyvernoMarker = true,
): LifecycleModel {
  return {
    ignoreChanges,
    kyvernoMarker,
    source: { file: 'stacks/shop/main.tf', line: 40 },
  };
}

function findingsFor(
  lc: LifecycleModel,
  kind: 'deployment' | 'stateful-set' | 'daemon-set' = 'deployment',
) {
  const m = model([
    stack('shop', {
      workloads: [workload({ name: 'web', kind, lifecycle: lc })],
    }),
  ]);
  return evaluateConventions(m).findings;
}

describe('kyverno-lifecycle', () => {
  it('accepts the path, a parent path, the legacy dotted form and all', () => {
    expect(findingsFor(lifecycle([POD]))).toEqual([]);
    expect(findingsFor(lifecycle(['spec[0].template[0].spec']))).toEqual([]);
    expect(
      findingsFor(lifecycle(['spec.0.template.0.spec.0.dns_config'])),
    ).toEqual([]);
    expect(findingsFor(lifecycle(['all']))).toEqual([]);
  });

  it('reports a missing path, naming the resource and the path to add', () => {
    const [f] = findingsFor(
      lifecycle(['metadata[0].annotations', 'spec[0].template[0].spec[0].dns']),
    );
    expect(f).toMatchObject({
      rule: 'kyverno-lifecycle',
      severity: 'warning',
      line: 40,
    });
    expect(f.message).toBe(
      `kubernetes_deployment.web (web in shop) does not ignore changes to ${POD}, so every apply fights Kyverno's ndots injection.`,
    );
  });

  it('reports the path without its marker comment', () => {
    const [f] = findingsFor(lifecycle([POD], false), 'stateful-set');
    expect(f.message).toContain(
      'lacks the KYVERNO_LIFECYCLE_V1 marker comment',
    );
  });

  it('judges the kinds the convention names: not DaemonSets', () => {
    expect(findingsFor(lifecycle([]), 'daemon-set')).toEqual([]);
  });

  it('wants the deeper pod path on a cron job', () => {
    const m = model([
      stack('shop', {
        cronJobs: [
          cronJob({ name: 'wrong', lifecycle: lifecycle([POD]) }),
          cronJob({
            name: 'right',
            lifecycle: lifecycle([CRON]),
            source: { file: 'stacks/shop/cron.tf', line: 50 },
          }),
        ],
      }),
    ]);
    const { findings } = evaluateConventions(m);
    expect(findings.map(f => f.message.split(' ')[0])).toEqual([
      'kubernetes_cron_job_v1.wrong',
    ]);
    expect(findings[0].fix).toContain(CRON);
  });
});
