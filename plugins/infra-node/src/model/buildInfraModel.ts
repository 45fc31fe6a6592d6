import { InfraFile } from '../files';
import { parseInfraFiles } from '../hcl/parseFiles';
import { InfraReadLimits } from '../hcl/limits';
import { ParseCache } from '../hcl/ParseCache';
import { HclComment, HclFile, HclParseError } from '../hcl/types';
import { buildModuleDefs } from '../eval/defs';
import { RepoContext } from '../eval/scope';
import { buildStackRoot } from '../eval/stackRoot';
import { createFunctionHost } from '../eval/host';
import { ExtractContext } from '../extract/context';
import { extractStack } from '../extract/extractStack';
import { linkModel } from '../link/linkModel';
import { eventLoopSlices } from '../util/eventLoopSlices';
import { valText } from './blocks';
import { StackCache, ReadLog } from './stackCache';
import { InfraModel, SkippedFile, StackModel, Val } from './types';

/**
 * Critical-path services of the infra ("critical path services scaled to 3"):
 * Traefik, authentik (server and worker), CrowdSec LAPI, PgBouncer and
 * Cloudflared. Matched against the workload's Kubernetes name. A workload can
 * also opt in with the label `critical-path = "true"` (or
 * `infra.homelab/critical-path = "true"`).
 */
export const DEFAULT_CRITICAL_PATH: ReadonlyArray<string> = [
  '^traefik$',
  'authentik-(server|worker)$',
  '^crowdsec-lapi$',
  '^pgbouncer$',
  '^cloudflared$',
];

export interface BuildInfraModelOptions {
  /** Re-use parse results of unchanged files across calls. */
  cache?: ParseCache;
  /** Regular expressions matched against workload names; see {@link DEFAULT_CRITICAL_PATH}. */
  criticalPath?: ReadonlyArray<string>;
  /** Files the reader did not read (encrypted, over a limit), by path. */
  skipped?: ReadonlyArray<SkippedFile>;
  /** Size and nesting limits for parsing; see `DEFAULT_INFRA_READ_LIMITS`. */
  limits?: Partial<InfraReadLimits>;
  /** Stacks of the previous build, to take again where nothing they read changed. */
  stackCache?: StackCache;
  /**
   * Longest stretch of evaluation, in ms, before the event loop is let
   * through (between stacks; default 10): a cold build of a large repo
   * takes a few hundred ms, which a backend must not spend deaf.
   */
  sliceMs?: number;
}

const EVALUATION_SLICE_MS = 10;

const STACK_DIR = /^stacks\/([^/]+)\//;

/** Stacks of the last build, kept as long as the parse cache of the same refresh loop. */
const stackCaches = new WeakMap<ParseCache, StackCache>();

/**
 * A model of stacks before linking (no PDB targets, ingress targets or
 * dependencies yet); parse errors and skipped files default to the stacks'.
 */
export function unlinkedModel(
  stacks: StackModel[],
  parts: Partial<Omit<InfraModel, 'stacks'>> = {},
): InfraModel {
  return {
    stacks,
    pdbTargets: new Map(),
    ingressTargets: new Map(),
    dependencies: [],
    parseErrors: stacks.flatMap(s => s.parseErrors),
    skippedFiles: stacks.flatMap(s => s.skippedFiles),
    fileCount: 0,
    ...parts,
  };
}

/** A stack with nothing in it yet: what extraction fills in (and what tests start from). */
export function emptyStack(name: string): StackModel {
  return {
    name,
    dir: `stacks/${name}`,
    files: [],
    parseErrors: [],
    skippedFiles: [],
    dependencies: [],
    helmReleases: [],
    secrets: [],
    namespaces: [],
    namespaceTiers: {},
    workloads: [],
    cronJobs: [],
    pdbs: [],
    services: [],
    pvcs: [],
    ingresses: [],
    anubis: [],
    poolers: [],
    databases: [],
  };
}

/**
 * Builds the infra model of a repo from its files, the way Terraform and
 * Terragrunt would plan each stack: from each `stacks/<name>/` root, module
 * calls are followed into their modules with their arguments, `count` and
 * `for_each` expand into instances, and the root Terragrunt configuration's
 * generated files and inputs are part of every stack that includes it.
 * Never throws on bad source: parse errors are collected on the stack they
 * belong to, and what cannot be known statically stays unresolved.
 */
