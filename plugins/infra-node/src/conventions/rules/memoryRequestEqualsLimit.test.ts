import { Unresolved } from '../../hcl/values';
import type { WorkloadModel } from '../../model/types';
import { evaluateConventions } from '../checkConventions';
import { conventionPolicy } from '../policy';
import {
  container,
  cronJob,
  model,
  stack,
  workload,
} from '../__testUtils__/model';

function withMemory(
  memoryRequest: string | undefined,
  memoryLimit: string | undefined,
  extra: Omit<Partial<WorkloadModel>, 'name'> = {},
) {
  return workload({
    name: 'web',
    containers: [container({ memoryRequest, memoryLimit })],
    ...extra,
  });
}

function findingsOf(...workloads: WorkloadModel[]) {
  return evaluateConventions(model([stack('shop', { workloads })])).findings;
}

describe('memory-request-equals-limit', () => {
  it('requires request = limit outside the Burstable tiers, and names the tier', () => {
    const [f] = findingsOf(
      withMemory('128Mi', '512Mi', { namespaceTier: '1-cluster' }),
    );
    expect(f).toMatchObject({
      rule: 'memory-request-equals-limit',
      severity: 'warning',
      file: 'stacks/shop/main.tf',
      line: 20,
    });
    expect(f.message).toBe(
      'Container app of kubernetes_deployment.web (web in shop) requests 128Mi of memory but is limited to 512Mi, in tier 1-cluster, where request = limit is the rule (Burstable is for 3-edge and 4-aux).',
    );
  });

  it('accepts request below limit in 3-edge and 4-aux', () => {
    expect(
      findingsOf(
        withMemory('128Mi', '512Mi', { namespaceTier: '3-edge' }),
        withMemory('1Gi', '2Gi', { namespaceTier: '4-aux' }),
        withMemory('64Mi', undefined, { namespaceTier: '4-aux' }),
      ),
    ).toEqual([]);
  });

  it('says when the tier is not known instead of guessing', () => {
    const findings = findingsOf(
      withMemory('128Mi', '512Mi'),
      withMemory('128Mi', '512Mi', {
        namespaceTier: new Unresolved('var.tier', 'no-value'),
        source: { file: 'stacks/shop/b.tf', line: 3 },
      }),
    );
    expect(findings.map(f => [f.severity, f.message])).toEqual([
      [
        'info',
        expect.stringContaining(
          'the tier of namespace shop is not known (no `tier` label found for it in the repo)',
        ),
      ],
      [
        'info',
        expect.stringContaining(
          'its `tier` label is `var.tier`, which does not resolve',
        ),
      ],
    ]);
  });

  it('compares quantities by value and accepts a limit without a request (Kubernetes copies it)', () => {
    expect(
      findingsOf(
        withMemory('1Gi', '1024Mi', { namespaceTier: '0-core' }),
        withMemory(undefined, '256Mi', { namespaceTier: '0-core' }),
        withMemory(undefined, undefined, { namespaceTier: '0-core' }),
      ),
    ).toEqual([]);
    expect(
      findingsOf(withMemory('1G', '1Gi', { namespaceTier: '0-core' })).map(
        f => f.rule,
      ),
    ).toEqual(['memory-request-equals-limit']);
  });

  it('reports a request without a limit in a strict tier, and a request above the limit anywhere', () => {
    const findings = findingsOf(
      withMemory('256Mi', undefined, { namespaceTier: '2-gpu' }),
      withMemory('1Gi', '512Mi', {
        namespaceTier: '4-aux',
        source: { file: 'stacks/shop/z.tf', line: 1 },
      }),
    );
    expect(findings.map(f => f.message)).toEqual([
      expect.stringContaining(
        "no limit, so the namespace's LimitRange default limit applies, in tier 2-gpu",
      ),
      expect.stringContaining('Kubernetes rejects a request above the limit'),
    ]);
  });

  it('does not judge values that do not resolve', () => {
    expect(
      findingsOf(
        workload({
          name: 'web',
          namespaceTier: '0-core',
          containers: [
            container({
              memoryRequest: new Unresolved('var.memory'),
              memoryLimit: '1Gi',
            }),
          ],
        }),
      ),
    ).toEqual([]);
  });

  it('checks cron jobs too, and follows the tiers the policy names', () => {
    const job = cronJob({
      name: 'report',
      namespaceTier: '2-gpu',
      containers: [container({ memoryRequest: '1Gi', memoryLimit: '4Gi' })],
    });
    const m = model([stack('shop', { cronJobs: [job] })]);
    expect(evaluateConventions(m).findings).toHaveLength(1);
    expect(
      evaluateConventions(m, {
        policy: conventionPolicy({ burstableTiers: ['2-gpu'] }),
      }).findings,
    ).toEqual([]);
  });
});
