import {
  Entity,
  parseEntityRef,
  stringifyEntityRef,
} from '@backstage/catalog-model';

/** A relation an emitted entity declares towards an entity nobody emits. */
export interface DanglingReference {
  /** The entity that declares it, e.g. `component:default/app`. */
  from: string;
  /** The spec field, e.g. `dependsOn`. */
  field: string;
  /** The target as written. */
  target: string;
}

/** Spec fields that become relations, with the kind a bare name defaults to. */
const RELATION_FIELDS: Record<string, string | undefined> = {
  owner: 'group',
  system: 'system',
  domain: 'domain',
  subcomponentOf: 'component',
  dependsOn: undefined,
  dependencyOf: undefined,
  parent: 'group',
  children: 'group',
  members: 'user',
  memberOf: 'group',
};

function refOf(e: Entity): string {
  return stringifyEntityRef({
    kind: e.kind,
    namespace: e.metadata.namespace ?? 'default',
    name: e.metadata.name,
  });
}

function normalisedRef(ref: string): string {
  try {
    return stringifyEntityRef(parseEntityRef(ref));
  } catch {
    return ref;
  }
}

/**
 * Every relation target (`owner`, `system`, `partOf` through `system` /
 * `domain` / `subcomponentOf`, `dependsOn`, `dependencyOf`, and the org
 * file's `parent`, `children`, `members`, `memberOf`) that is neither
 * among the entities nor a known external ref. The catalog would show such
 * a relation as a link to nothing.
 */
export function findDanglingReferences(
  entities: ReadonlyArray<Entity>,
  knownExternal: Iterable<string> = [],
): DanglingReference[] {
  // stringifyEntityRef lower-cases kind, namespace and name: refs compare
  // as the catalog compares them, with no locale-aware pass of our own.
  const known = new Set<string>();
  for (const r of knownExternal) known.add(normalisedRef(r));
  for (const e of entities) known.add(refOf(e));
  const out: DanglingReference[] = [];
  // Targets repeat (owners, systems, shared servers): each is resolved once.
  const resolved = new Map<string, boolean>();
  const resolvesOnce = (
    target: string,
    defaultKind: string | undefined,
    namespace: string,
  ) => {
    const key = `${target}\0${defaultKind ?? ''}\0${namespace}`;
    let ok = resolved.get(key);
    if (ok === undefined) {
      ok = resolves(target, defaultKind, namespace, known);
      resolved.set(key, ok);
    }
    return ok;
  };
  for (const e of entities) {
    const spec = (e.spec ?? {}) as Record<string, unknown>;
    const namespace = e.metadata.namespace ?? 'default';
    for (const [field, defaultKind] of Object.entries(RELATION_FIELDS)) {
      const value = spec[field];
      const targets = value === undefined ? [] : [value].flat();
      for (const target of targets) {
        if (
          typeof target !== 'string' ||
          !resolvesOnce(target, defaultKind, namespace)
        )
          out.push({ from: refOf(e), field, target: String(target) });
      }
    }
  }
  return out;
}

function resolves(
  target: string,
  defaultKind: string | undefined,
  defaultNamespace: string,
  known: Set<string>,
): boolean {
  try {
    return known.has(
      stringifyEntityRef(
        parseEntityRef(target, { defaultKind, defaultNamespace }),
      ),
    );
  } catch {
    // Not an entity ref at all: nothing it could point at exists.
    return false;
  }
}
