import { createHash } from 'node:crypto';
import path from 'node:path';
import { HclValue, Unresolved, isUnresolved } from '../hcl/values';
import { toTemplateString, typeOf } from './convert';

/** What a function may read besides its arguments. */
export interface FunctionHost {
  /** Contents of a repo-relative file, or undefined when it is not in the repo (or not read). */
  readFile(file: string): string | undefined;
  /** Repo-relative paths of the files below a directory. */
  listFiles(dir: string): string[];
  /** Renders a template file's text with the given variables (`templatefile`). */
  renderTemplate(
    file: string,
    text: string,
    vars: Record<string, HclValue>,
    /** Leave unknown interpolations as NUL characters instead of failing the whole text. */
    partial?: boolean,
  ): HclValue;
  /** Functions of a dialect (Terragrunt's); undefined when it has none of that name. */
  call?(name: string, args: HclValue[]): HclValue | undefined;
}

type Fn = (args: HclValue[], raw: string, host: FunctionHost) => HclValue;

const unknown = (raw: string, reason?: Unresolved['reason']) =>
  new Unresolved(raw, reason);

function isRecord(v: HclValue): v is Record<string, HclValue> {
  return !!v && typeof v === 'object' && !Array.isArray(v) && !isUnresolved(v);
}

function str(v: HclValue): string | undefined {
  return typeof v === 'string' ||
    typeof v === 'number' ||
    typeof v === 'boolean'
    ? String(v)
    : undefined;
}

function numberOf(v: HclValue): number | undefined {
  if (typeof v === 'number') return v;
  if (typeof v === 'string' && v.trim() !== '' && Number.isFinite(Number(v)))
    return Number(v);
  return undefined;
}

/** Terraform's equality of two known values (deep for collections). */
export function equalValues(a: HclValue, b: HclValue): boolean {
  if (a === b) return true;
  if (typeof a === 'number' && typeof b === 'string') return String(a) === b;
  if (typeof b === 'number' && typeof a === 'string') return String(b) === a;
  if (Array.isArray(a) && Array.isArray(b))
    return a.length === b.length && a.every((x, i) => equalValues(x, b[i]));
  if (isRecord(a) && isRecord(b)) {
    const ka = Object.keys(a);
    return (
      ka.length === Object.keys(b).length &&
      ka.every(k => k in b && equalValues(a[k], b[k]))
    );
  }
  return false;
}

/** Distinct values in first-seen order (Terraform sets of strings sort; callers sort where it matters). */
function distinct(list: HclValue[]): HclValue[] {
  const out: HclValue[] = [];
  for (const v of list) if (!out.some(o => equalValues(o, v))) out.push(v);
  return out;
}

function listOf(v: HclValue): HclValue[] | undefined {
  return Array.isArray(v) ? v : undefined;
}

/** Glob of Terraform's `fileset`: `*`, `**`, `?`, `{a,b}`. */
function globToRegExp(pattern: string): RegExp {
  let re = '';
  for (let i = 0; i < pattern.length; i++) {
    const c = pattern[i];
    if (c === '*') {
      if (pattern[i + 1] === '*') {
        re += '.*';
        i++;
        if (pattern[i + 1] === '/') i++;
      } else re += '[^/]*';
    } else if (c === '?') re += '[^/]';
    else if (c === '{') {
      const end = pattern.indexOf('}', i);
      if (end < 0) re += '\\{';
      else {
        re += `(${pattern
          .slice(i + 1, end)
          .split(',')
          .map(s => s.replace(/[.+^$()|[\]\\]/g, '\\$&'))
          .join('|')})`;
        i = end;
      }
    } else re += c.replace(/[.+^$()|[\]\\]/g, '\\$&');
  }
  return new RegExp(`^${re}$`);
}

/** A hash of a string's UTF-8 bytes, as Terraform's `sha256` and kin give it. */
function digestOf(algorithm: string, encoding: 'hex' | 'base64'): Fn {
  return ([v], raw) => {
    const s = str(v);
    return s === undefined
      ? unknown(raw, containsUnknown(v) ? 'depends-on-unknown' : undefined)
      : createHash(algorithm).update(s, 'utf8').digest(encoding);
  };
}

/** A hash of a repo file's contents (`filesha256` and kin). */
function fileDigestOf(algorithm: string, encoding: 'hex' | 'base64'): Fn {
  return ([p], raw, host) => {
    const f = str(p);
    if (f === undefined) return unknown(raw);
    const text = host.readFile(path.posix.normalize(f));
    return text === undefined
      ? unknown(raw, 'missing-file')
      : createHash(algorithm).update(text, 'utf8').digest(encoding);
  };
}

