import { describeGate, exitCodeFor } from './gate';

const f = (severity: string) => ({ severity } as { severity: 'error' });
const dangling = [
  { from: 'component:default/a', field: 'owner', target: 'group:default/x' },
];

describe('exitCodeFor', () => {
  it('fails on errors by default, not on warnings or info', () => {
    expect(exitCodeFor([f('error'), f('warning')], [], 'error')).toBe(1);
    expect(exitCodeFor([f('warning'), f('info')], dangling, 'error')).toBe(0);
    expect(exitCodeFor([], [], 'error')).toBe(0);
  });

  it('fails on warnings, and on dangling references, with --fail-on warning', () => {
    expect(exitCodeFor([f('warning')], [], 'warning')).toBe(1);
    expect(exitCodeFor([], dangling, 'warning')).toBe(1);
    expect(exitCodeFor([f('info')], [], 'warning')).toBe(0);
    // A severity this version does not know is not ignored.
    expect(exitCodeFor([f('critical')], [], 'warning')).toBe(1);
  });

  it('never fails with --fail-on never', () => {
    expect(exitCodeFor([f('error')], dangling, 'never')).toBe(0);
  });
});

describe('describeGate', () => {
  const findings = [f('error'), f('error'), f('warning')];

  it('says a summary without --fail-on only reports, and what a gate would find', () => {
    expect(
      describeGate(findings, [], { failOn: 'never', failOnGiven: false }),
    ).toBe(
      'Gate: none (a summary reports), exit 0; --fail-on error would exit 1 on 2 findings',
    );
    expect(
      describeGate([f('warning')], [], { failOn: 'never', failOnGiven: true }),
    ).toBe('Gate: none (--fail-on never), exit 0; no finding at error');
  });

  it('counts what the gate given fails on, dangling references as warnings', () => {
    expect(
      describeGate(findings, [], { failOn: 'error', failOnGiven: true }),
    ).toBe('Gate --fail-on error: 2 findings at or above error, exit 1');
    expect(
      describeGate([f('warning')], dangling, {
        failOn: 'warning',
        failOnGiven: true,
      }),
    ).toBe('Gate --fail-on warning: 2 findings at or above warning, exit 1');
    expect(
      describeGate([f('info')], [], { failOn: 'error', failOnGiven: true }),
    ).toBe('Gate --fail-on error: 0 findings at or above error, exit 0');
  });
});
