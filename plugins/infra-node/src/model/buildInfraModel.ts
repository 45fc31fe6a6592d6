import { InfraFile } from '../files';
import { getHclParser, parseHclWith } from '../hcl/parser';
import { ParseCache } from '../hcl/ParseCache';
import { HclComment, HclFile, HclParseError } from '../hcl/types';
import { buildModuleDefs } from '../eval/defs';
import { RepoContext } from '../eval/scope';
import { buildStackRoot } from '../eval/stackRoot';
import { createFunctionHost } from '../eval/host';
import { ExtractContext } from '../extract/context';
import { extractStack } from '../extract/extractStack';
import { linkModel } from '../link/linkModel';
import { valText } from './blocks';
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
}

const STACK_DIR = /^stacks\/([^/]+)\//;

function emptyStack(name: string): StackModel {
  return {
    name,
    dir: `stacks/${name}`,
    files: [],
    parseErrors: [],
    skippedFiles: [],
    dependencies: [],
    helmReleases: [],
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
  const parser = await getHclParser();
  const cache = options.cache;
  cache?.beginRound();
  const texts = new Map<string, string>();
  const hclFiles: HclFile[] = [];
  for (const f of files) {
    if (/\.(tf|hcl|tfvars)$/.test(f.path)) {
      hclFiles.push(cache ? cache.parse(parser, f.path, f.content) : parseHclWith(parser, f.path, f.content));
    } else texts.set(f.path, f.content);
  }
  cache?.endRound();
  return assembleModel(hclFiles, texts, files.length, (file, content) => parseHclWith(parser, file, content), options);
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
export function assembleModel(
  hclFiles: ReadonlyArray<HclFile>,
  texts: ReadonlyMap<string, string>,
  fileCount: number,
  parseText: (file: string, content: string) => HclFile,
  options: BuildInfraModelOptions = {},
): InfraModel {
  const parse = memoParse(parseText);
  const criticalPath = (options.criticalPath ?? DEFAULT_CRITICAL_PATH).map(p => new RegExp(p));
  const skipped = options.skipped ?? [];
  const filesByPath = new Map(hclFiles.map(f => [f.path, f]));
  const parseErrors: HclParseError[] = hclFiles.flatMap(f => (f.error ? [f.error] : []));
  const commentsByFile = new Map<string, ReadonlyArray<HclComment>>(hclFiles.map(f => [f.path, f.comments]));
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
  for (const f of [...hclFiles.map(h => h.path), ...texts.keys()]) stackOf(f)?.files.push(f);
  for (const s of skipped) stackOf(s.file)?.skippedFiles.push(s);
  for (const e of parseErrors) stackOf(e.file)?.parseErrors.push(e);

  const isCritical = (name: Val<string> | undefined, labels: Record<string, string>) => {
    if (labels['critical-path'] === 'true' || labels['infra.homelab/critical-path'] === 'true') return true;
    const n = valText(name);
    return !!n && criticalPath.some(r => r.test(n));
  };
  const skippedByPath = new Map(skipped.map(s => [s.file, s]));
  for (const name of [...stacks.keys()].sort()) {
    const stack = stacks.get(name)!;
    stack.files.sort();
    const root = buildStackRoot(stack.dir, { context, files: filesByPath, skipped: skippedByPath, parse });
    stack.dependencies = root.dependencies;
    const ctx: ExtractContext = {
      stack,
      texts,
      commentsByFile,
      isCritical,
      reportError: e => {
        parseErrors.push(e);
        stack.parseErrors.push(e);
      },
    };
    extractStack(ctx, root.instance);
  }

  const model: InfraModel = {
    stacks: [...stacks.keys()].sort().map(n => stacks.get(n)!),
    pdbTargets: new Map(),
    ingressTargets: new Map(),
    dependencies: [],
    parseErrors,
    skippedFiles: [...skipped],
    fileCount,
  };
  linkModel(model);
  return model;
}

