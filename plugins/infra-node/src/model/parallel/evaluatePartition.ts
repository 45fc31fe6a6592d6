import type { InfraFile } from '../../files';
import { parseInfraFiles } from '../../hcl/parseFiles';
import type { InfraReadLimits } from '../../hcl/limits';
import type { ParseCache } from '../../hcl/ParseCache';
import { evaluateStacks, EvaluatedStacks } from '../buildInfraModel';
import type { StackCache } from '../stackCache';
import type { SkippedFile } from '../types';

/** What a thread needs besides the files; plain data, so it can be posted. */
export interface PartitionOptions {
  criticalPath?: ReadonlyArray<string>;
  limits?: Partial<InfraReadLimits>;
  /** Files the reader did not read, as given to the build. */
  skipped?: ReadonlyArray<SkippedFile>;
}

export interface EvaluatedPartition extends EvaluatedStacks {
  /** Files the parser did not read (encrypted, over a limit), in file order. */
  parseSkipped: SkippedFile[];
}

/**
 * Parses a set of files and evaluates the stacks in it: one thread's share
 * of a build, or the whole build on one thread.
 */
export async function evaluatePartition(
  files: ReadonlyArray<InfraFile>,
  options: PartitionOptions & { cache?: ParseCache; stackCache?: StackCache },
): Promise<EvaluatedPartition> {
  const parsed = await parseInfraFiles(files, {
    cache: options.cache,
    limits: options.limits,
  });
  const evaluated = evaluateStacks(
    parsed.hclFiles,
    parsed.texts,
    parsed.parse,
    {
      criticalPath: options.criticalPath,
      limits: options.limits,
      stackCache: options.stackCache,
      skipped: [...(options.skipped ?? []), ...parsed.skipped],
    },
  );
  return { ...evaluated, parseSkipped: parsed.skipped };
}

function byName(a: { name: string }, b: { name: string }): number {
  if (a.name === b.name) return 0;
  return a.name < b.name ? -1 : 1;
}

/**
 * The partitions' results as one thread would have produced them for all
 * `files`: stacks by name, file errors and skips once each in file order.
 */
export function mergePartitions(
  files: ReadonlyArray<InfraFile>,
  parts: ReadonlyArray<EvaluatedPartition>,
): EvaluatedPartition {
  const order = new Map(files.map((f, i) => [f.path, i]));
  const inFileOrder = <T extends { file: string }>(items: T[]): T[] => {
    const byFile = new Map<string, T>();
    for (const item of items)
      if (!byFile.has(item.file)) byFile.set(item.file, item);
    return [...byFile.values()].sort(
      (a, b) =>
        (order.get(a.file) ?? Infinity) - (order.get(b.file) ?? Infinity),
    );
  };
  return {
    // By name as one thread sorts them (code units, not locale).
    stacks: parts.flatMap(p => p.stacks).sort(byName),
    fileErrors: inFileOrder(parts.flatMap(p => p.fileErrors)),
    extractionErrors: Object.assign({}, ...parts.map(p => p.extractionErrors)),
    readOtherStacks: parts.flatMap(p => p.readOtherStacks),
    parseSkipped: inFileOrder(parts.flatMap(p => p.parseSkipped)),
  };
}
