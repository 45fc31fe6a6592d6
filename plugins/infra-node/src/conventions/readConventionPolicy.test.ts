import { mockServices } from '@backstage/backend-test-utils';
import { DEFAULT_CONVENTION_POLICY } from './policy';
import { readConventionPolicy } from './readConventionPolicy';

/** Any JSON value the config may hold. */
type ConfigValue = NonNullable<
  NonNullable<Parameters<typeof mockServices.rootConfig>[0]>['data']
>[string];

function read(conventions: ConfigValue) {
  return readConventionPolicy(
    mockServices.rootConfig({
      data: { catalog: { providers: { infra: { conventions } } } },
    }),
  );
}

describe('readConventionPolicy', () => {
  it('gives the seeds conventions when nothing is configured', () => {
    expect(readConventionPolicy(mockServices.rootConfig({ data: {} }))).toEqual(
      DEFAULT_CONVENTION_POLICY,
    );
    expect(read({})).toEqual(DEFAULT_CONVENTION_POLICY);
  });

  it('reads rules, allow entries, critical-path entries and tiers', () => {
    const policy = read({
      rules: {
        'no-cpu-limit': { severity: 'error' },
        'kyverno-lifecycle': { enabled: false },
      },
      allow: [
        {
          rule: 'kyverno-lifecycle',
          stack: 'vpn',
          address: 'kubernetes_deployment.tunnel',
          reason: 'sets its own dns_config with the same ndots',
        },
      ],
      criticalPath: {
        workloads: [
          {
            name: '-worker$',
            minReplicas: 2,
            minPdbAvailable: 1,
            reason: 'background tasks only, no user traffic',
          },
        ],
      },
      burstableTiers: ['4-aux'],
    });
    expect(policy.rules).toEqual({
      'no-cpu-limit': { enabled: true, severity: 'error' },
      'kyverno-lifecycle': { enabled: false, severity: undefined },
    });
    expect(policy.allow).toEqual([
      {
        rule: 'kyverno-lifecycle',
        stack: 'vpn',
        address: 'kubernetes_deployment.tunnel',
        name: undefined,
        container: undefined,
        reason: 'sets its own dns_config with the same ndots',
      },
    ]);
    expect(policy.criticalPath.minReplicas).toBe(3);
    expect(policy.criticalPath.workloads[0].name?.test('auth-worker')).toBe(
      true,
    );
    expect(policy.burstableTiers).toEqual(['4-aux']);
  });

  it.each([
    [
      { allow: [{ rule: 'no-cpu-limit', stack: 'vpn' }] },
      'catalog.providers.infra.conventions.allow[0].reason: missing. Fix: say why in a sentence',
    ],
    [
      { allow: [{ rule: 'no-such-rule', stack: 'vpn', reason: 'x' }] },
      "allow[0].rule: unknown rule 'no-such-rule'. Fix: use one of critical-path-replicas,",
    ],
    [
      { allow: [{ rule: 'no-cpu-limit', reason: 'everything' }] },
      'allow[0]: the entry names no resource. Fix: give at least one of stack, address or name',
    ],
    [
      { allow: [{ rule: 'no-cpu-limit', name: '(', reason: 'x' }] },
      'allow[0].name: not a regular expression',
    ],
    [
      { rules: { 'no-cpu-limit': { severity: 'fatal' } } },
      "rules.no-cpu-limit.severity: unknown severity 'fatal'. Fix: use one of error, warning, info",
    ],
    [
      { rules: { 'cpu-limits': { enabled: false } } },
      "rules.cpu-limits: unknown rule 'cpu-limits'",
    ],
    [
      {
        criticalPath: {
          workloads: [{ name: 'x', minReplicas: 1.5, reason: 'r' }],
        },
      },
      'criticalPath.workloads[0].minReplicas: expected a whole number of at least 0, got 1.5',
    ],
    [
      { burstableTiers: '4-aux' },
      'burstableTiers: expected a list of tier names',
    ],
  ])('refuses %j, naming the key and the fix', (conventions, message) => {
    expect(() => read(conventions)).toThrow(message);
  });
});
