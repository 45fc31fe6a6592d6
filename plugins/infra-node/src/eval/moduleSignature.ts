import path from 'node:path';
import { parseHcl } from '../hcl/parser';
import { Expr, HclFile } from '../hcl/types';
import { HclValue, isUnresolved } from '../hcl/values';
import { resolve } from './evaluate';
import { scopeOfFiles } from './scopeOfFiles';

/**
 * A Terraform type constraint as written in a `variable` block's `type`.
 * `unreadable` keeps a constraint this reader does not model (a newer
 * keyword): a value against it is not judged, never refused.
 */
export type TypeConstraint =
  | { kind: 'any' | 'string' | 'number' | 'bool' }
  | { kind: 'list' | 'set' | 'map'; element: TypeConstraint }
  | {
      kind: 'object';
      attributes: Record<string, { type: TypeConstraint; optional: boolean }>;
    }
  | { kind: 'tuple'; elements: TypeConstraint[] }
  | { kind: 'unreadable'; raw: string };

/** One `variable` block of a module: what a caller may or must pass. */
export interface ModuleVariable {
  name: string;
  /** The constraint; `any` when the block has no `type`. */
  type: TypeConstraint;
  /** The constraint as written (`list(string)`), or `any`. */
  typeText: string;
  /** No `default`: every call must set it. `default = null` is optional. */
  required: boolean;
  default?: HclValue;
  file: string;
  line: number;
}

/** The variables of the module in one directory: its calling signature. */
export interface ModuleSignature {
  dir: string;
  variables: Map<string, ModuleVariable>;
}

/**
 * Reads the signature of the module in `dir` (repo-relative) from parsed
 * files: every `variable` block of the directory's `.tf` files, with its
 * type constraint and default. Undefined when the directory has no `.tf`
 * file, i.e. there is no module there.
 */
export function readModuleSignature(
  files: ReadonlyArray<HclFile>,
  dir: string,
): ModuleSignature | undefined {
  const own = files.filter(
    f => f.path.endsWith('.tf') && path.posix.dirname(f.path) === dir,
  );
  if (own.length === 0) return undefined;
  // Defaults are constants in Terraform, but may call functions
  // (`tomap({})`): evaluate them as the model does.
  const scope = scopeOfFiles(own, dir, (file, content) =>
    parseHcl(file, content),
  );
  const variables = new Map<string, ModuleVariable>();
  for (const f of own) {
    for (const b of f.blocks) {
      const name = b.labels[0];
      if (b.type !== 'variable' || !name) continue;
      const typeExpr = b.attributes.type?.expr;
      const def = b.attributes.default?.expr;
      variables.set(name, {
        name,
        type: typeExpr ? readTypeConstraint(typeExpr) : { kind: 'any' },
        typeText: typeExpr ? typeExpr.raw.trim() : 'any',
        required: def === undefined,
        default: def ? resolve(def, scope) : undefined,
        file: f.path,
        line: b.line,
      });
    }
  }
  return { dir, variables };
}

const PRIMITIVES = new Set(['any', 'string', 'number', 'bool']);

/** Reads a type expression (`string`, `list(string)`, `object({ a = optional(number) })`). */
export function readTypeConstraint(expr: Expr): TypeConstraint {
  const unreadable: TypeConstraint = { kind: 'unreadable', raw: expr.raw };
  if (expr.kind === 'traversal' && expr.steps.length === 0) {
    return PRIMITIVES.has(expr.root)
      ? { kind: expr.root as 'any' | 'string' | 'number' | 'bool' }
      : unreadable;
  }
  if (expr.kind !== 'call' || expr.args.length !== 1) return unreadable;
  const [arg] = expr.args;
  if (expr.name === 'list' || expr.name === 'set' || expr.name === 'map')
    return { kind: expr.name, element: readTypeConstraint(arg) };
  if (expr.name === 'tuple' && arg.kind === 'tuple')
    return { kind: 'tuple', elements: arg.items.map(readTypeConstraint) };
  if (expr.name === 'object' && arg.kind === 'object') {
    const attributes: Record<
      string,
      { type: TypeConstraint; optional: boolean }
    > = {};
    for (const e of arg.entries) {
      const key = attributeName(e.key);
      if (key === undefined) return unreadable;
      const optional =
        e.value.kind === 'call' &&
        e.value.name === 'optional' &&
        e.value.args.length >= 1;
      attributes[key] = {
        type: readTypeConstraint(
          optional && e.value.kind === 'call' ? e.value.args[0] : e.value,
        ),
        optional,
      };
    }
    return { kind: 'object', attributes };
  }
  return unreadable;
}

function attributeName(key: Expr): string | undefined {
  if (key.kind === 'traversal' && key.steps.length === 0) return key.root;
  if (key.kind === 'literal' && typeof key.value === 'string') return key.value;
  if (
    key.kind === 'template' &&
    key.parts.length === 1 &&
    typeof key.parts[0] === 'string'
  )
    return key.parts[0];
  return undefined;
}

