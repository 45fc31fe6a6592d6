import { exitCodeFor } from './gate';

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
