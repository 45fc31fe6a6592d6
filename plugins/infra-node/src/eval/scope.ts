import path from 'node:path';
import { Expr, HclBlock } from '../hcl/types';
import { HclValue, Unresolved, isUnresolved } from '../hcl/values';
import { toNumber, toTemplateString } from './convert';
import { evaluate, resolve, collectionEntries } from './evaluate';
import type { FunctionHost } from './functions';
import { EvalResult, lazyList, lazyObject, LazyValue } from './lazy';

/** The blocks of one module directory, by what they declare. */
export interface ModuleDef {
  dir: string;
  locals: Map<string, Expr>;
  variables: Map<string, { default?: Expr; block: HclBlock }>;
  outputs: Map<string, Expr>;
  /** Resource blocks by `<type>.<name>`. */
  resources: Map<string, HclBlock>;
  /** Module calls by label. */
  moduleCalls: Map<string, HclBlock>;
}

/** Where an expression is evaluated: a module instance plus the iteration it is in. */
export interface Scope {
  module: ModuleInstance;
  /** `each.key` / `each.value` of a `for_each` block. */
  each?: { key: HclValue; value: HclValue };
  /** `count.index` of a `count` block. */
  countIndex?: number;
  /** Names bound by `for` expressions and `dynamic` block iterators. */
  vars?: ReadonlyMap<string, HclValue>;
}

/** How a block with `count` / `for_each` expands. */
export type Expansion =
  | { mode: 'single' }
  | { mode: 'count'; indexes: number[] }
  | { mode: 'for_each'; entries: Array<{ key: string; value: HclValue }> }
  /** Not static: one representative instance, the expression kept. */
  | { mode: 'unknown'; expression: string; reason?: Unresolved['reason'] };

/** The way a call or resource with `count` / `for_each` expands, evaluated in `scope`. */
export function expansionOf(block: HclBlock, scope: Scope): Expansion {
  const count = block.attributes.count;
  const forEach = block.attributes.for_each;
  if (count) {
    const v = resolve(count.expr, scope);
    const n = toNumber(v);
    if (n === undefined || !Number.isInteger(n) || n < 0)
      return {
        mode: 'unknown',
        expression: count.expr.raw,
        reason: isUnresolved(v) ? v.reason : 'other',
      };
    return { mode: 'count', indexes: [...Array(n).keys()] };
  }
  if (forEach) {
    const v = resolve(forEach.expr, scope);
    const entries = Array.isArray(v)
      ? setEntries(v)
      : collectionEntries(v)?.map(([k, value]) => ({ key: String(k), value }));
    if (!entries)
      return {
        mode: 'unknown',
        expression: forEach.expr.raw,
        reason: isUnresolved(v) ? v.reason : 'other',
      };
    return { mode: 'for_each', entries };
  }
  return { mode: 'single' };
}

/** A set of strings as `for_each` sees it: each.key and each.value are the element. */
function setEntries(
  v: HclValue[],
): Array<{ key: string; value: HclValue }> | undefined {
  if (!v.every(x => toTemplateString(x) !== undefined)) return undefined;
  return [...new Set(v.map(x => toTemplateString(x)!))]
    .sort()
    .map(k => ({ key: k, value: k }));
}

/** One iteration of an expansion: its scope, its address suffix and key. */
export interface Iteration {
  scope: Scope;
  /** `[0]`, `["web"]`, or empty. */
  suffix: string;
  key?: string | number;
  /** Set when the expansion was not static. */
  countUnknown?: string;
}

export function iterations(expansion: Expansion, base: Scope): Iteration[] {
  switch (expansion.mode) {
    case 'single':
      return [{ scope: base, suffix: '' }];
    case 'count':
      return expansion.indexes.map(i => ({
        scope: { ...base, countIndex: i },
        suffix: `[${i}]`,
        key: i,
      }));
    case 'for_each':
      return expansion.entries.map(e => ({
        scope: { ...base, each: { key: e.key, value: e.value } },
        suffix: `[${JSON.stringify(e.key)}]`,
        key: e.key,
      }));
    default: {
      const unknown = new Unresolved(
        expansion.expression,
        expansion.reason ?? 'depends-on-unknown',
      );
      return [
        {
          scope: {
            ...base,
            each: { key: unknown, value: unknown },
            countIndex: undefined,
          },
          suffix: '[?]',
          countUnknown: expansion.expression,
        },
      ];
    }
  }
}