/**
 * Whether Terraform could convert `value` to `type` when a module call
 * passes it: `ok`, `unknown` (part of the value is not static, or the
 * constraint is unreadable), or the reason it would fail, in words. Follows
 * Terraform's conversions: a number or bool converts to a string, a numeric
 * string to a number, "true"/"false" to a bool; a tuple to a list or set,
 * an object to a map or object (extra attributes are dropped).
 */
export function conformsToType(
  value: HclValue,
  type: TypeConstraint,
): { ok: true } | { ok: 'unknown' } | { ok: false; reason: string } {
  const unknown = { ok: 'unknown' as const };
  const yes = { ok: true as const };
  const no = (reason: string) => ({ ok: false as const, reason });
  if (isUnresolved(value) || type.kind === 'unreadable') return unknown;
  if (type.kind === 'any' || value === null) return yes;
  const got = describeValue(value);
  switch (type.kind) {
    case 'string':
      return typeof value === 'object' ? no(`${got} is not a string`) : yes;
    case 'number':
      if (typeof value === 'number') return yes;
      if (
        typeof value === 'string' &&
        value.trim() !== '' &&
        Number.isFinite(Number(value))
      )
        return yes;
      return no(`${got} is not a number`);
    case 'bool':
      return typeof value === 'boolean' || value === 'true' || value === 'false'
        ? yes
        : no(`${got} is not true or false`);
    case 'list':
    case 'set':
      if (!Array.isArray(value)) return no(`${got} is not a list`);
      return allConform(
        value.map((v, i) => [`element ${i}`, v] as const),
        type.element,
      );
    case 'map':
      if (!isObject(value)) return no(`${got} is not a map`);
      return allConform(
        Object.entries(value).map(([k, v]) => [`"${k}"`, v] as const),
        type.element,
      );
    case 'tuple':
      if (!Array.isArray(value) || value.length !== type.elements.length)
        return no(`${got} is not a tuple of ${type.elements.length}`);
      return firstFailure(
        value.map(
          (v, i) =>
            [`element ${i}`, conformsToType(v, type.elements[i])] as const,
        ),
      );
    case 'object': {
      if (!isObject(value)) return no(`${got} is not an object`);
      const missing = Object.entries(type.attributes)
        .filter(([k, a]) => !a.optional && !(k in value))
        .map(([k]) => k);
      if (missing.length > 0)
        return no(`the object lacks the attribute ${missing.join(', ')}`);
      return firstFailure(
        Object.entries(type.attributes)
          .filter(([k]) => k in value)
          .map(
            ([k, a]) => [`"${k}"`, conformsToType(value[k], a.type)] as const,
          ),
      );
    }
    default:
      return unknown;
  }
}

function isObject(v: HclValue): v is { [key: string]: HclValue } {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

function allConform(
  items: ReadonlyArray<readonly [string, HclValue]>,
  type: TypeConstraint,
) {
  return firstFailure(
    items.map(([where, v]) => [where, conformsToType(v, type)] as const),
  );
}

function firstFailure(
  results: ReadonlyArray<readonly [string, ReturnType<typeof conformsToType>]>,
): ReturnType<typeof conformsToType> {
  let unknown = false;
  for (const [where, r] of results) {
    if (r.ok === false) return { ok: false, reason: `${where}: ${r.reason}` };
    if (r.ok === 'unknown') unknown = true;
  }
  return unknown ? { ok: 'unknown' } : { ok: true };
}

/** A value as a message names it: `"eighty"`, `a list`, `an object`, `true`. */
export function describeValue(v: HclValue): string {
  if (Array.isArray(v)) return 'a list';
  if (isObject(v)) return 'an object';
  if (typeof v === 'string')
    return JSON.stringify(v.length > 40 ? `${v.slice(0, 40)}…` : v);
  return String(v);
}

/**
 * Whether a value declared with type `from` (a stack variable passed on as
 * `var.x`) always fits `to`: `no` only where no value of `from` could
 * convert (a list for a string), `unknown` where some could (a string for a
 * number).
 */
export function typeFits(
  from: TypeConstraint,
  to: TypeConstraint,
): 'yes' | 'no' | 'unknown' {
  if (from.kind === 'unreadable' || to.kind === 'unreadable') return 'unknown';
  if (to.kind === 'any') return 'yes';
  if (from.kind === 'any') return 'unknown';
  const primitive = (t: TypeConstraint) =>
    t.kind === 'string' || t.kind === 'number' || t.kind === 'bool';
  if (primitive(from) && primitive(to)) {
    if (from.kind === to.kind || to.kind === 'string') return 'yes';
    return 'unknown';
  }
  if (primitive(from) !== primitive(to)) return 'no';
  const sequence = (t: TypeConstraint) =>
    t.kind === 'list' || t.kind === 'set' || t.kind === 'tuple';
  if (sequence(from) !== sequence(to)) return 'no';
  if (
    (from.kind === 'list' || from.kind === 'set' || from.kind === 'map') &&
    from.kind === to.kind
  )
    return typeFits(from.element, to.element);
  return 'unknown';
}
