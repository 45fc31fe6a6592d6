import type { UnresolvedReason } from '@internal/backstage-plugin-infra-common';

// One list of reasons, shared with the cards that explain them.
export type { UnresolvedReason };

/**
 * A value that could not be resolved statically. Serialises to
 * `{ "unresolved": "<raw expression>", "reason": "..." }` (reason only when
 * known), the shape `UnresolvedValue` in infra-common documents.
 */
export class Unresolved {
  constructor(
    readonly unresolved: string,
    readonly reason?: UnresolvedReason,
  ) {}
  toJSON() {
    return this.reason
      ? { unresolved: this.unresolved, reason: this.reason }
      : { unresolved: this.unresolved };
  }
}

export type HclValue =
  | string
  | number
  | boolean
  | null
  | HclValue[]
  | { [key: string]: HclValue }
  | Unresolved;

export function isUnresolved(v: unknown): v is Unresolved {
  return v instanceof Unresolved;
}

/** Convenience readers over resolved values. */
export function asString(v: HclValue | undefined): string | undefined {
  if (typeof v === 'number') return String(v);
  return typeof v === 'string' ? v : undefined;
}

export function asNumber(v: HclValue | undefined): number | undefined {
  if (typeof v === 'number') return v;
  if (typeof v === 'string' && /^-?\d+(\.\d+)?$/.test(v.trim()))
    return Number(v);
  return undefined;
}

export function asRecord(
  v: HclValue | undefined,
): Record<string, HclValue> | undefined {
  return v && typeof v === 'object' && !Array.isArray(v) && !isUnresolved(v)
    ? (v as Record<string, HclValue>)
    : undefined;
}

/** A map of strings, dropping non-string values; undefined unless fully resolved. */
export function asStringMap(
  v: HclValue | undefined,
): Record<string, string> | undefined {
  const rec = asRecord(v);
  if (!rec) return undefined;
  const out: Record<string, string> = {};
  for (const [k, val] of Object.entries(rec)) {
    const s = asString(val);
    if (s === undefined) return undefined;
    out[k] = s;
  }
  return out;
}