const FUNCTIONS: Record<string, Fn> = {
  // --- strings
  lower: ([s], raw) =>
    str(s) !== undefined ? str(s)!.toLowerCase() : unknown(raw),
  upper: ([s], raw) =>
    str(s) !== undefined ? str(s)!.toUpperCase() : unknown(raw),
  title: ([s], raw) =>
    str(s) !== undefined
      ? str(s)!.replace(/\b\w/g, c => c.toUpperCase())
      : unknown(raw),
  trimspace: ([s], raw) =>
    str(s) !== undefined ? str(s)!.trim() : unknown(raw),
  trimprefix: ([s, p], raw) => {
    const a = str(s);
    const b = str(p);
    if (a === undefined || b === undefined) return unknown(raw);
    return a.startsWith(b) ? a.slice(b.length) : a;
  },
  trimsuffix: ([s, p], raw) => {
    const a = str(s);
    const b = str(p);
    if (a === undefined || b === undefined) return unknown(raw);
    return b && a.endsWith(b) ? a.slice(0, -b.length) : a;
  },
  trim: ([s, chars], raw) => {
    const a = str(s);
    const c = str(chars);
    if (a === undefined || c === undefined) return unknown(raw);
    let start = 0;
    let end = a.length;
    while (start < end && c.includes(a[start])) start++;
    while (end > start && c.includes(a[end - 1])) end--;
    return a.slice(start, end);
  },
  replace: ([s, search, replacement], raw) => {
    const a = str(s);
    const b = str(search);
    const c = str(replacement);
    if (a === undefined || b === undefined || c === undefined)
      return unknown(raw);
    const re = /^\/(.*)\/$/.exec(b);
    if (re) {
      try {
        return a.replace(
          new RegExp(re[1], 'g'),
          c.replace(/\$\{(\d+)\}/g, '$$$1'),
        );
      } catch {
        return unknown(raw, 'other');
      }
    }
    return a.split(b).join(c);
  },
  substr: ([s, offset, length], raw) => {
    const a = str(s);
    const o = numberOf(offset);
    const l = numberOf(length);
    if (a === undefined || o === undefined || l === undefined)
      return unknown(raw);
    const chars = [...a];
    const from = o < 0 ? chars.length + o : o;
    return chars.slice(from, l < 0 ? undefined : from + l).join('');
  },
  split: ([sep, s], raw) => {
    const a = str(s);
    const b = str(sep);
    if (a === undefined || b === undefined) return unknown(raw);
    return a === '' ? [] : a.split(b);
  },
  join: ([sep, ...lists], raw) => {
    const b = str(sep);
    if (b === undefined) return unknown(raw);
    const items: string[] = [];
    for (const l of lists) {
      const list = listOf(l);
      if (!list) return unknown(raw);
      for (const item of list) {
        const s = str(item);
        if (s === undefined) return unknown(raw);
        items.push(s);
      }
    }
    return items.join(b);
  },
  format: ([spec, ...args], raw) => {
    const f = str(spec);
    if (f === undefined) return unknown(raw);
    let i = 0;
    let failed = false;
    const out = f.replace(
      /%(%|[-+# 0]*\d*(?:\.\d+)?[sdvfqtx])/g,
      (m, verb: string) => {
        if (verb === '%') return '%';
        const v = args[i++];
        if (v === undefined || isUnresolved(v)) {
          failed = true;
          return m;
        }
        const kind = verb[verb.length - 1];
        if (kind === 'd') return String(Math.trunc(numberOf(v) ?? NaN));
        if (kind === 'q') return JSON.stringify(str(v) ?? '');
        const s =
          kind === 'v' ? toTemplateString(v) ?? JSON.stringify(v) : str(v);
        if (s === undefined) failed = true;
        const width = /\d+/.exec(verb.replace(/\.\d+/, ''))?.[0];
        const padded = s ?? '';
        if (!width) return padded;
        return verb.includes('-')
          ? padded.padEnd(Number(width))
          : padded.padStart(Number(width), verb.startsWith('0') ? '0' : ' ');
      },
    );
    return failed ? unknown(raw) : out;
  },
  startswith: ([s, p], raw) =>
    str(s) !== undefined && str(p) !== undefined
      ? str(s)!.startsWith(str(p)!)
      : unknown(raw),
  endswith: ([s, p], raw) =>
    str(s) !== undefined && str(p) !== undefined
      ? str(s)!.endsWith(str(p)!)
      : unknown(raw),
  strcontains: ([s, p], raw) =>
    str(s) !== undefined && str(p) !== undefined
      ? str(s)!.includes(str(p)!)
      : unknown(raw),
  regex: ([pattern, s], raw) => {
    const p = str(pattern);
    const a = str(s);
    if (p === undefined || a === undefined) return unknown(raw);
    try {
      const m = new RegExp(p).exec(a);
      if (!m) return unknown(raw, 'other');
      if (m.groups) return { ...m.groups } as Record<string, HclValue>;
      return m.length > 1 ? m.slice(1).map(x => x ?? null) : m[0];
    } catch {
      return unknown(raw, 'other');
    }
  },
  // --- numbers
  max: (args, raw) => {
    const ns = args.map(numberOf);
    return ns.every(n => n !== undefined) && ns.length
      ? Math.max(...(ns as number[]))
      : unknown(raw);
  },
  min: (args, raw) => {
    const ns = args.map(numberOf);
    return ns.every(n => n !== undefined) && ns.length
      ? Math.min(...(ns as number[]))
      : unknown(raw);
  },
  abs: ([n], raw) =>
    numberOf(n) !== undefined ? Math.abs(numberOf(n)!) : unknown(raw),
  ceil: ([n], raw) =>
    numberOf(n) !== undefined ? Math.ceil(numberOf(n)!) : unknown(raw),
  floor: ([n], raw) =>
    numberOf(n) !== undefined ? Math.floor(numberOf(n)!) : unknown(raw),
  parseint: ([s, base], raw) => {
    const a = str(s);
    const b = numberOf(base);
    if (a === undefined || b === undefined) return unknown(raw);
    const n = parseInt(a, b);
    return Number.isFinite(n) ? n : unknown(raw, 'other');
  },
  // --- collections
  length: ([v], raw) => {
    if (typeof v === 'string') return [...v].length;
    if (Array.isArray(v)) return v.length;
    if (isRecord(v)) return Object.keys(v).length;
    return unknown(raw);
  },
  keys: ([v], raw) => (isRecord(v) ? Object.keys(v).sort() : unknown(raw)),
  values: ([v], raw) =>
    isRecord(v)
      ? Object.keys(v)
          .sort()
          .map(k => v[k])
      : unknown(raw),
  lookup: ([m, k, fallback], raw) => {
    const key = str(k);
    if (!isRecord(m) || key === undefined) return unknown(raw);
    if (Object.prototype.hasOwnProperty.call(m, key)) return m[key];
    return fallback === undefined ? unknown(raw, 'other') : fallback;
  },
  contains: ([list, v], raw) => {
    if (!Array.isArray(list) || isUnresolved(v)) return unknown(raw);
    if (list.some(isUnresolved)) return unknown(raw);
    return list.some(x => equalValues(x, v));
  },
  element: ([list, i], raw) => {
    const n = numberOf(i);
    if (!Array.isArray(list) || n === undefined || list.length === 0)
      return unknown(raw);
    return list[((n % list.length) + list.length) % list.length];
  },
  index: ([list, v], raw) => {
    if (!Array.isArray(list)) return unknown(raw);
    const i = list.findIndex(x => equalValues(x, v));
    return i < 0 ? unknown(raw, 'other') : i;
  },
  concat: (args, raw) => {
    const out: HclValue[] = [];
    for (const a of args) {
      if (!Array.isArray(a)) return unknown(raw);
      out.push(...a);
    }
    return out;
  },
  flatten: ([v], raw) => {
    if (!Array.isArray(v)) return unknown(raw);
    const out: HclValue[] = [];
    const walk = (l: HclValue[]): boolean => {
      for (const x of l) {
        if (isUnresolved(x)) return false;
        if (Array.isArray(x)) {
          if (!walk(x)) return false;
        } else out.push(x);
      }
      return true;
    };
    return walk(v) ? out : unknown(raw);
  },
  distinct: ([v], raw) => (Array.isArray(v) ? distinct(v) : unknown(raw)),
  compact: ([v], raw) => {
    if (!Array.isArray(v) || v.some(isUnresolved)) return unknown(raw);
    return v.filter(x => x !== null && x !== '');
  },
  reverse: ([v], raw) => (Array.isArray(v) ? [...v].reverse() : unknown(raw)),
  sort: ([v], raw) => {
    if (!Array.isArray(v) || !v.every(x => str(x) !== undefined))
      return unknown(raw);
    return v.map(x => str(x)!).sort();
  },
  slice: ([v, from, to], raw) => {
    const a = numberOf(from);
    const b = numberOf(to);
    return Array.isArray(v) && a !== undefined && b !== undefined
      ? v.slice(a, b)
      : unknown(raw);
  },
  range: (args, raw) => {
    const ns = args.map(numberOf);
    if (ns.some(n => n === undefined)) return unknown(raw);
    let [start, end, step] = ns as number[];
    if (ns.length === 1) [start, end, step] = [0, ns[0]!, 1];
    step ??= start <= end ? 1 : -1;
    if (step === 0) return unknown(raw, 'other');
    const out: number[] = [];
    for (let i = start; step > 0 ? i < end : i > end; i += step) {
      out.push(i);
      if (out.length > 10_000) return unknown(raw, 'other');
    }
    return out;
  },
  merge: (args, raw) => {
    const out: Record<string, HclValue> = {};
    for (const a of args) {
      if (a === null) continue;
      if (!isRecord(a)) return unknown(raw);
      Object.assign(out, a);
    }
    return out;
  },
  zipmap: ([ks, vs], raw) => {
    if (!Array.isArray(ks) || !Array.isArray(vs)) return unknown(raw);
    const out: Record<string, HclValue> = {};
    for (let i = 0; i < ks.length; i++) {
      const k = str(ks[i]);
      if (k === undefined) return unknown(raw);
      out[k] = vs[i] ?? null;
    }
    return out;
  },
  coalesce: (args, raw) => {
    for (const v of args) {
      if (isUnresolved(v)) return unknown(raw);
      if (v !== null && v !== '') return v;
    }
    return unknown(raw, 'other');
  },
  coalescelist: (args, raw) => {
    for (const v of args) {
      if (!Array.isArray(v)) return unknown(raw);
      if (v.length) return v;
    }
    return unknown(raw, 'other');
  },
  one: ([v], raw) => {
    if (!Array.isArray(v) || v.length > 1) return unknown(raw);
    return v.length ? v[0] : null;
  },
  alltrue: ([v], raw) =>
    Array.isArray(v) &&
    v.every(x => typeof x === 'boolean' || x === 'true' || x === 'false')
      ? v.every(x => x === true || x === 'true')
      : unknown(raw),
  anytrue: ([v], raw) =>
    Array.isArray(v) &&
    v.every(x => typeof x === 'boolean' || x === 'true' || x === 'false')
      ? v.some(x => x === true || x === 'true')
      : unknown(raw),
  setunion: (args, raw) =>
    args.every(Array.isArray)
      ? distinct(args.flat() as HclValue[])
      : unknown(raw),
  setintersection: ([first, ...rest], raw) =>
    Array.isArray(first) && rest.every(Array.isArray)
      ? distinct(first).filter(x =>
          rest.every(r => (r as HclValue[]).some(y => equalValues(x, y))),
        )
      : unknown(raw),
  setsubtract: ([a, b], raw) =>
    Array.isArray(a) && Array.isArray(b)
      ? distinct(a).filter(x => !b.some(y => equalValues(x, y)))
      : unknown(raw),
  // --- type conversions
  tostring: ([v], raw) => (v === null ? null : str(v) ?? unknown(raw)),
  tonumber: ([v], raw) => (v === null ? null : numberOf(v) ?? unknown(raw)),
  tobool: ([v], raw) => {
    if (v === null || typeof v === 'boolean') return v;
    if (v === 'true' || v === 'false') return v === 'true';
    return unknown(raw);
  },
  tolist: ([v], raw) => (Array.isArray(v) ? v : unknown(raw)),
  toset: ([v], raw) => {
    if (!Array.isArray(v) || v.some(isUnresolved)) return unknown(raw);
    return distinct(v).sort((a, b) => (String(a) < String(b) ? -1 : 1));
  },
  tomap: ([v], raw) => (isRecord(v) ? v : unknown(raw)),
  nonsensitive: ([v]) => v,
  sensitive: ([v]) => v,
  type: ([v]) => typeOf(v),
  // --- encodings
  jsonencode: ([v], raw) => {
    if (containsUnknown(v)) return unknown(raw, 'depends-on-unknown');
    return JSON.stringify(v);
  },
  jsondecode: ([v], raw) => {
    const s = str(v);
    if (s === undefined) return unknown(raw);
    try {
      return JSON.parse(s) as HclValue;
    } catch {
      return unknown(raw, 'other');
    }
  },
  // `yamlencode` output is only compared or handed on; keep it as JSON text,
  // which is valid YAML and what Helm's values reader accepts too.
  yamlencode: ([v], raw) =>
    containsUnknown(v) ? unknown(raw, 'depends-on-unknown') : JSON.stringify(v),
  base64encode: ([v], raw) =>
    str(v) !== undefined
      ? Buffer.from(str(v)!, 'utf8').toString('base64')
      : unknown(raw),
  // --- hashes: pure, so Terraform knows them at plan time (names and
  // checksums built from them, e.g. a ConfigMap name that changes with its
  // content).
  md5: digestOf('md5', 'hex'),
  sha1: digestOf('sha1', 'hex'),
  sha256: digestOf('sha256', 'hex'),
  sha512: digestOf('sha512', 'hex'),
  base64sha256: digestOf('sha256', 'base64'),
  base64sha512: digestOf('sha512', 'base64'),
  filemd5: fileDigestOf('md5', 'hex'),
  filesha1: fileDigestOf('sha1', 'hex'),
  filesha256: fileDigestOf('sha256', 'hex'),
  filesha512: fileDigestOf('sha512', 'hex'),
  filebase64sha256: fileDigestOf('sha256', 'base64'),
  filebase64sha512: fileDigestOf('sha512', 'base64'),
  // --- files (repo-relative paths; the evaluator resolves `path.module`)
  file: ([p], raw, host) => {
    const f = str(p);
    if (f === undefined) return unknown(raw);
    const text = host.readFile(path.posix.normalize(f));
    return text === undefined ? unknown(raw, 'missing-file') : text;
  },
  fileexists: ([p], raw, host) => {
    const f = str(p);
    return f === undefined
      ? unknown(raw)
      : host.readFile(path.posix.normalize(f)) !== undefined;
  },
  fileset: ([dir, pattern], raw, host) => {
    const d = str(dir);
    const p = str(pattern);
    if (d === undefined || p === undefined) return unknown(raw);
    const base = path.posix.normalize(d);
    const re = globToRegExp(p);
    return host
      .listFiles(base)
      .map(f => f.slice(base.length + 1))
      .filter(f => re.test(f))
      .sort();
  },
  templatefile: ([p, vars], raw, host) => {
    const f = str(p);
    if (f === undefined || (vars !== undefined && !isRecord(vars)))
      return unknown(raw);
    const file = path.posix.normalize(f);
    const text = host.readFile(file);
    if (text === undefined) return unknown(raw, 'missing-file');
    return host.renderTemplate(
      file,
      text,
      (vars ?? {}) as Record<string, HclValue>,
    );
  },
  basename: ([p], raw) =>
    str(p) !== undefined ? path.posix.basename(str(p)!) : unknown(raw),
  dirname: ([p], raw) =>
    str(p) !== undefined ? path.posix.dirname(str(p)!) : unknown(raw),
  abspath: ([p], raw) =>
    str(p) !== undefined ? path.posix.normalize(str(p)!) : unknown(raw),
};

/** Functions whose result comes from outside the source: never static. */
const ENVIRONMENT_FUNCTIONS = new Set([
  'timestamp',
  'uuid',
  'bcrypt',
  'get_env',
  'run_cmd',
  'pathexpand',
  'get_aws_account_id',
  'plantimestamp',
  'sops_decrypt_file',
]);

export function containsUnknown(v: HclValue): boolean {
  if (isUnresolved(v)) return true;
  if (Array.isArray(v)) return v.some(containsUnknown);
  if (v && typeof v === 'object') return Object.values(v).some(containsUnknown);
  return false;
}

/** Functions that can answer with unknown parts in their arguments. */
const PASS_THROUGH = new Set([
  'merge',
  'concat',
  'lookup',
  'coalesce',
  'length',
  'nonsensitive',
  'sensitive',
  'tolist',
  'tomap',
  'flatten',
  'compact',
  'contains',
  'keys',
  'values',
  'element',
  'one',
  'distinct',
  'jsonencode',
  'yamlencode',
  'toset',
]);

/**
 * Calls a Terraform function on evaluated arguments. An unknown argument
 * makes the result unknown, except for the functions that only pass values
 * through or that Terraform itself can answer with some parts unknown
 * (`merge`, `concat`, `lookup` of a known key, `coalesce` of a known first
 * argument, `length` of a list with unknown items).
 */
export function callFunction(
  name: string,
  args: HclValue[],
  raw: string,
  host: FunctionHost,
): HclValue {
  const dialect = host.call?.(name, args);
  if (dialect !== undefined) return dialect;
  if (ENVIRONMENT_FUNCTIONS.has(name)) return unknown(raw, 'environment');
  const fn = FUNCTIONS[name];
  if (!fn) return unknown(raw, 'unsupported-function');
  const tolerant = PASS_THROUGH.has(name);
  if (!tolerant && args.some(isUnresolved))
    return unknown(raw, 'depends-on-unknown');
  return fn(args, raw, host);
}
