import { CheckInput } from './engine/types';
import {
  evaluateTarget,
  readRolloutStatusConfig,
  readingsFromSnapshot,
} from '.';
import { readBundledSnapshot, snapshotPath } from './testUtils';

describe('additional checks', () => {
  const target = readRolloutStatusConfig({
    targets: [{ id: 'a', title: 'a', snapshot: snapshotPath('healthy') }],
  }).targets[0];
  const readings = readingsFromSnapshot(
    readBundledSnapshot('healthy'),
    snapshotPath('healthy'),
    target,
  );

  it('runs next to the built-in ones without touching the preflight', () => {
    const status = evaluateTarget(target, readings, {
      additionalChecks: [
        {
          id: 'test.outpost-count',
          title: 'Outpost pods',
          evaluate: ({ readings: r }: CheckInput) => ({
            verdict:
              r.kubernetes?.ok && r.kubernetes.data.shmUsage.length === 2
                ? 'ok'
                : 'warn',
            summary: 'two outpost pods',
            reasons: [],
            evidence: [],
            sources: r.kubernetes ? [r.kubernetes.source] : [],
            observedAt: r.kubernetes?.observedAt ?? '',
          }),
        },
        {
          id: 'test.broken',
          title: 'Broken',
          evaluate: () => {
            throw new Error('bug in a plugin');
          },
        },
      ],
    });
    expect(
      status.additionalChecks?.map(c => [c.id, c.verdict, c.summary]),
    ).toEqual([
      ['test.outpost-count', 'ok', 'two outpost pods'],
      ['test.broken', 'unknown', 'The check failed: bug in a plugin'],
    ]);
    expect(status.preflight.basedOn).toEqual([
      'pdb',
      'rollout',
      'version-pin',
      'lock-holders',
    ]);
    expect(status.checks).toHaveLength(11);
  });
});
