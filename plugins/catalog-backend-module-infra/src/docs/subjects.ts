import { Entity, stringifyEntityRef } from '@backstage/catalog-model';
import {
  DocMatch,
  INFRA_ANNOTATIONS,
  InfraDetails,
} from '@internal/backstage-plugin-infra-common';

/** A name an entity is known by, which a docs page may use. */
export interface SubjectTerm {
  term: string;
  termKind: DocMatch['termKind'];
}

/** An entity docs can be about: a stack's System or a service. */
export interface DocsSubject {
  ref: string;
  terms: SubjectTerm[];
}

function detailsOf(entity: Entity): InfraDetails | undefined {
  const raw = entity.metadata.annotations?.[INFRA_ANNOTATIONS.details];
  if (!raw) return undefined;
  try {
    return JSON.parse(raw) as InfraDetails;
  } catch {
    return undefined;
  }
}

/** A value the provider resolved to a plain string; unresolved ones (objects) are not names. */
function known(value: unknown): string | undefined {
  if (typeof value !== 'string') return undefined;
  const v = value.trim();
  return v ? v : undefined;
}

function addTerm(
  terms: SubjectTerm[],
  term: string | undefined,
  termKind: SubjectTerm['termKind'],
) {
  if (!term) return;
  const lower = term.toLowerCase();
  if (terms.some(t => t.term.toLowerCase() === lower)) return;
  terms.push({ term, termKind });
}

/**
 * The Systems (one per stack) and services among the provider's entities,
 * each with the names a page may call it by: a System by its stack folder,
 * its namespaces and the hostnames of its ingresses; a service by its
 * Kubernetes name, namespace and the hostnames in front of it.
 */
export function docsSubjects(entities: Entity[]): DocsSubject[] {
  const hostsByStack = new Map<string, string[]>();
  for (const e of entities) {
    const details = detailsOf(e);
    if (details?.kind !== 'ingress') continue;
    const hosts = [known(details.host), ...(details.extraHosts ?? [])].filter(
      (h): h is string => !!h,
    );
    hostsByStack.set(details.stack, [
      ...(hostsByStack.get(details.stack) ?? []),
      ...hosts,
    ]);
  }
  const subjects: DocsSubject[] = [];
  for (const e of entities) {
    const details = detailsOf(e);
    const terms: SubjectTerm[] = [];
    if (details?.kind === 'system') {
      addTerm(terms, details.stack, 'stack');
      for (const ns of details.namespaces)
        addTerm(terms, known(ns), 'namespace');
      for (const h of hostsByStack.get(details.stack) ?? [])
        addTerm(terms, h, 'hostname');
    } else if (details?.kind === 'service') {
      addTerm(terms, known(details.name) ?? e.metadata.name, 'service');
      addTerm(terms, known(details.namespace), 'namespace');
      for (const i of details.ingresses)
        addTerm(terms, known(i.host), 'hostname');
    } else {
      continue;
    }
    subjects.push({ ref: stringifyEntityRef(e), terms });
  }
  return subjects;
}
