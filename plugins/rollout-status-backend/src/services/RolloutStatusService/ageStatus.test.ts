import { TargetStatus } from '@internal/backstage-plugin-rollout-status-common';
import { ageStatus } from './ageStatus';

function statusObservedAt(
  observedAt: string,
  mode: 'live' | 'snapshot',
): TargetStatus {
  const check = (id: 'pdb' | 'rollout' | 'version-pin' | 'lock-holders') => ({
    id,
    verdict: 'ok' as const,
    summary: 'fine',
    reasons: [],
    evidence: [],
    sources: [{ kind: 'kubernetes' as const, name: 'k8s', mode }],
    observedAt,
  });
  return {
    targetId: 't',
    title: 't',
    mode,
    generatedAt: observedAt,
    preflight: {
      verdict: 'ok',
      safeToApply: true,
      reasons: [],
      basedOn: ['pdb', 'rollout', 'version-pin', 'lock-holders'],
    },
    checks: [
      check('pdb'),
      check('rollout'),
      check('version-pin'),
      check('lock-holders'),
    ],
  };
}

describe('ageStatus', () => {
  const now = new Date('2026-11-22T12:00:00Z');

  it('turns live results older than staleAfterSeconds into unknown "stale", and the preflight unsafe', () => {
    const aged = ageStatus(statusObservedAt('2026-11-22T11:55:00Z', 'live'), {
      now,
      staleAfterSeconds: 90,
    });
    expect(
      aged.checks.map(c => [c.verdict, c.ageSeconds, c.reasons[0]]),
    ).toEqual(Array(4).fill(['unknown', 300, 'stale']));
    expect(aged.checks[0].summary).toBe(
      'stale: data is 300 s old (was ok: fine)',
    );
    expect(aged.preflight).toMatchObject({
      verdict: 'unknown',
      safeToApply: false,
    });
  });

  it('keeps fresh live results and only adds their age', () => {
    const aged = ageStatus(statusObservedAt('2026-11-22T11:59:30Z', 'live'), {
      now,
      staleAfterSeconds: 90,
    });
    expect(aged.checks.map(c => [c.verdict, c.ageSeconds])).toEqual(
      Array(4).fill(['ok', 30]),
    );
    expect(aged.preflight.safeToApply).toBe(true);
  });

  it('ages snapshot data without calling it stale (it is labelled as recorded)', () => {
    const aged = ageStatus(
      statusObservedAt('2026-06-12T10:00:00Z', 'snapshot'),
      { now, staleAfterSeconds: 90 },
    );
    expect(
      aged.checks.every(c => c.verdict === 'ok' && (c.ageSeconds ?? 0) > 86400),
    ).toBe(true);
  });
});
