import { FINDING_RULES } from '@internal/backstage-plugin-infra-common';
import { buildInfraModel } from '../model/buildInfraModel';
import { readExampleRepo } from '../__testUtils__/exampleRepo';
import { checkConventions, evaluateConventions } from './checkConventions';
import { conventionPolicy } from './policy';
import { CONVENTION_RULES } from './rules';
import { container, model, stack, workload } from './__testUtils__/model';

/** Two workloads breaking the CPU rule, one also the memory rule in a strict tier. */
function shop() {
  return model([
    stack('shop', {
      workloads: [
        workload({
          name: 'web',
          namespaceTier: '1-cluster',
          containers: [
            container({
              name: 'app',
              cpuLimit: '1',
              memoryRequest: '1Gi',
              memoryLimit: '2Gi',
            }),
            container({ name: 'sidecar', cpuLimit: '100m' }),
          ],
        }),
        workload({
          name: 'batch',
          source: { file: 'stacks/shop/batch.tf', line: 3 },
          containers: [
            container({
              name: 'run',
              cpuLimit: '2',
              resourcesAt: { file: 'stacks/shop/batch.tf', line: 9 },
            }),
          ],
        }),
      ],
    }),
  ]);
}

describe('evaluateConventions', () => {
  it('has one rule module per rule id, each linked to a runbook', () => {
    expect(CONVENTION_RULES.map(r => r.id).sort()).toEqual(
      Object.keys(FINDING_RULES).sort(),
    );
  });

  it('orders findings by file and line, with each rule at its own severity', () => {
    const { findings, allowed } = evaluateConventions(shop());
    expect(findings.map(f => [f.rule, f.severity, f.file, f.line])).toEqual([
      ['no-cpu-limit', 'warning', 'stacks/shop/batch.tf', 9],
      ['memory-request-equals-limit', 'warning', 'stacks/shop/main.tf', 20],
      ['no-cpu-limit', 'warning', 'stacks/shop/main.tf', 20],
      ['no-cpu-limit', 'warning', 'stacks/shop/main.tf', 20],
    ]);
    expect(allowed).toEqual([]);
  });

  it('turns a rule off, or changes its severity, as the policy says', () => {
    const policy = conventionPolicy({
      rules: {
        'no-cpu-limit': { enabled: false },
        'memory-request-equals-limit': { enabled: true, severity: 'error' },
      },
    });
    expect(
      evaluateConventions(shop(), { policy }).findings.map(f => [
        f.rule,
        f.severity,
      ]),
    ).toEqual([['memory-request-equals-limit', 'error']]);
  });

  it('keeps notes at info whatever severity the rule is given', () => {
    const unknownTier = model([
      stack('lab', {
        workloads: [
          workload({
            stack: 'lab',
            name: 'probe',
            containers: [
              container({ memoryRequest: '64Mi', memoryLimit: '128Mi' }),
            ],
          }),
        ],
      }),
    ]);
    const policy = conventionPolicy({
      rules: {
        'memory-request-equals-limit': { enabled: true, severity: 'error' },
      },
    });
    expect(
      evaluateConventions(unknownTier, { policy }).findings.map(
        f => f.severity,
      ),
    ).toEqual(['info']);
  });

  it('moves what an allow entry matches to allowed, with its reason', () => {
    const policy = conventionPolicy({
      allow: [
        {
          rule: 'no-cpu-limit',
          stack: 'shop',
          address: 'kubernetes_deployment.web',
          container: 'sidecar',
          reason:
            'the sidecar is capped on purpose: it must never starve the app',
        },
        {
          rule: 'no-cpu-limit',
          name: /^batch$/,
          reason: 'a batch job capped to leave room',
        },
        {
          rule: 'kyverno-lifecycle',
          name: /./,
          reason: 'matches nothing that breaks the rule',
        },
      ],
    });
    const { findings, allowed } = evaluateConventions(shop(), { policy });
    expect(findings.map(f => [f.rule, f.message.split(' ')[1]])).toEqual([
      ['memory-request-equals-limit', 'app'],
      ['no-cpu-limit', 'app'],
    ]);
    expect(
      allowed.map(a => [a.rule, a.subject, a.file, a.line, a.reason]),
    ).toEqual([
      [
        'no-cpu-limit',
        'stacks/shop/batch.tf:3',
        'stacks/shop/batch.tf',
        9,
        'a batch job capped to leave room',
      ],
      [
        'no-cpu-limit',
        'stacks/shop/main.tf:10',
        'stacks/shop/main.tf',
        20,
        'the sidecar is capped on purpose: it must never starve the app',
      ],
    ]);
    expect(allowed[1].message).toContain(
      'Container sidecar of kubernetes_deployment.web',
    );
  });

  it('keeps the one-argument call: checkConventions(model) returns the findings', () => {
    expect(checkConventions(shop())).toEqual(
      evaluateConventions(shop()).findings,
    );
  });
});

describe('checkConventions on the bundled example repo', () => {
  it('reports its deliberate violations, each with a fix', async () => {
    const files = await readExampleRepo();
    const findings = checkConventions(await buildInfraModel(files), files);
    const broken = findings.filter(f => f.severity !== 'info');
    expect(broken.map(f => [f.rule, f.file, f.line])).toEqual([
      ['critical-path-pdb', 'stacks/cloudflared/main.tf', 2],
      ['critical-path-replicas', 'stacks/cloudflared/main.tf', 14],
      // Allowed in the portal's app-config; with no policy it is a finding.
      ['no-cpu-limit', 'stacks/monitoring/main.tf', 44],
      ['kyverno-lifecycle', 'stacks/playground/main.tf', 31],
      ['rwo-recreate-strategy', 'stacks/playground/main.tf', 31],
      // Its namespace is in the cluster tier (local.tiers from the root's generate block).
      ['memory-request-equals-limit', 'stacks/playground/main.tf', 56],
      ['no-cpu-limit', 'stacks/playground/main.tf', 61],
      ['auth-justification', 'stacks/playground/main.tf', 104],
    ]);
    expect(findings.filter(f => f.severity === 'info')).toEqual([]);
    for (const f of findings) expect(f.fix.length).toBeGreaterThan(10);
  });
});
