import { parseQuantity, quantityUnit, sameQuantity } from './quantity';
import { pdbCount, podsKept } from './disruptionBudget';

describe('parseQuantity', () => {
  it.each([
    ['512Mi', 512 * 2 ** 20],
    ['0.5Gi', 2 ** 29],
    ['1G', 1e9],
    ['100m', 0.1],
    ['2', 2],
    [' 1Ki ', 1024],
    ['1e3', 1000],
    ['1.5', 1.5],
    [3, 3],
  ])('reads %j', (q, amount) => {
    expect(parseQuantity(q)).toBeCloseTo(amount);
  });

  it.each(['', 'Mi', '512MB', '1 Gi', 'abc', undefined, null, NaN])(
    'refuses %j',
    q => {
      expect(parseQuantity(q as string)).toBeUndefined();
    },
  );

  it('compares amounts, not spellings', () => {
    expect(sameQuantity('1Gi', '1024Mi')).toBe(true);
    expect(sameQuantity('1G', '1Gi')).toBe(false);
    expect(sameQuantity('weird', 'weird')).toBe(true);
    expect(quantityUnit('512Mi')).toBe('Mi');
    expect(quantityUnit('512')).toBe('');
  });
});

describe('PodDisruptionBudget counts', () => {
  it('reads counts and percentages of replicas, rounding percentages up', () => {
    expect(pdbCount(2, 3)).toBe(2);
    expect(pdbCount('2', 3)).toBe(2);
    expect(pdbCount('50%', 3)).toBe(2);
    expect(pdbCount('50%', undefined)).toBeUndefined();
    expect(pdbCount('two', 3)).toBeUndefined();
  });

  it('keeps minAvailable, or replicas minus maxUnavailable, never below zero', () => {
    expect(podsKept(1, undefined, 3)).toBe(1);
    expect(podsKept(undefined, 1, 3)).toBe(2);
    expect(podsKept(undefined, '34%', 3)).toBe(1);
    expect(podsKept(undefined, 5, 3)).toBe(0);
    expect(podsKept(undefined, 1, undefined)).toBeUndefined();
    expect(podsKept(undefined, undefined, 3)).toBeUndefined();
  });
});