export async function buildInfraModel(
  files: ReadonlyArray<InfraFile>,
  options: BuildInfraModelOptions = {},
): Promise<InfraModel> {
  const parsed = await parseInfraFiles(files, {
    cache: options.cache,
    limits: options.limits,
  });
  let stackCache: StackCache | undefined;
  if (options.cache) {
    stackCache = stackCaches.get(options.cache);
    if (!stackCache)
      stackCaches.set(options.cache, (stackCache = new StackCache()));
  }
  return assembleModel(
    parsed.hclFiles,
    parsed.texts,
    files.length,
    parsed.parse,
    {
      ...options,
      skipped: [...(options.skipped ?? []), ...parsed.skipped],
      stackCache,
    },
  );
}

/** Parsed generated files and rendered templates by content, across refreshes (bounded). */
const parsedTexts = new Map<string, HclFile>();
const MAX_PARSED_TEXTS = 512;

/**
 * Parses text that Terragrunt generates or a template renders once per
 * distinct content: the root's `generate` blocks are the same for every
 * stack that includes them, and a refresh sees the same templates again.
 */
function memoParse(parse: (file: string, content: string) => HclFile) {
  return (file: string, content: string): HclFile => {
    const key = `${file}\u0000${content}`;
    let parsed = parsedTexts.get(key);
    if (!parsed) {
      parsed = parse(file, content);
      if (parsedTexts.size >= MAX_PARSED_TEXTS) parsedTexts.clear();
      parsedTexts.set(key, parsed);
    }
    return parsed;
  };
}

/** The model from parsed files; {@link buildInfraModel} without the reading. */
async function assembleModel(
  hclFiles: ReadonlyArray<HclFile>,
  texts: ReadonlyMap<string, string>,
  fileCount: number,
  parseText: (file: string, content: string) => HclFile,
  options: BuildInfraModelOptions = {},
): Promise<InfraModel> {
  const slices = eventLoopSlices(options.sliceMs ?? EVALUATION_SLICE_MS);
  const parse = memoParse(parseText);
  const criticalPath = (options.criticalPath ?? DEFAULT_CRITICAL_PATH).map(
    p => new RegExp(p),
  );
  const skipped = options.skipped ?? [];
  const filesByPath = new Map(hclFiles.map(f => [f.path, f]));
  const parseErrors: HclParseError[] = hclFiles.flatMap(f =>
    f.error ? [f.error] : [],
  );
  const commentsByFile = new Map<string, ReadonlyArray<HclComment>>(
    hclFiles.map(f => [f.path, f.comments]),
  );
  const context: RepoContext = {
    defs: buildModuleDefs(hclFiles),
    host: createFunctionHost({ texts, hclFiles: filesByPath, parse }),
  };

  const stacks = new Map<string, StackModel>();
  const stackOf = (file: string) => {
    const name = STACK_DIR.exec(file)?.[1];
    if (!name) return undefined;
    let s = stacks.get(name);
    if (!s) stacks.set(name, (s = emptyStack(name)));
    return s;
  };
  for (const f of [...hclFiles.map(h => h.path), ...texts.keys()])
    stackOf(f)?.files.push(f);
  for (const s of skipped) stackOf(s.file)?.skippedFiles.push(s);
  for (const e of parseErrors) stackOf(e.file)?.parseErrors.push(e);

  const isCritical = (
    name: Val<string> | undefined,
    labels: Record<string, string>,
  ) => {
    if (
      labels['critical-path'] === 'true' ||
      labels['infra.homelab/critical-path'] === 'true'
    )
      return true;
    const n = valText(name);
    return !!n && criticalPath.some(r => r.test(n));
  };
  const skippedByPath = new Map(skipped.map(s => [s.file, s]));
  const stackCache = options.stackCache;
  stackCache?.begin();
  const filesByDir = groupByDir([...filesByPath.keys(), ...texts.keys()]);
  /** What a read-log key stands for now: a parsed file, a text, a listing or a skip. */
  const lookup = (key: string): unknown => {
    const [kind, p] = [key[0], key.slice(2)];
    if (kind === 'h') return filesByPath.get(p);
    if (kind === 't') return texts.get(p);
    if (kind === 's') return skippedByPath.get(p)?.reason;
    return filesByDir.get(p)?.join('\n');
  };
  for (const name of [...stacks.keys()].sort()) {
    await slices.pause();
    const stack = stacks.get(name)!;
    stack.files.sort();
    const cached = stackCache?.reuse(name, lookup);
    if (cached) {
      stacks.set(name, cached.stack);
      parseErrors.push(...cached.errors);
      continue;
    }
    const log = new ReadLog();
    const tracked = trackedInputs(
      log,
      context,
      filesByPath,
      texts,
      skippedByPath,
      filesByDir,
      stack.dir,
    );
    const root = buildStackRoot(stack.dir, { ...tracked, parse });
    stack.dependencies = root.dependencies;
    // A var file outside the stack that it is given but that was not read is the stack's gap too.
    for (const s of root.unreadVarFiles)
      if (!stack.skippedFiles.some(x => x.file === s.file))
        stack.skippedFiles.push(s);
    const errors: HclParseError[] = [];
    const ctx: ExtractContext = {
      stack,
      texts: tracked.texts,
      commentsByFile,
      isCritical,
      reportError: e => {
        errors.push(e);
        parseErrors.push(e);
        stack.parseErrors.push(e);
      },
    };
    extractStack(ctx, root.instance);
    stack.reads = log.pathsOutside(stack.dir);
    stackCache?.store(name, { log, stack, errors });
  }
  stackCache?.retain(new Set(stacks.keys()));

  const model = unlinkedModel(
    [...stacks.keys()].sort().map(n => stacks.get(n)!),
    { parseErrors, skippedFiles: [...skipped], fileCount },
  );
  linkModel(model);
  return model;
}

