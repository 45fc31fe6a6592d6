import path from 'node:path';
import { Entity } from '@backstage/catalog-model';
import { INFRA_ANNOTATIONS } from '@internal/backstage-plugin-infra-common';
import {
  ConventionAllowed,
  ConventionFinding,
  InfraModel,
  isInfraRelevantPath,
} from '@internal/backstage-plugin-infra-node';
import { DanglingReference } from '../entities/relationCheck';
import { UsageError } from './args';

/**
 * Which stacks a run judges. `all` unless `--stacks` or `--changed` narrow
 * it, the way the infra's own guard is stack-scoped: findings in stacks a
 * change does not touch do not block it.
 */
export interface PreviewScope {
  all: boolean;
  /** Judged stack names (every stack when `all`). */
  stacks: Set<string>;
  /** Repo-relative changed files, for findings on files outside any stack. */
  changedFiles: Set<string>;
}

/** A path as given on the command line, relative to the repo root, POSIX. */
function repoRelative(root: string, p: string): string {
  const abs = path.isAbsolute(p) ? p : path.join(root, p);
  const rel = path.relative(root, abs).split(path.sep).join('/');
  if (rel.startsWith('..'))
    throw new UsageError(`${p} is outside the infra repo ${root}`);
  return rel.replace(/\/+$/, '');
}

/**
 * The stacks a changed file touches: its own stack, every stack that read
 * it (a shared module the model followed), and every stack for a file the
 * model reads that no stack lists (a shared module or the root
 * `terragrunt.hcl`), because any of them may use it. Files the model never
 * reads (docs, scripts) touch none.
 */
function stacksTouchedBy(model: InfraModel, file: string): string[] | 'all' {
  const own = /^stacks\/([^/]+)\//.exec(file)?.[1];
  if (own) return model.stacks.some(s => s.name === own) ? [own] : [];
  // Stacks whose evaluation read the file, or listed its folder.
  const folder = `${file.slice(0, file.lastIndexOf('/'))}/`;
  const readers = model.stacks
    .filter(
      s =>
        s.files.includes(file) ||
        s.reads?.includes(file) ||
        s.reads?.includes(folder),
    )
    .map(s => s.name);
  if (readers.length) return readers;
  return isInfraRelevantPath(file) ? 'all' : [];
}

export function resolveScope(
  model: InfraModel,
  root: string,
  options: { stacks: string[]; changed: string[] },
): PreviewScope {
  const known = new Set(model.stacks.map(s => s.name));
  if (!options.stacks.length && !options.changed.length)
    return { all: true, stacks: known, changedFiles: new Set() };
  const stacks = new Set<string>();
  for (const given of options.stacks) {
    const rel = repoRelative(root, given);
    const name =
      /^stacks\/([^/]+)$/.exec(rel)?.[1] ??
      (rel.includes('/') ? undefined : rel);
    if (!name || !known.has(name))
      throw new UsageError(
        `--stacks ${given}: no such stack (expected stacks/<name> of a folder under ${root}/stacks)`,
      );
    stacks.add(name);
  }
  const changedFiles = new Set(options.changed.map(f => repoRelative(root, f)));
  for (const file of changedFiles) {
    const touched = stacksTouchedBy(model, file);
    if (touched === 'all') return { all: true, stacks: known, changedFiles };
    touched.forEach(s => stacks.add(s));
  }
  return { all: false, stacks, changedFiles };
}

/** Stack of every model object, by id, for findings. */
function stackById(model: InfraModel): Map<string, string> {
  const out = new Map<string, string>();
  for (const s of model.stacks) {
    for (const list of [
      s.workloads,
      s.cronJobs,
      s.pdbs,
      s.ingresses,
      s.databases,
      s.helmReleases,
      s.anubis,
    ]) {
      for (const o of list) out.set(o.id, s.name);
    }
  }
  return out;
}

/** What the run judges once narrowed to its scope. */
export interface ScopedResult {
  entities: Entity[];
  findings: ConventionFinding[];
  allowed: ConventionAllowed[];
  danglingReferences: DanglingReference[];
}

export function applyScope(
  scope: PreviewScope,
  model: InfraModel,
  result: ScopedResult,
): ScopedResult {
  if (scope.all) return result;
  const stacks = stackById(model);
  const stackOfEntity = (e: Entity) =>
    e.metadata.annotations?.[INFRA_ANNOTATIONS.stack];
  const entities = result.entities.filter(e => {
    const s = stackOfEntity(e);
    return s !== undefined && scope.stacks.has(s);
  });
  const kept = new Set(
    entities.map(e =>
      `${e.kind}:${e.metadata.name}`.toLocaleLowerCase('en-US'),
    ),
  );
  const inScope = (f: { subject: string; file: string }) => {
    const s =
      /^stack:(.+)$/.exec(f.subject)?.[1] ??
      stacks.get(f.subject) ??
      /^stacks\/([^/]+)\//.exec(f.file)?.[1];
    return s !== undefined
      ? scope.stacks.has(s)
      : scope.changedFiles.has(f.file);
  };
  const findings = result.findings.filter(inScope);
  const allowed = result.allowed.filter(inScope);
  const danglingReferences = result.danglingReferences.filter(d => {
    const [kind, rest] = d.from.split(':');
    return kept.has(`${kind}:${rest.split('/')[1]}`);
  });
  return { entities, findings, allowed, danglingReferences };
}
