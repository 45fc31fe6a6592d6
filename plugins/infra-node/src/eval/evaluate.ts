import { Expr, TraversalStep } from '../hcl/types';
import { HclValue, Unresolved, isUnresolved } from '../hcl/values';
import { toBool, toNumber, toTemplateString } from './convert';
import { callFunction, containsUnknown, equalValues } from './functions';
import { EvalResult, force, stepInto } from './lazy';
import type { Scope } from './scope';

/** Deeper than this, an expression is given up as unknown (cycles, pathological nesting). */
const MAX_DEPTH = 64;

/**
 * Evaluates an expression the way Terraform would at plan time, as far as
 * the source alone decides it: literals, templates, collections, operators,
 * conditionals, `for` expressions, splats, `var.*` (inputs, tfvars,
 * defaults), `local.*`, `module.<call>.<output>` across module calls,
 * attributes written in resource blocks, `each` / `count`, `path.*`, and a
 * library of pure functions. What only a provider, a data source or the
 * environment knows stays {@link Unresolved} with its expression and a
 * reason: never a guess.
 */
export function resolve(expr: Expr, scope: Scope, depth = 0): HclValue {
  return force(evaluate(expr, scope, depth));
}

export function evaluate(expr: Expr, scope: Scope, depth = 0): EvalResult {
  if (depth > MAX_DEPTH) return new Unresolved(expr.raw, 'other');
  const next = depth + 1;
  switch (expr.kind) {
    case 'literal':
      return expr.value;
    case 'template':
      return evaluateTemplate(expr, scope, next);
    case 'tuple':
      return expr.items.map(i => resolve(i, scope, next));
    case 'object': {
      const out: Record<string, HclValue> = {};
      for (const entry of expr.entries) {
        const key = objectKey(entry.key, scope, next);
        if (key === undefined)
          return new Unresolved(expr.raw, 'depends-on-unknown');
        out[key] = resolve(entry.value, scope, next);
      }
      return out;
    }
    case 'traversal':
      return evaluateTraversal(expr, scope, next);
    case 'postfix': {
      const base = evaluate(expr.base, scope, next);
      return applySteps(base, expr.steps, expr.raw, scope, next);
    }
    case 'call':
      return evaluateCall(expr, scope, next);
    case 'conditional': {
      const cond = toBool(resolve(expr.cond, scope, next));
      if (cond === undefined)
        return unknownFrom(expr.raw, resolve(expr.cond, scope, next));
      return evaluate(cond ? expr.then : expr.else, scope, next);
    }
    case 'unary': {
      const v = resolve(expr.operand, scope, next);
      if (isUnresolved(v)) return unknownFrom(expr.raw, v);
      if (expr.op === '!') {
        const b = toBool(v);
        return b === undefined ? new Unresolved(expr.raw, 'other') : !b;
      }
      const n = toNumber(v);
      return expr.op === '-' && n !== undefined
        ? -n
        : new Unresolved(expr.raw, 'other');
    }
    case 'binary':
      return evaluateBinary(expr, scope, next);
    case 'for':
      return evaluateFor(expr, scope, next);
    default:
      return new Unresolved(expr.raw, 'other');
  }
}

function unknownFrom(raw: string, cause: HclValue): Unresolved {
  return new Unresolved(
    raw,
    isUnresolved(cause) ? cause.reason ?? 'depends-on-unknown' : 'other',
  );
}

function objectKey(key: Expr, scope: Scope, depth: number): string | undefined {
  // `{ app = "x" }`: a bare identifier key is the literal name.
  if (key.kind === 'traversal' && key.steps.length === 0) return key.root;
  return toTemplateString(resolve(key, scope, depth));
}

function evaluateTemplate(
  expr: Extract<Expr, { kind: 'template' }>,
  scope: Scope,
  depth: number,
): HclValue {
  if (expr.hasDirectives) return new Unresolved(expr.raw, 'other');
  // A template that is one interpolation and nothing else yields the value itself.
  if (expr.parts.length === 1 && typeof expr.parts[0] !== 'string')
    return resolve(expr.parts[0], scope, depth);
  let out = '';
  for (const part of expr.parts) {
    if (typeof part === 'string') {
      out += part;
      continue;
    }
    const v = resolve(part, scope, depth);
    const s = v === null ? undefined : toTemplateString(v);
    if (s === undefined) return unknownFrom(expr.raw, v);
    out += s;
  }
  return out;
}

