import { sameVal, valText } from '../model/blocks';
import { InfraModel } from '../model/types';
import { labelsMatch, podLabelsOf } from './labels';

/** PDBs to the workloads they select. */
export function linkPdbs(model: InfraModel) {
  for (const stack of model.stacks) {
    for (const pdb of stack.pdbs) {
      const targets = stack.workloads.filter(
        w =>
          sameVal(w.namespace, pdb.namespace) &&
          labelsMatch(pdb.selector, podLabelsOf(w)),
      );
      model.pdbTargets.set(
        pdb.id,
        targets.map(w => w.id),
      );
    }
  }
}

/** Ingresses to the workload behind their service (through Anubis when it fronts them). */
export function linkIngresses(model: InfraModel) {
  for (const stack of model.stacks) {
    const findWorkload = (
      svcName: string | undefined,
      ns: string | undefined,
    ) => {
      if (!svcName) return undefined;
      const svc = stack.services.find(
        s =>
          valText(s.name) === svcName && (!ns || valText(s.namespace) === ns),
      );
      if (svc) {
        const w = stack.workloads.find(
          x =>
            sameVal(x.namespace, svc.namespace) &&
            labelsMatch(svc.selector, podLabelsOf(x)),
        );
        if (w) return w;
      }
      return stack.workloads.find(
        x =>
          valText(x.name) === svcName && (!ns || valText(x.namespace) === ns),
      );
    };
    for (const ing of stack.ingresses) {
      let svcName = valText(ing.serviceName);
      let ns = valText(ing.namespace);
      if (ing.anubis) {
        const a = stack.anubis.find(x => x.moduleName === ing.anubis);
        const url = valText(a?.targetUrl);
        const m = url
          ? /^https?:\/\/([^.:/]+)(?:\.([^.:/]+))?/.exec(url)
          : null;
        if (m) {
          svcName = m[1];
          ns = m[2] ?? ns;
        }
      }
      const w = findWorkload(svcName, ns);
      if (w) model.ingressTargets.set(ing.id, w.id);
    }
  }
}
