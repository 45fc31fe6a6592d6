import { EntityLink } from '@internal/backstage-plugin-infra-common';
import {
  InfraModel,
  InstanceInfo,
  StackModel,
  WorkloadModel,
} from '@internal/backstage-plugin-infra-node';
import {
  instanceName,
  NameRegistry,
  sanitizeName,
  stackScopedName,
} from './names';
import { NameRequest, qualifyClashes } from './qualify';
import { text } from './values';

export type EmittedKind = 'system' | 'component' | 'resource';

/** The entity a model object becomes: its ref, name and how it reads. */
export interface EntityRefInfo {
  kind: EmittedKind;
  name: string;
  /** Full ref, e.g. `resource:default/authentik-pgbouncer`. */
  ref: string;
  /** Display name (the Kubernetes object name where there is one). */
  display: string;
}

/** Id of the PDB entity a workload's Helm values declare (no PDB block of its own). */
export const inlinePdbId = (workloadId: string) => `${workloadId}#pdb`;

/**
 * Every entity name and ref, decided before any entity is built so that
 * relations can point anywhere (a service to a database of another stack).
 * Keyed by model id; Systems by stack name.
 */
export class EntityRefs {
  readonly #byId = new Map<string, EntityRefInfo>();
  readonly #systems = new Map<string, EntityRefInfo>();

  setSystem(stack: string, info: EntityRefInfo) {
    this.#systems.set(stack, info);
  }

  set(id: string, info: EntityRefInfo) {
    this.#byId.set(id, info);
  }

  get(id: string): EntityRefInfo | undefined {
    return this.#byId.get(id);
  }

  /** The info of an id that must have one (every modelled object is named). */
  require(id: string): EntityRefInfo {
    const info = this.#byId.get(id);
    if (!info) throw new Error(`No entity name assigned to model object ${id}`);
    return info;
  }

  system(stack: string): EntityRefInfo | undefined {
    return this.#systems.get(stack);
  }

  link(id: string): EntityLink | undefined {
    const r = this.#byId.get(id);
    return r ? { ref: r.ref, name: r.display } : undefined;
  }

  /** Links of the ids that have an entity, in order, without repeats. */
  links(ids: Iterable<string>): EntityLink[] {
    const seen = new Set<string>();
    const out: EntityLink[] = [];
    for (const id of ids) {
      const l = this.link(id);
      if (l && !seen.has(l.ref)) {
        seen.add(l.ref);
        out.push(l);
      }
    }
    return out;
  }
}

const keyed = (base: string, instance: InstanceInfo | undefined) =>
  instanceName(base, instance?.key);

interface Wanted extends NameRequest {
  kind: EmittedKind;
  display: string;
  /** Model id, or `system:<stack>`. */
  id: string;
}

/**
 * Decides the name of every entity the model becomes. Names are the
 * object's name scoped by its stack (see `stackScopedName`), with the
 * instance key of a `count` / `for_each` instance; objects of one kind that
 * still want the same name are told apart by the module calls they sit in
 * (`qualifyClashes`), and only what stays alike gets `-2`, `-3` in model
 * order. Names are handed out in three batches, because per-app databases
 * and workload PDBs are named after what they belong to.
 */
export function assignEntityRefs(model: InfraModel): EntityRefs {
  const registry = new NameRegistry();
  const refs = new EntityRefs();
  const hand = (batch: Wanted[]) => {
    const qualified = qualifyClashes(batch);
    batch.forEach((w, i) => {
      const name = registry.take(w.kind, qualified[i]);
      const info = {
        kind: w.kind,
        name,
        ref: `${w.kind}:default/${name}`,
        display: w.display,
      };
      if (w.kind === 'system') refs.setSystem(w.display, info);
      else refs.set(w.id, info);
    });
  };

  const first: Wanted[] = [];
  for (const stack of model.stacks) {
    first.push({
      kind: 'system',
      id: `system:${stack.name}`,
      wanted: stack.name,
      display: stack.name,
    });
    for (const w of stack.workloads) {
      if (w.role === 'database') continue;
      const display = text(w.name) ?? w.address;
      first.push({
        kind: w.role === 'pooler' ? 'resource' : 'component',
        id: w.id,
        wanted: keyed(workloadBaseName(stack, w, display), w.instance),
        display,
        instance: w.instance,
      });
    }
    for (const c of stack.cronJobs) {
      const display = text(c.name) ?? c.address;
      first.push({
        kind: 'component',
        id: c.id,
        wanted: keyed(stackScopedName(stack.name, display), c.instance),
        display,
        instance: c.instance,
      });
    }
    for (const d of stack.databases) {
      if (d.role !== 'cluster') continue;
      const display = text(d.name) ?? d.id;
      first.push({
        kind: 'resource',
        id: d.id,
        wanted: stackScopedName(stack.name, display),
        display,
      });
    }
  }
  hand(first);

  const second: Wanted[] = [];
  for (const stack of model.stacks) {
    for (const d of stack.databases) {
      // A database declared again elsewhere is the entity of the one it is the same as.
      if (d.role !== 'database' || d.sameAs) continue;
      const display = text(d.name) ?? d.id;
      const server = d.serverId ? refs.get(d.serverId)?.name : undefined;
      second.push({
        kind: 'resource',
        id: d.id,
        wanted: server
          ? `${server}-${display}`
          : stackScopedName(stack.name, `${display}-db`),
        display,
      });
    }
    for (const p of stack.pdbs) {
      const display = text(p.name) ?? p.address;
      second.push({
        kind: 'resource',
        id: p.id,
        wanted: keyed(
          `${stackScopedName(stack.name, display)}-pdb`,
          p.instance,
        ),
        display,
        instance: p.instance,
      });
    }
    for (const w of stack.workloads) {
      if (!w.inlinePdb) continue;
      const base =
        refs.get(w.id)?.name ??
        stackScopedName(stack.name, text(w.name) ?? 'workload');
      second.push({
        kind: 'resource',
        id: inlinePdbId(w.id),
        wanted: `${base}-pdb`,
        display: text(w.name) ?? base,
      });
    }
    for (const i of stack.ingresses) {
      second.push({
        kind: 'resource',
        id: i.id,
        wanted: keyed(ingressBaseName(stack, i.moduleName), i.instance),
        display: text(i.host) ?? i.moduleName,
        instance: i.instance,
      });
    }
  }
  hand(second);

  hand(
    model.stacks.flatMap(stack =>
      stack.helmReleases.map((h): Wanted => {
        const display = text(h.name) ?? h.address;
        return {
          kind: 'resource',
          id: h.id,
          wanted: keyed(stackScopedName(stack.name, display), h.instance),
          display,
          instance: h.instance,
        };
      }),
    ),
  );
  return refs;
}

function workloadBaseName(
  stack: StackModel,
  w: WorkloadModel,
  display: string,
): string {
  // A chart's workloads are named by their component (`authentik-server`):
  // the release name adds nothing people search for.
  if (w.kind === 'helm' && w.helm) return `${stack.name}-${w.helm.component}`;
  // authentik names outpost Deployments `ak-outpost-<outpost>`.
  if (w.address.startsWith('authentik_outpost.'))
    return stackScopedName(stack.name, display.replace(/^ak-outpost-/, ''));
  return stackScopedName(stack.name, display);
}

/** `<stack>-<label>`, with `-ingress` when the label does not already say it. */
function ingressBaseName(stack: StackModel, label: string): string {
  const base = stackScopedName(stack.name, label);
  return `-${sanitizeName(label)}-`.includes('-ingress-')
    ? base
    : `${base}-ingress`;
}
