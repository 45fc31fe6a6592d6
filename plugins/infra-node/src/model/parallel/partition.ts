import type { InfraFile } from '../../files';

const STACK_DIR = /^stacks\/([^/]+)\//;

/** The stack a repo path belongs to (`stacks/<name>/...`), if any. */
export function stackNameOf(path: string): string | undefined {
  return STACK_DIR.exec(path)?.[1];
}

/**
 * What a file costs to evaluate, in bytes of HCL: HCL is parsed into
 * expressions and evaluated; any other file (a values YAML, a template) is
 * read only where a stack points at it, and a large one mostly holds data
 * nobody looks into. Weighing them alike put a stack with a 2 MB values
 * file on one side and most of the HCL on the other.
 */
export function costOf(file: InfraFile): number {
  return /\.(tf|hcl|tfvars)$/.test(file.path)
    ? file.content.length
    : file.content.length / 8;
}

/** Files of a repo split for evaluation on several threads. */
export interface FilePartition {
  /** The files of some of the stacks, and every file outside `stacks/<name>/`. */
  files: InfraFile[];
  stacks: Set<string>;
  /** Weighed bytes of the partition's own stack files (see {@link costOf}). */
  stackBytes: number;
}

/**
 * Splits a repo's files so that each part holds whole stacks plus every
 * file outside the stack folders (shared modules, the root Terragrunt
 * configuration, `.gitattributes`): what a stack's evaluation reads when it
 * keeps to its own folder, as Terragrunt stacks do. Stacks go to the part
 * that costs least so far, costliest first ({@link costOf}); `shares`
 * weighs the parts (a thread that starts later gets less).
 */
export function partitionByStack(
  files: ReadonlyArray<InfraFile>,
  shares: ReadonlyArray<number>,
): FilePartition[] {
  const shared: InfraFile[] = [];
  const byStack = new Map<string, { files: InfraFile[]; bytes: number }>();
  for (const f of files) {
    const name = stackNameOf(f.path);
    if (!name) {
      shared.push(f);
      continue;
    }
    const entry = byStack.get(name) ?? { files: [], bytes: 0 };
    entry.files.push(f);
    entry.bytes += costOf(f);
    byStack.set(name, entry);
  }
  const parts = shares.map(() => ({
    stacks: new Set<string>(),
    stackBytes: 0,
  }));
  const heaviestFirst = [...byStack].sort(
    (a, b) => b[1].bytes - a[1].bytes || a[0].localeCompare(b[0]),
  );
  for (const [name, { bytes }] of heaviestFirst) {
    let best = 0;
    for (let i = 1; i < parts.length; i++)
      if (
        parts[i].stackBytes / shares[i] <
        parts[best].stackBytes / shares[best]
      )
        best = i;
    parts[best].stacks.add(name);
    parts[best].stackBytes += bytes;
  }
  // Each part keeps the repo's file order, so errors and skips come out in it.
  return parts.map(p => ({
    ...p,
    files: files.filter(f => {
      const name = stackNameOf(f.path);
      return !name || p.stacks.has(name);
    }),
  }));
}
