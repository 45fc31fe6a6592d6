import { Expr, HclBlock } from './types';

/**
 * A value that could not be resolved statically. Serialises to
 * `{ "unresolved": "<raw expression>" }`, the shape `UnresolvedValue` in
 * infra-common documents.
 */
export class Unresolved {
  constructor(readonly unresolved: string) {}
  toJSON() {
    return { unresolved: this.unresolved };
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

/** Everything an expression may refer to within one module directory. */
export interface Scope {
  /** Repo-relative directory of the module (the value of `path.module`). */
  dir: string;
  /** Repo-relative stack directory (the value of `path.root`). */
  rootDir: string;
  locals: Map<string, Expr>;
  variables: Map<string, { default?: Expr }>;
  /**
   * Values given to variables from outside: the module call's arguments for
   * a stack-local module, terragrunt `inputs` and the repo's `config.tfvars`
   * for a stack root. Each is resolved in its own scope.
   */
  inputs: Map<string, { expr: Expr; scope: Scope | undefined }>;
  /** Resource blocks by `<type>.<name>`, for `kubernetes_namespace.x.metadata[0].name`. */
  resources: Map<string, HclBlock>;
  /** `output` values of the module, for callers' `module.<name>.<output>`. */
  outputs: Map<string, Expr>;
  /** Scopes of the modules this one calls, by call name (created on first use). */
  modules: Map<string, () => Scope | undefined>;
}

const MAX_DEPTH = 32;

/**
 * Resolves an expression to a literal value where it is static within its
 * scope (literals, templates without directives, collections, `local.*`,
 * `var.*` with an input or a default, `path.module`, and attributes written
 * in a resource block of the same module). Anything else stays
 * {@link Unresolved} with its raw text: never a guess.
 */
export function resolve(
  expr: Expr,
  scope: Scope | undefined,
  depth = 0,
): HclValue {
  if (depth > MAX_DEPTH) return new Unresolved(expr.raw);
  switch (expr.kind) {
    case 'literal':
      return expr.value;
    case 'template': {
      if (expr.hasDirectives) return new Unresolved(expr.raw);
      let out = '';
      for (const part of expr.parts) {
        if (typeof part === 'string') {
          out += part;
          continue;
        }
        const v = resolve(part, scope, depth + 1);
        if (
          typeof v === 'string' ||
          typeof v === 'number' ||
          typeof v === 'boolean'
        ) {
          out += String(v);
        } else {
          return new Unresolved(expr.raw);
        }
      }
      return out;
    }
    case 'tuple':
      return expr.items.map(i => resolve(i, scope, depth + 1));
    case 'object': {
      const obj: { [key: string]: HclValue } = {};
      for (const entry of expr.entries) {
        const key = objectKey(entry.key, scope, depth);
        if (key === undefined) return new Unresolved(expr.raw);
        obj[key] = resolve(entry.value, scope, depth + 1);
      }
      return obj;
    }
    case 'traversal':
      return resolveTraversal(expr, scope, depth);
    case 'call':
      return resolveCall(expr, scope, depth);
    default:
      return new Unresolved(expr.raw);
  }
}

function objectKey(
  key: Expr,
  scope: Scope | undefined,
  depth: number,
): string | undefined {
  // `{ app = "x" }`: a bare identifier key is the literal name.
  if (key.kind === 'traversal' && key.steps.length === 0) return key.root;
  const v = resolve(key, scope, depth + 1);
  if (typeof v === 'string' || typeof v === 'number' || typeof v === 'boolean')
    return String(v);
  return undefined;
}

function resolveTraversal(
  expr: Extract<Expr, { kind: 'traversal' }>,
  scope: Scope | undefined,
  depth: number,
): HclValue {
  const unresolved = new Unresolved(expr.raw);
  if (!scope) return unresolved;
  const [first, ...steps] = expr.steps;
  if (typeof first !== 'string') return unresolved;
  let rest = steps;
  let base: HclValue;
  switch (expr.root) {
    case 'local': {
      const local = scope.locals.get(first);
      if (!local) return unresolved;
      base = resolve(local, scope, depth + 1);
      break;
    }
    case 'var': {
      const name = first;
      const input = scope.inputs.get(name);
      if (input) {
        base = resolve(input.expr, input.scope, depth + 1);
      } else {
        const def = scope.variables.get(name)?.default;
        if (!def) return unresolved;
        base = resolve(def, scope, depth + 1);
      }
      break;
    }
    case 'path':
      if (first === 'module') base = scope.dir;
      else if (first === 'root') base = scope.rootDir;
      else return unresolved;
      break;
    case 'module': {
      // `module.<call>.<output>`: the output's expression in the callee's scope.
      const child = scope.modules.get(first)?.();
      const [output, ...after] = rest;
      if (!child || typeof output !== 'string') return unresolved;
      const outExpr = child.outputs.get(output);
      if (!outExpr) return unresolved;
      base = resolve(outExpr, child, depth + 1);
      rest = after;
      break;
    }
    case 'data':
    case 'each':
    case 'count':
    case 'self':
    case 'terraform':
      return unresolved;
    default: {
      // `<resource_type>.<name>.<attr>...`: the configured value.
      const block = scope.resources.get(`${expr.root}.${first}`);
      if (!block) return unresolved;
      return walkBlock(block, rest, scope, depth) ?? unresolved;
    }
  }
  for (const step of rest) {
    if (isUnresolved(base)) return unresolved;
    if (typeof step === 'object') return unresolved;
    if (Array.isArray(base) && typeof step === 'number') base = base[step];
    else if (
      base &&
      typeof base === 'object' &&
      !Array.isArray(base) &&
      typeof step === 'string'
    ) {
      base = (base as Record<string, HclValue>)[step];
    } else if (
      base &&
      typeof base === 'object' &&
      !Array.isArray(base) &&
      typeof step === 'number'
    ) {
      base = (base as Record<string, HclValue>)[String(step)];
    } else return unresolved;
    if (base === undefined) return unresolved;
  }
  return isUnresolved(base) ? unresolved : base;
}

/** Follows `.metadata[0].name` through nested blocks and attributes of a resource. */
function walkBlock(
  block: HclBlock,
  steps: ReadonlyArray<unknown>,
  scope: Scope,
  depth: number,
): HclValue | undefined {
  let current: HclBlock = block;
  for (let i = 0; i < steps.length; i++) {
    const step = steps[i];
    if (typeof step !== 'string') return undefined;
    const attr = current.attributes[step];
    if (attr) {
      const value = resolve(attr.expr, scope, depth + 1);
      let v: HclValue | undefined = value;
      for (const s of steps.slice(i + 1)) {
        if (v && typeof v === 'object' && !isUnresolved(v)) {
          if (Array.isArray(v)) v = typeof s === 'number' ? v[s] : undefined;
          else v = (v as Record<string, HclValue>)[String(s)];
        } else return undefined;
      }
      return v === undefined || isUnresolved(v) ? undefined : v;
    }
    const nested = current.blocks.filter(b => b.type === step && !b.dynamic);
    if (nested.length !== 1) return undefined;
    const next = steps[i + 1];
    if (next === 0) i++;
    else if (typeof next === 'number') return undefined;
    current = nested[0];
  }
  return undefined;
}

/**
 * The few pure functions whose result depends on nothing outside the source
 * (`merge` of label maps, `coalesce`, `concat`, case and type conversions). Everything
 * else stays unresolved.
 */
function resolveCall(
  expr: Extract<Expr, { kind: 'call' }>,
  scope: Scope | undefined,
  depth: number,
): HclValue {
  const unresolved = new Unresolved(expr.raw);
  const args = () => expr.args.map(a => resolve(a, scope, depth + 1));
  switch (expr.name) {
    case 'merge': {
      const values = args();
      const out: Record<string, HclValue> = {};
      for (const v of values) {
        if (!v || typeof v !== 'object' || Array.isArray(v) || isUnresolved(v))
          return unresolved;
        Object.assign(out, v);
      }
      return out;
    }
    case 'coalesce': {
      // The first argument that is neither null nor an empty string.
      for (const v of args()) {
        if (isUnresolved(v)) return unresolved;
        if (v !== null && v !== '') return v;
      }
      return unresolved;
    }
    case 'concat': {
      const values = args();
      const out: HclValue[] = [];
      for (const v of values) {
        if (!Array.isArray(v)) return unresolved;
        out.push(...v);
      }
      return out;
    }
    case 'lower':
    case 'upper':
    case 'tostring': {
      const [v] = args();
      if (
        typeof v !== 'string' &&
        typeof v !== 'number' &&
        typeof v !== 'boolean'
      )
        return unresolved;
      const s = String(v);
      if (expr.name === 'lower') return s.toLowerCase();
      if (expr.name === 'upper') return s.toUpperCase();
      return s;
    }
    case 'tonumber': {
      const [v] = args();
      const n = typeof v === 'string' && v.trim() !== '' ? Number(v) : v;
      return typeof n === 'number' && Number.isFinite(n) ? n : unresolved;
    }
    default:
      return unresolved;
  }
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
