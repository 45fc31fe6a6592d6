import {
  describeUnresolvedReason,
  isUnresolvedValue,
  UNRESOLVED_REASONS,
} from './unresolved';

describe('unresolved values', () => {
  it('recognises the marker with and without a reason', () => {
    expect(isUnresolvedValue({ unresolved: 'var.replicas' })).toBe(true);
    expect(
      isUnresolvedValue({ unresolved: 'var.db_host', reason: 'encrypted' }),
    ).toBe(true);
    // A reason from a newer provider is still the marker.
    expect(
      isUnresolvedValue({ unresolved: 'x', reason: 'from-the-future' }),
    ).toBe(true);
  });

  it('rejects look-alikes', () => {
    expect(isUnresolvedValue({ unresolved: 'x', other: 1 })).toBe(false);
    expect(isUnresolvedValue({ unresolved: 'x', reason: 3 })).toBe(false);
    expect(isUnresolvedValue({ reason: 'encrypted' })).toBe(false);
    expect(isUnresolvedValue([{ unresolved: 'x' }])).toBe(false);
    expect(isUnresolvedValue('3')).toBe(false);
    expect(isUnresolvedValue(null)).toBe(false);
  });

  it('describes known reasons and leaves unknown ones to the caller', () => {
    expect(describeUnresolvedReason('encrypted')).toBe(
      UNRESOLVED_REASONS.encrypted,
    );
    expect(describeUnresolvedReason('from-the-future')).toBeUndefined();
    expect(describeUnresolvedReason('toString')).toBeUndefined();
  });
});
