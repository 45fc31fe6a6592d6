import {
  ageMs,
  formatAge,
  formatTimestamp,
  isStale,
  DEFAULT_STALE_AFTER_MS,
  staleAfterMsFromConfig,
} from './time';

describe('time', () => {
  it('formats ages in the unit a person reads fastest', () => {
    expect(formatAge(12_400)).toBe('12 s ago');
    expect(formatAge(4 * 60_000 + 5_000)).toBe('4 min ago');
    expect(formatAge(3 * 3_600_000)).toBe('3 h ago');
    expect(formatAge(3 * 86_400_000)).toBe('3 d ago');
  });

  it('treats a little future as clock skew and a lot as suspicious', () => {
    expect(formatAge(-2_000)).toBe('just now');
    expect(formatAge(-60_000)).toBe('in the future (clock skew?)');
  });

  it('computes age against the given clock, and refuses junk timestamps', () => {
    const now = Date.parse('2026-11-22T12:00:12Z');
    expect(ageMs('2026-11-22T12:00:00Z', now)).toBe(12_000);
    expect(ageMs('not a time', now)).toBeUndefined();
    expect(ageMs('', now)).toBeUndefined();
  });

  it('counts missing or old data as stale', () => {
    expect(isStale(undefined)).toBe(true);
    expect(isStale(DEFAULT_STALE_AFTER_MS + 1)).toBe(true);
    expect(isStale(DEFAULT_STALE_AFTER_MS - 1)).toBe(false);
    expect(isStale(31_000, 30_000)).toBe(true);
  });

  it("takes the stale limit from the backend's config keys when visible", () => {
    const config = (values: Record<string, number>) => ({
      getOptionalNumber: (key: string) => values[key],
    });
    expect(staleAfterMsFromConfig(config({}))).toBe(90_000);
    expect(
      staleAfterMsFromConfig(config({ 'rolloutStatus.intervalSeconds': 60 })),
    ).toBe(180_000);
    expect(
      staleAfterMsFromConfig(
        config({
          'rolloutStatus.intervalSeconds': 60,
          'rolloutStatus.staleAfterSeconds': 45,
        }),
      ),
    ).toBe(45_000);
  });

  it('formats absolute times in UTC', () => {
    expect(formatTimestamp('2026-06-10T22:35:07.123Z')).toBe(
      '2026-06-10 22:35:07 UTC',
    );
    expect(formatTimestamp('garbage')).toBe('unknown time');
  });
});
