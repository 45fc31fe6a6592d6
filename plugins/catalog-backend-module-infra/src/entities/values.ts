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
 * `{ unresolved, reason? }` objects of the details contract.
 */
export function plain<T>(v: T): T {
  return v === undefined ? v : JSON.parse(JSON.stringify(v));
}
