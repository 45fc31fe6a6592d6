import { types } from 'node:util';
import { Unresolved } from '../../hcl/values';

/**
 * Values cross between threads by structured clone, which keeps plain data
 * but not classes: an {@link Unresolved} would arrive as a plain object that
 * no longer tests as unresolved. It travels tagged, under a key no HCL
 * object can have (a NUL character), and is rebuilt on arrival.
 */
const TAG = '\u0000unresolved';

type Tagged = { [TAG]: [string, Unresolved['reason']] };

/** Replaces every {@link Unresolved} in `value` (in place) with its tagged form. */
export function packForThread<T>(value: T): T {
  return walk(value, v =>
    v instanceof Unresolved
      ? ({ [TAG]: [v.unresolved, v.reason] } satisfies Tagged)
      : undefined,
  ) as T;
}

/** Rebuilds every {@link Unresolved} that {@link packForThread} tagged (in place). */
export function unpackFromThread<T>(value: T): T {
  return walk(value, v => {
    if (!Object.prototype.hasOwnProperty.call(v, TAG)) return undefined;
    const [unresolved, reason] = (v as Tagged)[TAG];
    return new Unresolved(unresolved, reason);
  }) as T;
}

/**
 * Visits every object and array under `root` once (shared references and
 * Maps included), replacing an object where `replace` returns something.
 * Maps and Sets are told by `util.types`, which holds across realms (a
 * structured clone's Map is not an `instanceof` the Map of a Jest sandbox).
 */
function walk(root: unknown, replace: (v: object) => unknown): unknown {
  const seen = new Set<object>();
  const visit = (v: unknown): unknown => {
    if (v === null || typeof v !== 'object') return v;
    const replaced = replace(v);
    if (replaced !== undefined) return replaced;
    if (seen.has(v)) return v;
    seen.add(v);
    if (Array.isArray(v)) {
      for (let i = 0; i < v.length; i++) v[i] = visit(v[i]);
    } else if (types.isMap(v)) {
      for (const [k, x] of v) v.set(k, visit(x));
    } else if (types.isSet(v)) {
      const items = [...v];
      v.clear();
      for (const x of items) v.add(visit(x));
    } else {
      const o = v as Record<string, unknown>;
      for (const k of Object.keys(o)) o[k] = visit(o[k]);
    }
    return v;
  };
  return visit(root);
}
