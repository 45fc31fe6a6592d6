import { assertError } from '@backstage/errors';
import type { InfraFile } from '../files';
import type { SkippedFile } from '../model/types';
import {
  classifyInfraFile,
  ClassifyContext,
  isHclPath,
  tooDeepEntry,
} from './classifyFile';
import { GitAttributes } from './gitattributes';
import { InfraReadLimits, resolveReadLimits } from './limits';
import { ParseCache } from './ParseCache';
import { HclFileTooDeep, parseHcl } from './parser';
import { HclFile } from './types';
import { eventLoopSlices } from '../util/eventLoopSlices';

export interface ParseInfraFilesOptions {
  /** Re-use parse results of unchanged files across calls (one call per cache at a time: calls on the same cache queue). */
  cache?: ParseCache;
  /** Size and nesting limits; see {@link DEFAULT_INFRA_READ_LIMITS}. */
  limits?: Partial<InfraReadLimits>;
}

export interface ParsedInfraFiles {
  /** Every `.tf` / `.hcl` / `.tfvars` file read, parsed (with `error` on a syntax error). */
  hclFiles: HclFile[];
  /** Every other file read, by path (values files, `.ini`, templates, `.gitattributes`). */
  texts: Map<string, string>;
  /** Files not read or not parsed, with why; they are in neither list above. */
  skipped: SkippedFile[];
  /**
   * Parses HCL the model makes itself (Terragrunt `generate` contents) under
   * the same limits. Never throws: a limit or a parser failure comes back as
   * the file's `error`.
   */
  parse(file: string, content: string): HclFile;
}

/** Parsing yields to the event loop this often, so a large repo does not stall the backend. */
const YIELD_EVERY_MS = 20;

/** Calls on the same cache, in order: a round must not interleave with another. */
const cacheQueues = new WeakMap<ParseCache, Promise<unknown>>();

/**
 * The files of an infra repo, parsed: HCL files parsed, other files kept as
 * text, and the files that were not read with the reason (encrypted, over a
 * size or nesting limit, binary, or the parser failed on them). Never throws
 * on bad input: one bad file is one entry in `skipped` (a syntax error is
 * the file's `error`), and a parser failure on one file stays that file's.
 */
export async function parseInfraFiles(
  files: ReadonlyArray<InfraFile>,
  options: ParseInfraFilesOptions = {},
): Promise<ParsedInfraFiles> {
  const { cache } = options;
  if (!cache) return parseAll(files, options);
  const previous = cacheQueues.get(cache) ?? Promise.resolve();
  const run = previous.then(
    () => parseAll(files, options),
    () => parseAll(files, options),
  );
  cacheQueues.set(cache, run);
  return run;
}

async function parseAll(
  files: ReadonlyArray<InfraFile>,
  options: ParseInfraFilesOptions,
): Promise<ParsedInfraFiles> {
  const ctx: ClassifyContext = {
    attributes: GitAttributes.fromFiles(files.filter(f => !f.skipped)),
    limits: resolveReadLimits(options.limits),
  };
  const { cache } = options;
  const hclFiles: HclFile[] = [];
  const texts = new Map<string, string>();
  const skipped: SkippedFile[] = [];

  cache?.beginRound(roundContext(files, ctx));
  const slices = eventLoopSlices(YIELD_EVERY_MS);
  for (const f of files) {
    const reused = !f.skipped && cache?.reuse(f.path, f.content);
    if (reused) {
      hclFiles.push(reused);
      continue;
    }
    const skip = f.skipped ?? classifyInfraFile(f, ctx);
    if (skip) {
      skipped.push(skip);
      continue;
    }
    if (!isHclPath(f.path)) {
      texts.set(f.path, f.content);
      continue;
    }
    await slices.pause();
    const parsed = parseOne(f, cache, ctx.limits.maxNestingDepth);
    if ('skipped' in parsed) skipped.push(parsed.skipped);
    else hclFiles.push(parsed.file);
  }
  cache?.endRound();

  return {
    hclFiles,
    texts,
    skipped,
    parse: (file, content) => parseGuarded(ctx, file, content),
  };
}

/** What decides whether a file is parsed at all besides its own text: `.gitattributes` and the limits. */
function roundContext(
  files: ReadonlyArray<InfraFile>,
  ctx: ClassifyContext,
): string {
  const attributes = files
    .filter(f => !f.skipped && f.path.endsWith('.gitattributes'))
    .map(f => `${f.path}\n${f.content}`);
  return JSON.stringify([ctx.limits, attributes]);
}

function parseOne(
  f: InfraFile,
  cache: ParseCache | undefined,
  maxDepth: number,
): { file: HclFile } | { skipped: SkippedFile } {
  try {
    return {
      file: cache
        ? cache.parse(f.path, f.content, { maxDepth })
        : parseHcl(f.path, f.content, { maxDepth }),
    };
  } catch (e) {
    return { skipped: notParsedEntry(f.path, e) };
  }
}

/** Why a file the parser threw on is not in the model. */
function notParsedEntry(file: string, e: unknown): SkippedFile {
  if (e instanceof HclFileTooDeep) return tooDeepEntry(file, e.limit, e.line);
  assertError(e);
  return {
    file,
    reason: 'parser-failed',
    message: `The HCL parser failed on this file (${e.message}); not parsed, so what it declares is missing. The other files are read as usual.`,
  };
}

function parseGuarded(
  ctx: ClassifyContext,
  file: string,
  content: string,
): HclFile {
  const fail = (message: string): HclFile => ({
    path: file,
    blocks: [],
    attributes: {},
    comments: [],
    error: { file, line: 1, column: 1, message },
  });
  const skip = classifyInfraFile({ path: file, content }, ctx);
  if (skip) return fail(skip.message);
  try {
    return parseHcl(file, content, { maxDepth: ctx.limits.maxNestingDepth });
  } catch (e) {
    return fail(notParsedEntry(file, e).message);
  }
}