function evaluateTraversal(
  expr: Extract<Expr, { kind: 'traversal' }>,
  scope: Scope,
  depth: number,
): EvalResult {
  const bound = scope.vars?.get(expr.root);
  if (bound !== undefined)
    return applySteps(bound, expr.steps, expr.raw, scope, depth);
  const [first, ...rest] = expr.steps;
  const name = typeof first === 'string' ? first : undefined;
  const module = scope.module;
  let base: EvalResult | undefined;
  switch (expr.root) {
    case 'var':
      base = name === undefined ? undefined : module.variable(name, depth);
      break;
    case 'local':
      base = name === undefined ? undefined : module.local(name, depth);
      break;
    case 'module':
      base = name === undefined ? undefined : module.moduleValue(name);
      break;
    case 'path':
      if (name === 'module') base = module.dir;
      else if (name === 'root') base = module.rootDir;
      else return new Unresolved(expr.raw, 'environment');
      break;
    case 'each':
      if (!scope.each) return new Unresolved(expr.raw, 'other');
      if (name === 'key') base = scope.each.key;
      else if (name === 'value') base = scope.each.value;
      break;
    case 'count':
      if (name !== 'index' || scope.countIndex === undefined)
        return new Unresolved(expr.raw, 'other');
      base = scope.countIndex;
      break;
    case 'data':
      return new Unresolved(expr.raw, 'data-source');
    case 'self':
    case 'terraform':
    case 'dependency':
      return new Unresolved(expr.raw, 'computed');
    default:
      base =
        name === undefined
          ? undefined
          : module.resourceValue(`${expr.root}.${name}`);
      if (base === undefined) return new Unresolved(expr.raw, 'other');
  }
  if (base === undefined) return new Unresolved(expr.raw, 'other');
  return applySteps(base, rest, expr.raw, scope, depth);
}

function applySteps(
  base: EvalResult,
  steps: ReadonlyArray<TraversalStep>,
  raw: string,
  scope: Scope,
  depth: number,
): EvalResult {
  let current: EvalResult = base;
  for (let i = 0; i < steps.length; i++) {
    if (isUnresolved(current)) return unknownFrom(raw, current);
    const step = steps[i];
    if (typeof step === 'object' && 'splat' in step) {
      const list = force(current);
      if (isUnresolved(list)) return unknownFrom(raw, list);
      // A splat over a single value treats it as a one-element list; over null, as empty.
      let items: HclValue[] = [list];
      if (Array.isArray(list)) items = list;
      else if (list === null) items = [];
      const rest = steps.slice(i + 1);
      return items.map(item =>
        force(applySteps(item, rest, raw, scope, depth)),
      );
    }
    let key: string | number;
    if (typeof step === 'object') {
      const k = resolve(step.expr, scope, depth);
      if (typeof k === 'number') key = k;
      else if (typeof k === 'string') key = k;
      else return unknownFrom(raw, k);
    } else key = step;
    if (current === null) return new Unresolved(raw, 'other');
    const nextValue = stepInto(current, key);
    if (nextValue === undefined) return new Unresolved(raw, 'other');
    current = nextValue;
  }
  if (isUnresolved(current) && current.unresolved !== raw)
    return unknownFrom(raw, current);
  return current;
}

function evaluateCall(
  expr: Extract<Expr, { kind: 'call' }>,
  scope: Scope,
  depth: number,
): HclValue {
  // `try` and `can` look at whether an argument fails, so they evaluate lazily.
  if (expr.name === 'try') {
    for (const arg of expr.args) {
      const v = resolve(arg, scope, depth);
      if (isUnresolved(v) && v.reason === 'other') continue;
      return v;
    }
    return new Unresolved(expr.raw, 'other');
  }
  if (expr.name === 'can') {
    const [arg] = expr.args;
    if (!arg) return new Unresolved(expr.raw, 'other');
    const v = resolve(arg, scope, depth);
    if (isUnresolved(v))
      return v.reason === 'other' ? false : unknownFrom(expr.raw, v);
    return true;
  }
  let args = expr.args.map(a => resolve(a, scope, depth));
  if (expr.expandLast && args.length) {
    const last = args[args.length - 1];
    if (!Array.isArray(last)) return unknownFrom(expr.raw, last);
    args = [...args.slice(0, -1), ...last];
  }
  return callFunction(expr.name, args, expr.raw, scope.module.host);
}

