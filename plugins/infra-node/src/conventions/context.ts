import type { InfraFile } from '../files';
import type {
  InfraModel,
  IngressModel,
  PdbModel,
  PvcModel,
  WorkloadModel,
} from '../model/types';
import { targetOf, textOf } from './describe';
import { matchesResource } from './matchResource';
import type { ConventionPolicy } from './policy';
import type { CriticalPathRequirement, PdbBudget, RuleContext } from './types';

function push<K, V>(map: Map<K, V[]>, key: K, value: V) {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
}

/** Indexes the model once for all rules. */
export function createRuleContext(
  model: InfraModel,
  policy: ConventionPolicy,
  files?: ReadonlyArray<InfraFile>,
): RuleContext {
  const pdbById = new Map<string, PdbModel>();
  const pvcsByName = new Map<string, PvcModel[]>();
  const ingressesByAuthLine = new Map<string, IngressModel[]>();
  for (const stack of model.stacks) {
    for (const p of stack.pdbs) pdbById.set(p.id, p);
    for (const p of stack.pvcs) {
      const name = textOf(p.name);
      if (name) push(pvcsByName, name, p);
    }
    for (const i of stack.ingresses) {
      if (i.authAt)
        push(ingressesByAuthLine, `${i.authAt.file}:${i.authAt.line}`, i);
    }
  }
  const pdbsByWorkload = new Map<string, PdbModel[]>();
  for (const [pdbId, workloadIds] of model.pdbTargets) {
    const pdb = pdbById.get(pdbId);
    if (pdb) for (const id of workloadIds) push(pdbsByWorkload, id, pdb);
  }
  // Longest directory first, so a nested stack wins over its parent.
  const stackDirs = model.stacks
    .map(s => ({ name: s.name, prefix: `${s.dir}/` }))
    .sort((a, b) => b.prefix.length - a.prefix.length);

  return {
    model,
    files,
    policy,
    pdbsOf(w: WorkloadModel): PdbBudget[] {
      const budgets: PdbBudget[] = [...(pdbsByWorkload.get(w.id) ?? [])];
      if (w.inlinePdb) budgets.push(w.inlinePdb);
      return budgets;
    },
    pvcsNamed: name => pvcsByName.get(name) ?? [],
    ingressesAt: (file, line) =>
      ingressesByAuthLine.get(`${file}:${line}`) ?? [],
    stackOfFile(file: string) {
      const hit = stackDirs.find(s => file.startsWith(s.prefix));
      return hit?.name ?? /^stacks\/([^/]+)\//.exec(file)?.[1];
    },
    criticalPathOf(w: WorkloadModel): CriticalPathRequirement | undefined {
      const defaults = policy.criticalPath;
      const target = targetOf(w);
      const entry = defaults.workloads.find(e => matchesResource(e, target));
      if (entry) {
        if (entry.member === false) return undefined;
        return {
          minReplicas: entry.minReplicas ?? defaults.minReplicas,
          minPdbAvailable: entry.minPdbAvailable ?? defaults.minPdbAvailable,
          entry,
        };
      }
      if (!w.criticalPath) return undefined;
      return {
        minReplicas: defaults.minReplicas,
        minPdbAvailable: defaults.minPdbAvailable,
      };
    },
  };
}
