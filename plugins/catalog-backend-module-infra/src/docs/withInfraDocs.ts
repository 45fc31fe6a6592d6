import { Entity, stringifyEntityRef } from '@backstage/catalog-model';
import {
  DocCounterpart,
  DocsCounterparts,
  FINDING_RULES,
  FindingRuleId,
  INFRA_ANNOTATIONS,
  INFRA_DOCS_ANNOTATIONS,
} from '@internal/backstage-plugin-infra-common';
import {
  DocPage,
  INFRA_DOCS_FOLDER,
} from '@internal/backstage-plugin-infra-node';
import { SourceLinks } from '../entities/links';
import { docsEntity, INFRA_DOCS_ENTITY_REF } from './docsEntity';
import { matchDocs } from './matchDocs';
import { runbookCounterpart, runbookKey } from './runbookCounterparts';
import { docsSubjects } from './subjects';

export interface InfraDocsInput {
  /** The readable Markdown pages of the docs folder. */
  pages: DocPage[];
  /** See {@link DocsEntityInput.docsTreeUrl}. */
  docsTreeUrl: string;
  links: SourceLinks;
}

/**
 * The owner of the docs entity: whoever owns the most stacks (ties: the
 * first by ref). The docs are the whole repo's, and that owner is an
 * entity the catalog already has, so the relation never dangles.
 */
function repoOwner(entities: Entity[]): string | undefined {
  const counts = new Map<string, number>();
  for (const e of entities) {
    const owner = e.spec?.owner;
    if (e.kind === 'System' && typeof owner === 'string')
      counts.set(owner, (counts.get(owner) ?? 0) + 1);
  }
  return [...counts].sort(
    (a, b) => b[1] - a[1] || a[0].localeCompare(b[0]),
  )[0]?.[0];
}

/** The rules of the findings and allowed exceptions an entity carries. */
function rulesOf(entity: Entity): FindingRuleId[] {
  const rules = new Set<FindingRuleId>();
  for (const key of [INFRA_ANNOTATIONS.findings, INFRA_ANNOTATIONS.allowed]) {
    const raw = entity.metadata.annotations?.[key];
    if (!raw) continue;
    try {
      for (const f of JSON.parse(raw) as Array<{ rule?: string }>)
        if (f?.rule && f.rule in FINDING_RULES)
          rules.add(f.rule as FindingRuleId);
    } catch {
      // The findings card reports an unreadable annotation itself.
    }
  }
  return [...rules];
}

/**
 * The infra docs' counterparts of the portal runbooks an entity's findings
 * link to, or undefined when none has one.
 */
function counterpartsOf(
  entity: Entity,
  find: (rule: FindingRuleId) => [string, DocCounterpart] | undefined,
): DocsCounterparts | undefined {
  const runbooks = Object.fromEntries(
    rulesOf(entity)
      .map(find)
      .filter((e): e is [string, DocCounterpart] => !!e),
  );
  return Object.keys(runbooks).length
    ? { docsEntityRef: INFRA_DOCS_ENTITY_REF, runbooks }
    : undefined;
}

/**
 * The provider's entities with the infra docs added: the docs entity, and on
 * each System and service that a page names, the "docs about this"
 * annotation; on each entity with findings whose portal runbook has a
 * counterpart in the infra docs, that counterpart. Other entities, and entities no page names, are returned as
 * they were. No docs folder (no pages): the entities as they were.
 */
export function withInfraDocs(
  entities: Entity[],
  docs: InfraDocsInput | undefined,
): Entity[] {
  if (!docs?.pages.length) return entities;
  const owner = repoOwner(entities);
  if (!owner) return entities;
  const about = matchDocs(docsSubjects(entities), docs.pages, {
    docsEntityRef: INFRA_DOCS_ENTITY_REF,
    repoFolder: INFRA_DOCS_FOLDER,
  });
  const counterparts = new Map<
    FindingRuleId,
    [string, DocCounterpart] | undefined
  >();
  const find = (rule: FindingRuleId) => {
    if (!counterparts.has(rule)) {
      const ref = FINDING_RULES[rule].runbook;
      const c = runbookCounterpart(ref, docs.pages, INFRA_DOCS_FOLDER);
      counterparts.set(rule, c ? [runbookKey(ref), c] : undefined);
    }
    return counterparts.get(rule);
  };
  const out = entities.map(e => {
    const added: Record<string, string> = {};
    const value = about.get(stringifyEntityRef(e));
    if (value) added[INFRA_DOCS_ANNOTATIONS.about] = JSON.stringify(value);
    const c = counterpartsOf(e, find);
    if (c) added[INFRA_DOCS_ANNOTATIONS.counterparts] = JSON.stringify(c);
    if (!Object.keys(added).length) return e;
    return {
      ...e,
      metadata: {
        ...e.metadata,
        annotations: { ...e.metadata.annotations, ...added },
      },
    };
  });
  out.push(
    docsEntity({ links: docs.links, docsTreeUrl: docs.docsTreeUrl, owner }),
  );
  return out;
}