function groupByDir(paths: Iterable<string>): Map<string, string[]> {
  const out = new Map<string, string[]>();
  for (const p of paths) {
    const dir = p.includes('/') ? p.slice(0, p.lastIndexOf('/')) : '.';
    const list = out.get(dir) ?? [];
    list.push(p);
    out.set(dir, list);
  }
  for (const list of out.values()) list.sort();
  return out;
}

/** A map whose lookups are written to a read log. */
function logged<V>(
  map: ReadonlyMap<string, V>,
  onGet: (key: string) => void,
): ReadonlyMap<string, V> {
  return {
    get: (key: string) => {
      onGet(key);
      return map.get(key);
    },
    has: (key: string) => {
      onGet(key);
      return map.has(key);
    },
    get size() {
      return map.size;
    },
    forEach: (cb: (value: V, key: string, m: ReadonlyMap<string, V>) => void) =>
      map.forEach(cb),
    entries: () => map.entries(),
    keys: () => map.keys(),
    values: () => map.values(),
    [Symbol.iterator]: () => map[Symbol.iterator](),
  };
}

/**
 * The inputs of one stack's evaluation, with every lookup logged: module
 * directories (by their files), parsed files, texts and skipped files.
 * The stack's own files are logged up front.
 */
function trackedInputs(
  log: ReadLog,
  context: RepoContext,
  files: ReadonlyMap<string, HclFile>,
  texts: ReadonlyMap<string, string>,
  skipped: ReadonlyMap<string, SkippedFile>,
  filesByDir: ReadonlyMap<string, string[]>,
  stackDir: string,
) {
  const logFile = (p: string) => {
    if (files.has(p)) log.record(`h:${p}`, files.get(p));
    else log.record(`t:${p}`, texts.get(p));
  };
  const logDir = (dir: string) => {
    log.record(`d:${dir}`, filesByDir.get(dir)?.join('\n'));
    for (const p of filesByDir.get(dir) ?? []) logFile(p);
  };
  for (const dir of filesByDir.keys())
    if (dir === stackDir || dir.startsWith(`${stackDir}/`)) logDir(dir);
  const host = {
    ...context.host,
    readFile: (f: string) => {
      log.record(`t:${f}`, texts.get(f));
      return context.host.readFile(f);
    },
    listFiles: (dir: string) => {
      for (const d of filesByDir.keys())
        if (d === dir || d.startsWith(`${dir}/`)) logDir(d);
      return context.host.listFiles(dir);
    },
  };
  return {
    context: { defs: logged(context.defs, logDir), host },
    files: logged(files, p => log.record(`h:${p}`, files.get(p))),
    skipped: logged(skipped, p => log.record(`s:${p}`, skipped.get(p)?.reason)),
    texts: logged(texts, p => log.record(`t:${p}`, texts.get(p))),
  };
}
