import path from 'node:path';
import { HclBlock, HclComment, HclParseError } from '../hcl/types';
import { InstanceInfo, SourcePos, StackModel, Val } from '../model/types';
import { ResourceSite } from './walk';

/** What every extractor reads and writes for one stack. */
export interface ExtractContext {
  stack: StackModel;
  /** Non-HCL files (values.yaml, .ini, templates) by repo-relative path. */
  texts: ReadonlyMap<string, string>;
  commentsByFile: ReadonlyMap<string, ReadonlyArray<HclComment>>;
  isCritical(
    name: Val<string> | undefined,
    labels: Record<string, string>,
  ): boolean;
  reportError(error: HclParseError): void;
}

export function at(block: HclBlock, line = block.line): SourcePos {
  return { file: block.file, line };
}

/**
 * Where a user edits what a site creates: the block itself when it is
 * written in the stack, else the outermost module call in the stack that
 * leads to it (a shared module's resource is changed through its call).
 */
export function editSite(site: ResourceSite, stackDir: string): SourcePos {
  if (isInside(site.block.file, stackDir)) return at(site.block);
  const call =
    site.calls.find(c => isInside(c.file, stackDir)) ?? site.calls[0];
  return call ? at(call) : at(site.block);
}

export function isInside(file: string, dir: string): boolean {
  return (
    file.startsWith(`${dir}/`) &&
    !path.posix.relative(dir, file).startsWith('..')
  );
}

/**
 * Unique id of a site in the repo: its position, plus its instance address
 * when it is not the only one. A shared module's block is instantiated by
 * many stacks, so its id names the stack too.
 */
export function siteId(
  block: HclBlock,
  instance: InstanceInfo,
  stackDir: string,
): string {
  const base = `${block.file}:${block.line}`;
  const plainRoot =
    !instance.modulePath &&
    instance.key === undefined &&
    !instance.countUnknown;
  if (plainRoot) return base;
  const owner = isInside(block.file, stackDir) ? '' : `${stackDir}|`;
  return `${owner}${base}@${instance.address}`;
}