/** Arguments of a module call that are not module variables. */
export const META_ARGUMENTS = new Set([
  'source',
  'version',
  'count',
  'for_each',
  'providers',
  'depends_on',
]);

/** Repo-wide facts every module instance shares. */
export interface RepoContext {
  defs: ReadonlyMap<string, ModuleDef>;
  host: FunctionHost;
}

/** A module call's instances, once `count` / `for_each` are expanded. */
export interface ModuleCallInstances {
  call: HclBlock;
  /** Repo-relative directory of the called module; undefined for a registry or git source. */
  dir?: string;
  expansion: Expansion;
  instances: ModuleInstance[];
}

/** How a variable gets its value at the root of a stack (terragrunt inputs, var files). */
export type RootVariableSource = (name: string) => EvalResult | undefined;

/**
 * One instance of a module: a stack root, or one expansion of a module call.
 * Locals, variables, outputs and child calls are evaluated on first use and
 * remembered; a value that refers back to itself is unknown, not a hang.
 */
export class ModuleInstance {
  readonly #locals = new Map<string, EvalResult>();
  readonly #variables = new Map<string, EvalResult>();
  readonly #outputs = new Map<string, EvalResult>();
  readonly #calls = new Map<string, ModuleCallInstances | undefined>();
  readonly #resources = new Map<string, EvalResult | undefined>();
  readonly #busy = new Set<string>();

  constructor(
    readonly context: RepoContext,
    readonly def: ModuleDef | undefined,
    /** Repo-relative directory (`path.module`). */
    readonly dir: string,
    /** Repo-relative stack directory (`path.root`). */
    readonly rootDir: string,
    /** `module.a["x"].module.b`; empty at the root. */
    readonly address: string,
    /** Arguments of the call (evaluated in the caller's scope); undefined at the root. */
    readonly args: ReadonlyMap<string, () => HclValue> | undefined,
    readonly rootVariables?: RootVariableSource,
    /** Set when an expansion above this instance was not static. */
    readonly countUnknown?: string,
  ) {}

  get host(): FunctionHost {
    return this.context.host;
  }

  scope(): Scope {
    return { module: this };
  }

  #guarded(key: string, raw: string, compute: () => EvalResult): EvalResult {
    if (this.#busy.has(key)) return new Unresolved(raw, 'other');
    this.#busy.add(key);
    try {
      return compute();
    } finally {
      this.#busy.delete(key);
    }
  }

