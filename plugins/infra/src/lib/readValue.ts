import {
  isUnresolvedValue,
  UnresolvedValue,
} from '@internal/backstage-plugin-infra-common';

/**
 * A value read from the infra repo as the catalog provider recorded it.
 *
 * The provider never guesses: when Terraform holds an expression it cannot
 * resolve statically it writes the expression instead. The card must keep
 * that distinction visible, so every value the card shows goes through this
 * type rather than being read as a plain string.
 */
export type ReadValue<T> =
  | { state: 'known'; value: T }
  /**
   * The source holds an expression the provider could not resolve; the
   * reason (an `UnresolvedReason` of infra-common, or a newer one) when the
   * provider knows why.
   */
  | { state: 'unresolved'; expression: string; reason?: string }
  /** The provider wrote nothing for this field. */
  | { state: 'missing' }
  /** Something was written, but not in a shape we understand. */
  | { state: 'invalid'; raw: string };

/** Annotation values use this prefix for unresolved expressions. */
const UNRESOLVED_PREFIX = 'unresolved:';

export function known<T>(value: T): ReadValue<T> {
  return { state: 'known', value };
}

export const MISSING: ReadValue<never> = { state: 'missing' };

/**
 * Reads an annotation string. `unresolved: <expr>` becomes an unresolved
 * value; anything `parse` rejects is reported as invalid, never dropped.
 */
export function readAnnotationValue<T>(
  raw: string | undefined,
  parse: (text: string) => T | undefined,
): ReadValue<T> {
  if (raw === undefined || raw.trim() === '') return MISSING;
  const text = raw.trim();
  if (text.startsWith(UNRESOLVED_PREFIX)) {
    return {
      state: 'unresolved',
      expression: text.slice(UNRESOLVED_PREFIX.length).trim(),
    };
  }
  const parsed = parse(text);
  return parsed === undefined ? { state: 'invalid', raw: text } : known(parsed);
}

/**
 * Reads one field of the details JSON. Accepts the `{ unresolved }` marker
 * and, for robustness, the `unresolved: <expr>` string form as well.
 */
export function readDetailValue<T>(
  raw: unknown,
  parse: (value: unknown) => T | undefined,
): ReadValue<T> {
  if (raw === undefined || raw === null) return MISSING;
  if (isUnresolvedValue(raw)) return unresolvedOf(raw);
  if (typeof raw === 'string' && raw.trim().startsWith(UNRESOLVED_PREFIX)) {
    return readAnnotationValue<T>(raw, () => undefined);
  }
  const parsed = parse(raw);
  return parsed === undefined
    ? { state: 'invalid', raw: JSON.stringify(raw) }
    : known(parsed);
}

/** The read form of an `{ unresolved, reason? }` marker. */
export function unresolvedOf(raw: UnresolvedValue): ReadValue<never> {
  return raw.reason
    ? { state: 'unresolved', expression: raw.unresolved, reason: raw.reason }
    : { state: 'unresolved', expression: raw.unresolved };
}

export const parseText = (value: unknown): string | undefined =>
  typeof value === 'string' && value.trim() !== '' ? value.trim() : undefined;

/** Integers as Terraform writes them: a number or a numeric string. */
export const parseCount = (value: unknown): number | undefined => {
  if (typeof value === 'number' && Number.isInteger(value) && value >= 0) {
    return value;
  }
  if (typeof value === 'string' && /^\d+$/.test(value.trim())) {
    return Number(value.trim());
  }
  return undefined;
};

/** PDB bounds may be a count or a percentage (`50%`). */
export const parseCountOrPercent = (
  value: unknown,
): number | string | undefined => {
  const count = parseCount(value);
  if (count !== undefined) return count;
  if (typeof value === 'string' && /^\d+%$/.test(value.trim())) {
    return value.trim();
  }
  return undefined;
};

export const parseBoolean = (value: unknown): boolean | undefined => {
  if (typeof value === 'boolean') return value;
  if (value === 'true') return true;
  if (value === 'false') return false;
  return undefined;
};
