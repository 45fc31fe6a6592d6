import { isUnresolved, Val } from '@internal/backstage-plugin-infra-node';

/** The value as text when it is resolved; undefined when unresolved or absent. */
export const text = (v: Val<unknown> | undefined): string | undefined =>
  v === undefined || isUnresolved(v) ? undefined : String(v);

/**
 * An annotation value: the value as text, or `unresolved: <expression>`
 * (the form the card reads back as unresolved), so an unknown is never
 * written as if nothing were declared.
 */
export function annotationText(
  v: Val<unknown> | undefined,
): string | undefined {
  if (v === undefined) return undefined;
  return isUnresolved(v) ? `unresolved: ${v.unresolved}` : String(v);
}

/**
 * JSON-ready copy of a model value: `Unresolved` instances become the
 * `{ unresolved, reason? }` objects of the details contract, `undefined`
 * members are dropped (as JSON would), everything else is copied.
 */
export function plain<T>(v: T): T {
  return toPlain(v) as T;
}

function toPlain(v: unknown): unknown {
  if (v === null || typeof v !== 'object') return v;
  if (isUnresolved(v)) return v.toJSON();
  if (Array.isArray(v))
    return v.map(x => (x === undefined ? null : toPlain(x)));
  const out: Record<string, unknown> = {};
  for (const [k, x] of Object.entries(v))
    if (x !== undefined) out[k] = toPlain(x);
  return out;
}