function evaluateBinary(
  expr: Extract<Expr, { kind: 'binary' }>,
  scope: Scope,
  depth: number,
): HclValue {
  const left = resolve(expr.left, scope, depth);
  const op = expr.op;
  if (op === '&&' || op === '||') {
    const l = toBool(left);
    // A known left side that decides the answer needs no right side.
    if (op === '&&' && l === false) return false;
    if (op === '||' && l === true) return true;
    const right = resolve(expr.right, scope, depth);
    const r = toBool(right);
    if (op === '&&' && r === false) return false;
    if (op === '||' && r === true) return true;
    if (l === undefined) return unknownFrom(expr.raw, left);
    if (r === undefined) return unknownFrom(expr.raw, right);
    return op === '&&' ? l && r : l || r;
  }
  const right = resolve(expr.right, scope, depth);
  if (op === '==' || op === '!=') {
    if (containsUnknown(left)) return unknownFrom(expr.raw, left);
    if (containsUnknown(right)) return unknownFrom(expr.raw, right);
    const eq = equalValues(left, right);
    return op === '==' ? eq : !eq;
  }
  if (isUnresolved(left)) return unknownFrom(expr.raw, left);
  if (isUnresolved(right)) return unknownFrom(expr.raw, right);
  const a = toNumber(left);
  const b = toNumber(right);
  if (a === undefined || b === undefined)
    return new Unresolved(expr.raw, 'other');
  switch (op) {
    case '+':
      return a + b;
    case '-':
      return a - b;
    case '*':
      return a * b;
    case '/':
      return b === 0 ? new Unresolved(expr.raw, 'other') : a / b;
    case '%':
      return b === 0 ? new Unresolved(expr.raw, 'other') : a % b;
    case '<':
      return a < b;
    case '>':
      return a > b;
    case '<=':
      return a <= b;
    case '>=':
      return a >= b;
    default:
      return new Unresolved(expr.raw, 'other');
  }
}

/** Key/value pairs of a collection, in Terraform's order (maps by key). */
export function collectionEntries(
  v: HclValue,
): Array<[HclValue, HclValue]> | undefined {
  if (Array.isArray(v)) return v.map((item, i) => [i, item]);
  if (v && typeof v === 'object' && !isUnresolved(v)) {
    const rec = v as Record<string, HclValue>;
    return Object.keys(rec)
      .sort()
      .map(k => [k, rec[k]]);
  }
  return undefined;
}

function evaluateFor(
  expr: Extract<Expr, { kind: 'for' }>,
  scope: Scope,
  depth: number,
): HclValue {
  const collection = resolve(expr.collection, scope, depth);
  const entries = collectionEntries(collection);
  if (!entries) return unknownFrom(expr.raw, collection);
  const tuple: HclValue[] = [];
  const object: Record<string, HclValue> = {};
  const grouped: Record<string, HclValue[]> = {};
  for (const [k, v] of entries) {
    const vars = new Map(scope.vars ?? []);
    if (expr.keyVar) vars.set(expr.keyVar, k);
    vars.set(expr.valueVar, v);
    const inner: Scope = { ...scope, vars };
    if (expr.cond) {
      const c = resolve(expr.cond, inner, depth);
      const b = toBool(c);
      if (b === undefined) return unknownFrom(expr.raw, c);
      if (!b) continue;
    }
    const value = resolve(expr.value, inner, depth);
    if (!expr.object) {
      tuple.push(value);
      continue;
    }
    const key = toTemplateString(resolve(expr.key!, inner, depth));
    if (key === undefined)
      return new Unresolved(expr.raw, 'depends-on-unknown');
    if (expr.grouping) (grouped[key] ??= []).push(value);
    else object[key] = value;
  }
  if (!expr.object) return tuple;
  return expr.grouping ? grouped : object;
}

/**
 * A template's text with what is static filled in and every unknown
 * interpolation left as a NUL character: enough to read a command's SQL
 * whose password is a secret.
 */
export function renderPartial(expr: Expr, scope: Scope): string | undefined {
  if (expr.kind === 'literal')
    return typeof expr.value === 'string' ? expr.value : undefined;
  if (expr.kind !== 'template' || expr.hasDirectives) {
    const v = resolve(expr, scope);
    return typeof v === 'string' ? v : undefined;
  }
  return expr.parts
    .map(p => {
      if (typeof p === 'string') return p;
      const v = resolve(p, scope);
      return (v === null ? undefined : toTemplateString(v)) ?? '\u0000';
    })
    .join('');
}
