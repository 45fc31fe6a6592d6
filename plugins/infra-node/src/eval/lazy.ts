import { HclValue, isUnresolved } from '../hcl/values';

/**
 * A value whose parts are computed only when a traversal reaches them: a
 * module instance (its outputs), a resource (its attributes and nested
 * blocks), a module call or resource with `count` / `for_each` (its
 * instances). Referencing `module.x.host` must not evaluate every other
 * output of `module.x`, and must not loop when two outputs refer to each
 * other's module.
 */
export interface LazyValue {
  readonly lazy: true;
  /** One attribute, index or key; undefined when it does not exist. */
  get(step: string | number): EvalResult | undefined;
  /** The whole value, for a function argument or an output. */
  force(): HclValue;
}

export type EvalResult = HclValue | LazyValue;

export function isLazy(v: unknown): v is LazyValue {
  return (
    typeof v === 'object' &&
    v !== null &&
    (v as { lazy?: unknown }).lazy === true &&
    typeof (v as { get?: unknown }).get === 'function'
  );
}

export function force(v: EvalResult): HclValue {
  return isLazy(v) ? v.force() : v;
}

/** One step into a plain value, Terraform's way: list index, map key, object attribute. */
export function stepInto(
  base: EvalResult,
  step: string | number,
): EvalResult | undefined {
  if (isLazy(base)) return base.get(step);
  if (isUnresolved(base)) return base;
  if (Array.isArray(base)) {
    const i = typeof step === 'number' ? step : Number(step);
    return Number.isInteger(i) ? base[i] : undefined;
  }
  if (base && typeof base === 'object') {
    const rec = base as Record<string, HclValue>;
    const key = String(step);
    return Object.prototype.hasOwnProperty.call(rec, key)
      ? rec[key]
      : undefined;
  }
  return undefined;
}

/** A lazy object with a fixed set of keys. */
export function lazyObject(
  keys: () => Iterable<string>,
  get: (key: string) => EvalResult | undefined,
): LazyValue {
  return {
    lazy: true,
    get: step => get(String(step)),
    force: () => {
      const out: Record<string, HclValue> = {};
      for (const k of keys()) {
        const v = get(k);
        if (v !== undefined) out[k] = force(v);
      }
      return out;
    },
  };
}

/** A lazy list of a known length. */
export function lazyList(
  length: number,
  get: (index: number) => EvalResult | undefined,
): LazyValue {
  return {
    lazy: true,
    get: step => {
      const i = typeof step === 'number' ? step : Number(step);
      return Number.isInteger(i) && i >= 0 && i < length ? get(i) : undefined;
    },
    force: () => {
      const out: HclValue[] = [];
      for (let i = 0; i < length; i++) {
        const v = get(i);
        out.push(v === undefined ? null : force(v));
      }
      return out;
    },
  };
}
