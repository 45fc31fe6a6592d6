import { Unresolved } from '../../hcl/values';
import { evaluateConventions } from '../checkConventions';
import {
  container,
  cronJob,
  model,
  stack,
  workload,
} from '../__testUtils__/model';

describe('no-cpu-limit', () => {
  it('reports a CPU limit in any tier, where it is written', () => {
    const m = model([
      stack('shop', {
        workloads: [
          workload({
            name: 'web',
            namespaceTier: '4-aux',
            containers: [
              container({
                cpuRequest: '50m',
                cpuLimit: '500m',
                cpuLimitAt: { file: 'stacks/shop/main.tf', line: 24 },
              }),
            ],
          }),
        ],
        cronJobs: [
          cronJob({
            name: 'report',
            containers: [container({ name: 'job', cpuLimit: '1' })],
          }),
        ],
      }),
    ]);
    const { findings } = evaluateConventions(m);
    expect(findings.map(f => [f.severity, f.file, f.line, f.message])).toEqual([
      [
        'warning',
        'stacks/shop/main.tf',
        20,
        'Container job of kubernetes_cron_job_v1.report (report in shop) sets a CPU limit (1), which throttles it under CFS.',
      ],
      [
        'warning',
        'stacks/shop/main.tf',
        24,
        'Container app of kubernetes_deployment.web (web in shop) sets a CPU limit (500m), which throttles it under CFS.',
      ],
    ]);
  });

  it('accepts CPU requests, and does not judge a limit that does not resolve', () => {
    const m = model([
      stack('shop', {
        workloads: [
          workload({
            name: 'web',
            containers: [
              container({ cpuRequest: '50m' }),
              container({ name: 'side', cpuLimit: new Unresolved('var.cpu') }),
            ],
          }),
        ],
      }),
    ]);
    expect(evaluateConventions(m).findings).toEqual([]);
  });
});
