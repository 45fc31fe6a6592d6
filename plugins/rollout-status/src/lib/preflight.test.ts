import { answerPreflight } from './preflight';
import { aCheck, aStatus, NOW, secondsBefore } from '../testing/fixtures';

const fresh = secondsBefore(NOW, 5);
const preflightChecks = (
  ['pdb', 'rollout', 'version-pin', 'lock-holders'] as const
).map(id => aCheck({ id, observedAt: fresh }));

describe('answerPreflight', () => {
  it('says Yes when the backend says safe and every preflight check is fresh and ok', () => {
    const answer = answerPreflight(aStatus({ checks: preflightChecks }), NOW);
    expect(answer.headline).toBe('Yes');
    expect(answer.verdict).toBe('ok');
  });

  it('says No with the backend reasons when not safe', () => {
    const status = aStatus({
      preflight: {
        verdict: 'critical',
        safeToApply: false,
        reasons: ['An apply now would downgrade 2026.2.4 to 2026.2.2.'],
        basedOn: ['version-pin'],
      },
      checks: preflightChecks,
    });
    const answer = answerPreflight(status, NOW);
    expect(answer.headline).toBe('No');
    expect(answer.verdict).toBe('critical');
    expect(answer.reasons).toEqual([
      'An apply now would downgrade 2026.2.4 to 2026.2.2.',
    ]);
  });

  it('does not count an unknown preflight check as ok, even if the backend said safe', () => {
    const checks = preflightChecks.map(c =>
      c.id === 'lock-holders'
        ? {
            ...c,
            verdict: 'unknown' as const,
            summary: 'PostgreSQL did not answer within 3 s',
          }
        : c,
    );
    const answer = answerPreflight(aStatus({ checks }), NOW);
    expect(answer.headline).toBe('No');
    expect(answer.reasons).toContain(
      'Advisory lock holders is unknown: PostgreSQL did not answer within 3 s',
    );
  });

  it('says No when a preflight check is missing from the response', () => {
    const checks = preflightChecks.filter(c => c.id !== 'pdb');
    const answer = answerPreflight(aStatus({ checks }), NOW);
    expect(answer.headline).toBe('No');
    expect(answer.reasons).toContain(
      'No result for Disruption budgets: it cannot count as safe.',
    );
  });

  it('says No when the preflight is based on no checks at all', () => {
    const status = aStatus({ checks: preflightChecks });
    const answer = answerPreflight(
      { ...status, preflight: { ...status.preflight, basedOn: [] } },
      NOW,
    );
    expect(answer.headline).toBe('No');
    expect(answer.reasons).toEqual([
      'The preflight names no checks it is based on.',
    ]);
  });

  it('will not confirm a safe verdict built on stale data', () => {
    const checks = preflightChecks.map(c => ({
      ...c,
      observedAt: secondsBefore(NOW, 300),
    }));
    const answer = answerPreflight(aStatus({ checks }), NOW);
    expect(answer.headline).toBe('Not confirmed');
    expect(answer.verdict).toBe('unknown');
    expect(answer.reasons[0]).toMatch(/observed 5 min ago/);
  });

  it('never answers Yes for a snapshot, and shows what was recorded', () => {
    const answer = answerPreflight(
      aStatus({
        mode: 'snapshot',
        snapshot: {
          file: 'snapshots/healthy.json',
          recordedAt: '2026-06-11T09:00:00Z',
          scenario: 'healthy',
        },
        checks: preflightChecks,
      }),
      NOW,
    );
    expect(answer.headline).toBe('Not live');
    expect(answer.verdict).toBe('unknown');
    expect(answer.reasons[0]).toMatch(
      /snapshot recorded at 2026-06-11 09:00:00 UTC/,
    );
    expect(answer.reasons[1]).toBe('The recorded verdict was: safe.');
    // Coloured by what was recorded, with when and where.
    expect(answer.recorded).toEqual({
      safe: true,
      verdict: 'ok',
      recordedAt: '2026-06-11T09:00:00Z',
      file: expect.any(String),
    });
  });

  it('colours a recorded unsafe snapshot by its recorded verdict, and a recorded "not safe but ok" neutral', () => {
    const snapshot = {
      file: 'boot-storm.json',
      recordedAt: '2026-06-10T22:35:00Z',
      scenario: 'boot-storm',
    };
    const storm = answerPreflight(
      aStatus({
        mode: 'snapshot',
        snapshot,
        preflight: {
          verdict: 'critical',
          safeToApply: false,
          reasons: ['goauthentik-server: 1 healthy, below the budget'],
          basedOn: ['pdb'],
        },
        checks: preflightChecks,
      }),
      NOW,
    );
    expect(storm.verdict).toBe('unknown');
    expect(storm.recorded).toMatchObject({ safe: false, verdict: 'critical' });

    const odd = answerPreflight(
      aStatus({
        mode: 'snapshot',
        snapshot,
        preflight: {
          verdict: 'ok',
          safeToApply: false,
          reasons: [],
          basedOn: ['pdb'],
        },
        checks: preflightChecks,
      }),
      NOW,
    );
    expect(odd.recorded).toMatchObject({ safe: false, verdict: 'unknown' });
  });

  it('gives a live answer no recorded verdict', () => {
    const answer = answerPreflight(aStatus({ checks: preflightChecks }), NOW);
    expect(answer.recorded).toBeUndefined();
  });
});
