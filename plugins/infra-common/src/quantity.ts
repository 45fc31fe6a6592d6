/**
 * Kubernetes resource quantities (`512Mi`, `0.5Gi`, `100m`, `1e3`), the one
 * reader every package uses: the convention checks, the scaffolder's
 * validation and the rollout checks compare amounts, never spellings.
 */

const BINARY: Record<string, number> = {
  Ki: 2 ** 10,
  Mi: 2 ** 20,
  Gi: 2 ** 30,
  Ti: 2 ** 40,
  Pi: 2 ** 50,
  Ei: 2 ** 60,
};
const DECIMAL: Record<string, number> = {
  n: 1e-9,
  u: 1e-6,
  m: 1e-3,
  '': 1,
  k: 1e3,
  M: 1e6,
  G: 1e9,
  T: 1e12,
  P: 1e15,
  E: 1e18,
};

/**
 * The amount a quantity stands for (bytes for memory, cores for CPU), or
 * undefined when it is not a quantity. A number is taken as it is.
 */
export function parseQuantity(
  q: string | number | undefined | null,
): number | undefined {
  if (typeof q === 'number') return Number.isFinite(q) ? q : undefined;
  if (typeof q !== 'string') return undefined;
  const m =
    /^([+-]?(?:\d+(?:\.\d*)?|\.\d+)(?:[eE][+-]?\d+)?)([a-zA-Z]{0,2})$/.exec(
      q.trim(),
    );
  if (!m) return undefined;
  const n = Number(m[1]);
  const suffix = m[2];
  if (suffix in BINARY) return n * BINARY[suffix];
  if (suffix in DECIMAL) return n * DECIMAL[suffix];
  return undefined;
}

/** The unit suffix of a quantity as written (`Mi` of `512Mi`; `` for a bare number). */
export function quantityUnit(q: string): string | undefined {
  return /^[+-]?[\d.]+(?:[eE][+-]?\d+)?([a-zA-Z]{0,2})$/.exec(q.trim())?.[1];
}

/** True when two quantities are the same amount (`1Gi` equals `1024Mi`). */
export function sameQuantity(a: string | number, b: string | number): boolean {
  const x = parseQuantity(a);
  const y = parseQuantity(b);
  if (x === undefined || y === undefined)
    return String(a).trim() === String(b).trim();
  return Math.abs(x - y) < 1e-9 * Math.max(1, Math.abs(x));
}
