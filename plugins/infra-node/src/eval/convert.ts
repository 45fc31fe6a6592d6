import { HclValue, isUnresolved } from '../hcl/values';

/** A value as it appears inside `"${...}"`: only primitives convert. */
export function toTemplateString(v: HclValue): string | undefined {
  if (typeof v === 'string') return v;
  if (typeof v === 'number' || typeof v === 'boolean') return String(v);
  return undefined;
}

/** Terraform's truthiness: only booleans and "true" / "false" strings convert. */
export function toBool(v: HclValue): boolean | undefined {
  if (typeof v === 'boolean') return v;
  if (v === 'true') return true;
  if (v === 'false') return false;
  return undefined;
}

export function toNumber(v: HclValue): number | undefined {
  if (typeof v === 'number') return v;
  if (typeof v === 'string' && v.trim() !== '' && Number.isFinite(Number(v)))
    return Number(v);
  return undefined;
}

export function typeOf(v: HclValue): string {
  if (v === null) return 'null';
  if (isUnresolved(v)) return 'unknown';
  if (Array.isArray(v)) return 'tuple';
  if (typeof v === 'object') return 'object';
  return typeof v;
}
