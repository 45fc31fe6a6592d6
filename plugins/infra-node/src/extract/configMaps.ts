import path from 'node:path';
import { Expr } from '../hcl/types';
import { resolve } from '../eval/evaluate';
import type { Scope } from '../eval/scope';
import { attr, first, str, valText } from '../model/blocks';
import { ResourceSite } from './walk';

/** `templatefile("${path.module}/x.ini", {...})` or `file(...)`: the repo path it reads. */
export function referencedFile(expr: Expr, scope: Scope): string | undefined {
  if (
    expr.kind !== 'call' ||
    !['templatefile', 'file'].includes(expr.name) ||
    !expr.args[0]
  )
    return undefined;
  const p = resolve(expr.args[0], scope);
  return typeof p === 'string' ? path.posix.normalize(p) : undefined;
}

/** Files a config map's data entries are read from, by config map name. */
export function configMapFiles(
  site: ResourceSite,
): { name: string; files: string[] } | undefined {
  const meta = first(site.block, 'metadata', site.scope);
  const name = valText(str(meta, 'name', site.scope));
  if (!name) return undefined;
  const data = attr(site.block, 'data');
  const files: string[] = [];
  if (data?.expr.kind === 'object') {
    for (const e of data.expr.entries) {
      const f = referencedFile(e.value, site.scope);
      if (f) files.push(f);
    }
  }
  return { name, files };
}
