import {
  AnubisModel,
  DatabaseModel,
  DependencyModel,
  HelmReleaseModel,
  InfraModel,
  IngressModel,
  PdbModel,
  PvcModel,
  Val,
  VolumeModel,
  WorkloadModel,
} from '@internal/backstage-plugin-infra-node';
import { text } from './values';

function push<K, V>(map: Map<K, V[]>, key: K, value: V) {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
}

/**
 * Lookups over the model that the entity builders share: reverse edges
 * (which PDB protects a workload, which ingresses front it, which release
 * deployed it) computed once instead of searched per entity.
 */
export class ModelIndex {
  readonly #depsFrom = new Map<string, DependencyModel[]>();
  readonly #pdbOf = new Map<string, PdbModel>();
  readonly #ingressesOf = new Map<string, IngressModel[]>();
  readonly #pvcsByName = new Map<string, PvcModel[]>();
  readonly #releaseOf = new Map<string, HelmReleaseModel>();
  readonly #anubis = new Map<string, AnubisModel[]>();
  readonly #guardedBy = new Map<string, IngressModel[]>();
  readonly #workloads = new Map<string, WorkloadModel>();
  readonly #databases = new Map<string, DatabaseModel>();

  constructor(readonly model: InfraModel) {
    for (const d of model.dependencies) push(this.#depsFrom, d.fromId, d);
    const stacks = model.stacks;
    const pdbById = new Map(stacks.flatMap(s => s.pdbs).map(p => [p.id, p]));
    for (const [pdbId, ids] of model.pdbTargets) {
      const pdb = pdbById.get(pdbId);
      if (!pdb) continue;
      for (const id of ids) if (!this.#pdbOf.has(id)) this.#pdbOf.set(id, pdb);
    }
    const ingressById = new Map(
      stacks.flatMap(s => s.ingresses).map(i => [i.id, i]),
    );
    for (const [ingressId, workloadId] of model.ingressTargets) {
      const ingress = ingressById.get(ingressId);
      if (ingress) push(this.#ingressesOf, workloadId, ingress);
    }
    for (const p of stacks.flatMap(s => s.pvcs)) {
      const name = text(p.name);
      if (name) push(this.#pvcsByName, name, p);
    }
    for (const s of stacks) {
      for (const h of s.helmReleases)
        for (const id of h.workloadIds) this.#releaseOf.set(id, h);
      for (const a of s.anubis)
        push(this.#anubis, `${s.name}/${a.moduleName}`, a);
      for (const w of s.workloads) this.#workloads.set(w.id, w);
      for (const d of s.databases) this.#databases.set(d.id, d);
    }
    for (const s of stacks) {
      for (const i of s.ingresses) {
        const workloadId = this.anubisOf(i)?.workloadId;
        if (workloadId) push(this.#guardedBy, workloadId, i);
      }
    }
  }

  dependenciesFrom(id: string): DependencyModel[] {
    return this.#depsFrom.get(id) ?? [];
  }

  /** The PDB block whose selector matches the workload's pods. */
  pdbOf(workloadId: string): PdbModel | undefined {
    return this.#pdbOf.get(workloadId);
  }

  ingressesOf(workloadId: string): IngressModel[] {
    return this.#ingressesOf.get(workloadId) ?? [];
  }

  /** The `helm_release` a workload was expanded from. */
  releaseOf(workloadId: string): HelmReleaseModel | undefined {
    return this.#releaseOf.get(workloadId);
  }

  /**
   * The Anubis instance an ingress sends traffic to: the `anubis_instance`
   * call of the same stack with that label, the same instance key when the
   * call is expanded.
   */
  anubisOf(ingress: IngressModel): AnubisModel | undefined {
    if (!ingress.anubis) return undefined;
    const candidates = this.#anubis.get(`${ingress.stack}/${ingress.anubis}`);
    if (!candidates?.length) return undefined;
    const key = ingress.instance?.key;
    return (
      candidates.find(a => key !== undefined && a.instance?.key === key) ??
      candidates[0]
    );
  }

  /** Ingresses an Anubis Deployment guards. */
  ingressesGuardedBy(workloadId: string): IngressModel[] {
    return this.#guardedBy.get(workloadId) ?? [];
  }

  workload(id: string): WorkloadModel | undefined {
    return this.#workloads.get(id);
  }

  database(id: string): DatabaseModel | undefined {
    return this.#databases.get(id);
  }

  /** The PVC a volume mounts, in the workload's namespace. */
  pvcFor(v: VolumeModel, ns: Val<string> | undefined): PvcModel | undefined {
    const claim = text(v.claimName);
    if (!claim) return undefined;
    return (this.#pvcsByName.get(claim) ?? []).find(
      p => (text(p.namespace) ?? text(ns)) === text(ns),
    );
  }
}