  local(name: string, depth = 0): EvalResult {
    const cached = this.#locals.get(name);
    if (cached !== undefined) return cached;
    const expr = this.def?.locals.get(name);
    const raw = `local.${name}`;
    if (!expr) return new Unresolved(raw, 'other');
    const v = this.#guarded(`local.${name}`, raw, () =>
      evaluate(expr, this.scope(), depth),
    );
    this.#locals.set(name, v);
    return v;
  }

  variable(name: string, depth = 0): EvalResult {
    const cached = this.#variables.get(name);
    if (cached !== undefined) return cached;
    const raw = `var.${name}`;
    const v = this.#guarded(`var.${name}`, raw, () => {
      const arg = this.args?.get(name);
      if (arg) return arg();
      const fromRoot = this.rootVariables?.(name);
      if (fromRoot !== undefined) return fromRoot;
      const decl = this.def?.variables.get(name);
      if (decl?.default) return evaluate(decl.default, this.scope(), depth);
      return new Unresolved(raw, 'no-value');
    });
    this.#variables.set(name, v);
    return v;
  }

  output(name: string): EvalResult {
    const cached = this.#outputs.get(name);
    if (cached !== undefined) return cached;
    const expr = this.def?.outputs.get(name);
    const raw = `${this.address || 'module'}.${name}`;
    if (!this.def) return new Unresolved(raw, 'other');
    if (!expr) return new Unresolved(raw, 'other');
    const v = this.#guarded(`output.${name}`, raw, () =>
      evaluate(expr, this.scope()),
    );
    this.#outputs.set(name, v);
    return v;
  }

  /** The outputs as a lazy object (what `module.<call>` is for one instance). */
  outputsValue(): LazyValue {
    return lazyObject(
      () => this.def?.outputs.keys() ?? [],
      k => (this.def?.outputs.has(k) ? this.output(k) : undefined),
    );
  }

  /** The instances of a module call of this module, expanded on first use. */
  moduleCall(label: string): ModuleCallInstances | undefined {
    if (this.#calls.has(label)) return this.#calls.get(label);
    // Marks the call as in progress so a count that refers to the call's own outputs ends.
    this.#calls.set(label, undefined);
    const call = this.def?.moduleCalls.get(label);
    const result = call ? this.#expandCall(label, call) : undefined;
    this.#calls.set(label, result);
    return result;
  }

  #expandCall(label: string, call: HclBlock): ModuleCallInstances {
    const base = this.scope();
    const source = call.attributes.source;
    const src = source ? resolve(source.expr, base) : undefined;
    const dir =
      typeof src === 'string' && (src.startsWith('./') || src.startsWith('../'))
        ? path.posix.normalize(path.posix.join(this.dir, src))
        : undefined;
    const expansion = expansionOf(call, base);
    const instances = iterations(expansion, base).map(it => {
      const args = new Map<string, () => HclValue>();
      for (const [k, a] of Object.entries(call.attributes)) {
        if (META_ARGUMENTS.has(k)) continue;
        args.set(k, () => resolve(a.expr, it.scope));
      }
      return new ModuleInstance(
        this.context,
        dir ? this.context.defs.get(dir) : undefined,
        dir ?? this.dir,
        this.rootDir,
        `${this.address ? `${this.address}.` : ''}module.${label}${it.suffix}`,
        args,
        undefined,
        it.countUnknown ?? this.countUnknown,
      );
    });
    return { call, dir, expansion, instances };
  }

  /** `module.<label>`: one instance's outputs, a list (count) or a map (for_each). */
  moduleValue(label: string): EvalResult | undefined {
    const calls = this.moduleCall(label);
    if (!calls) return undefined;
    const { expansion, instances } = calls;
    switch (expansion.mode) {
      case 'single':
        return instances[0]?.outputsValue();
      case 'count':
        return lazyList(instances.length, i => instances[i]?.outputsValue());
      case 'for_each': {
        const byKey = new Map(
          expansion.entries.map((e, i) => [e.key, instances[i]]),
        );
        return lazyObject(
          () => byKey.keys(),
          k => byKey.get(k)?.outputsValue(),
        );
      }
      default:
        return new Unresolved(`module.${label}`, 'depends-on-unknown');
    }
  }

  /** `<type>.<name>`: the attributes written in the resource block (computed ones unknown). */
  resourceValue(address: string): EvalResult | undefined {
    if (this.#resources.has(address)) return this.#resources.get(address);
    this.#resources.set(address, new Unresolved(address, 'other'));
    const block = this.def?.resources.get(address);
    let value: EvalResult | undefined;
    if (block) {
      const base = this.scope();
      const expansion = expansionOf(block, base);
      const its = iterations(expansion, base);
      if (expansion.mode === 'single') value = blockValue(block, base);
      else if (expansion.mode === 'count')
        value = lazyList(its.length, i => blockValue(block, its[i].scope));
      else if (expansion.mode === 'for_each') {
        const byKey = new Map(its.map(it => [String(it.key), it.scope]));
        value = lazyObject(
          () => byKey.keys(),
          k => {
            const s = byKey.get(k);
            return s ? blockValue(block, s) : undefined;
          },
        );
      } else value = new Unresolved(address, 'depends-on-unknown');
    }
    this.#resources.set(address, value);
    return value;
  }
}

/**
 * A block as a lazy value: its attributes, and its nested blocks as lists
 * (Terraform's `metadata[0].name`). What the block does not write is
 * computed by the provider: unknown.
 */
export function blockValue(block: HclBlock, scope: Scope): LazyValue {
  const keys = () => {
    const names = new Set(Object.keys(block.attributes));
    for (const b of block.blocks) names.add(b.type);
    return names;
  };
  return lazyObject(keys, key => {
    const a = block.attributes[key];
    if (a && Object.prototype.hasOwnProperty.call(block.attributes, key))
      return evaluate(a.expr, scope);
    const nested = block.blocks.filter(b => b.type === key);
    if (nested.length)
      return lazyList(nested.length, i => blockValue(nested[i], scope));
    return new Unresolved(key, 'computed');
  });
}
