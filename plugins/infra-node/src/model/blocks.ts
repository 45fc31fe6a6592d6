import { HclAttribute, HclBlock, HclComment } from '../hcl/types';
import { HclValue, Unresolved, isUnresolved } from '../hcl/values';
import { collectionEntries, resolve } from '../eval/evaluate';
import type { Scope } from '../eval/scope';
import { Val } from './types';

/**
 * The scope a block copy made by {@link sub} is evaluated in: the
 * iteration of the `dynamic` block it comes from (`env.value`), inherited by
 * its own nested blocks.
 */
const boundScopes = new WeakMap<HclBlock, Scope>();

/** The scope to evaluate a block's attributes in. */
export function scopeOf(block: HclBlock | undefined, scope: Scope): Scope {
  return (block && boundScopes.get(block)) ?? scope;
}

function bind(block: HclBlock, scope: Scope): HclBlock {
  const copy = { ...block };
  boundScopes.set(copy, scope);
  return copy;
}

/**
 * Child blocks of a type. A `dynamic "<type>"` block expands into one
 * block per element of its `for_each` (with its iterator bound); when the
 * collection is not static it stays one block whose iterator is unknown.
 */
export function sub(
  block: HclBlock | undefined,
  type: string,
  scope?: Scope,
): HclBlock[] {
  if (!block) return [];
  const parentScope = boundScopes.get(block) ?? scope;
  const out: HclBlock[] = [];
  for (const b of block.blocks) {
    if (b.type === type) {
      out.push(
        parentScope && boundScopes.has(block) ? bind(b, parentScope) : b,
      );
      continue;
    }
    if (b.type !== 'dynamic' || b.labels[0] !== type) continue;
    const content = b.blocks.find(c => c.type === 'content');
    if (!content) continue;
    const base = { ...content, type, dynamic: true, line: b.line };
    if (!parentScope) {
      out.push(base);
      continue;
    }
    const iterAttr = b.attributes.iterator;
    const iterator =
      iterAttr?.expr.kind === 'traversal' ? iterAttr.expr.root : type;
    const forEach = b.attributes.for_each;
    const collection = forEach ? resolve(forEach.expr, parentScope) : undefined;
    const entries =
      collection === undefined ? undefined : collectionEntries(collection);
    const withIterator = (key: HclValue, element: HclValue): Scope => {
      const vars = new Map(parentScope.vars ?? []);
      vars.set(iterator, { key, value: element });
      return { ...parentScope, vars };
    };
    if (!entries) {
      const unknown = new Unresolved(
        forEach?.expr.raw ?? type,
        'depends-on-unknown',
      );
      out.push(bind(base, withIterator(unknown, unknown)));
      continue;
    }
    // A set of strings iterates its elements as keys, like `for_each` on a resource.
    const isSet = Array.isArray(collection);
    for (const [k, v] of entries)
      out.push(bind({ ...base }, withIterator(isSet ? v : k, v)));
  }
  return out;
}

export function first(
  block: HclBlock | undefined,
  type: string,
  scope?: Scope,
): HclBlock | undefined {
  return sub(block, type, scope)[0];
}

export function attr(
  block: HclBlock | undefined,
  name: string,
): HclAttribute | undefined {
  if (!block) return undefined;
  return Object.prototype.hasOwnProperty.call(block.attributes, name)
    ? block.attributes[name]
    : undefined;
}

/** The resolved value of an attribute; undefined when not written. */
export function value(
  block: HclBlock | undefined,
  name: string,
  scope: Scope,
): HclValue | undefined {
  const a = attr(block, name);
  return a ? resolve(a.expr, scopeOf(block, scope)) : undefined;
}

export function str(
  block: HclBlock | undefined,
  name: string,
  scope: Scope,
): Val<string> | undefined {
  const v = value(block, name, scope);
  return toStr(v, attr(block, name)?.expr.raw);
}

export function toStr(
  v: HclValue | undefined,
  raw?: string,
): Val<string> | undefined {
  if (v === undefined || v === null) return undefined;
  if (typeof v === 'string') return v;
  if (typeof v === 'number' || typeof v === 'boolean') return String(v);
  if (isUnresolved(v)) return v;
  return new Unresolved(raw ?? JSON.stringify(v));
}

export function num(
  block: HclBlock | undefined,
  name: string,
  scope: Scope,
): Val<number> | undefined {
  const v = value(block, name, scope);
  if (v === undefined || v === null) return undefined;
  if (typeof v === 'number') return v;
  if (typeof v === 'string' && /^\d+$/.test(v.trim())) return Number(v);
  if (isUnresolved(v)) return v;
  return new Unresolved(attr(block, name)!.expr.raw);
}

/** An int-or-percent field such as `min_available`. */
export function intOrString(
  block: HclBlock | undefined,
  name: string,
  scope: Scope,
): Val<number | string> | undefined {
  const v = value(block, name, scope);
  if (v === undefined || v === null) return undefined;
  if (typeof v === 'number') return v;
  if (typeof v === 'string') return /^\d+$/.test(v) ? Number(v) : v;
  if (isUnresolved(v)) return v;
  return new Unresolved(attr(block, name)!.expr.raw);
}

export function bool(
  block: HclBlock | undefined,
  name: string,
  scope: Scope,
): Val<boolean> | undefined {
  const v = value(block, name, scope);
  if (v === undefined || v === null) return undefined;
  if (typeof v === 'boolean') return v;
  if (isUnresolved(v)) return v;
  return new Unresolved(attr(block, name)!.expr.raw);
}

/** A string map attribute (`labels = {...}`), keeping only fully static entries. */
export function stringMap(
  block: HclBlock | undefined,
  name: string,
  scope: Scope,
): Record<string, string> {
  const v = value(block, name, scope);
  const out: Record<string, string> = {};
  if (v && typeof v === 'object' && !Array.isArray(v) && !isUnresolved(v)) {
    for (const [k, val] of Object.entries(v)) {
      if (
        typeof val === 'string' ||
        typeof val === 'number' ||
        typeof val === 'boolean'
      ) {
        out[k] = String(val);
      }
    }
  }
  return out;
}

/** Comments inside a block's line range. */
export function commentsWithin(
  block: HclBlock,
  comments: ReadonlyArray<HclComment>,
): HclComment[] {
  return comments.filter(
    c => c.line >= block.line && c.endLine <= block.endLine,
  );
}

/** Same value: equal literals, or the same unresolved expression. */
export function sameVal(
  a: Val<unknown> | undefined,
  b: Val<unknown> | undefined,
): boolean {
  if (a === undefined || b === undefined) return a === b;
  if (isUnresolved(a) || isUnresolved(b)) {
    return isUnresolved(a) && isUnresolved(b) && a.unresolved === b.unresolved;
  }
  return a === b;
}

export function valText(v: Val<unknown> | undefined): string | undefined {
  if (v === undefined) return undefined;
  if (isUnresolved(v)) return undefined;
  return typeof v === 'string' ? v : String(v);
}
