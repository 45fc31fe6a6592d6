import { Entity } from '@backstage/catalog-model';
import {
  INFRA_ANNOTATIONS,
  INFRA_ENTITY_TYPES,
  isFullHostname,
  isUnresolvedValue,
  parseInfraDetails,
} from '@internal/backstage-plugin-infra-common';
import {
  ConventionFinding,
  SkippedFile,
} from '@internal/backstage-plugin-infra-node';
import { DanglingReference } from '../entities/relationCheck';

/** Counts of a preview run: what `--summary` prints and the JSON output's `summary`. */
export interface PreviewSummary {
  /** Stacks judged. */
  stacks: number;
  entities: {
    total: number;
    /** By entity kind, then by `spec.type` (`-` when the kind has none). */
    byKind: Record<string, { total: number; byType: Record<string, number> }>;
  };
  /** Ingress Resources by what their details say about the host. */
  ingresses: {
    total: number;
    /** The host is resolved and a full hostname (shown as a link). */
    withFullHost: number;
    /** The host is an unresolved expression. */
    unresolvedHost: number;
    /** Resolved, but not a full hostname (a bare label): shown as text. */
    notFullHost: number;
  };
  /**
   * Unresolved values in the details annotations, counted once per entity
   * and expression; `unspecified` when the model gave no reason.
   */
  unresolved: {
    total: number;
    byReason: Record<string, number>;
    /** The expressions that stay unresolved on the most entities (at most 10). */
    top: Array<{ expression: string; reason?: string; entities: number }>;
  };
  /** Files not read on purpose or by limit. */
  skippedFiles: { total: number; byReason: Record<string, number> };
  findings: {
    total: number;
    bySeverity: Record<string, number>;
    /** By rule, then by severity. */
    byRule: Record<string, Record<string, number>>;
  };
  /** What the convention policy allows on purpose, by rule. */
  allowed: { total: number; byRule: Record<string, number> };
  danglingReferences: DanglingReference[];
}

export interface SummaryInput {
  stacks: number;
  entities: ReadonlyArray<Entity>;
  findings: ReadonlyArray<ConventionFinding>;
  /** Exceptions the policy allows (none without a policy). */
  allowed?: ReadonlyArray<{ rule: string }>;
  skippedFiles: ReadonlyArray<SkippedFile>;
  danglingReferences: DanglingReference[];
}

const bump = (counts: Record<string, number>, key: string, by = 1) => {
  counts[key] = (counts[key] ?? 0) + by;
};

/** Every `{ unresolved, reason? }` object anywhere inside a JSON value. */
function collectUnresolved(
  value: unknown,
  found: Map<string, { expression: string; reason?: string }>,
) {
  if (isUnresolvedValue(value)) {
    found.set(`${value.unresolved}\0${value.reason ?? ''}`, {
      expression: value.unresolved,
      reason: value.reason,
    });
    return;
  }
  if (Array.isArray(value)) {
    for (const v of value) collectUnresolved(v, found);
  } else if (typeof value === 'object' && value !== null) {
    for (const v of Object.values(value)) collectUnresolved(v, found);
  }
}

function ingressHost(e: Entity): 'full' | 'unresolved' | 'not-full' | 'none' {
  const details = parseInfraDetails(
    e.metadata.annotations?.[INFRA_ANNOTATIONS.details],
  );
  if (details?.kind !== 'ingress') return 'none';
  if (isUnresolvedValue(details.host)) return 'unresolved';
  return typeof details.host === 'string' && isFullHostname(details.host)
    ? 'full'
    : 'not-full';
}

export function summarizePreview(input: SummaryInput): PreviewSummary {
  const byKind: PreviewSummary['entities']['byKind'] = {};
  const ingresses = {
    total: 0,
    withFullHost: 0,
    unresolvedHost: 0,
    notFullHost: 0,
  };
  const byReason: Record<string, number> = {};
  const byExpression = new Map<
    string,
    { expression: string; reason?: string; entities: number }
  >();
  let unresolvedTotal = 0;

  for (const e of input.entities) {
    const type = typeof e.spec?.type === 'string' ? e.spec.type : '-';
    const kind = (byKind[e.kind] ??= { total: 0, byType: {} });
    kind.total++;
    bump(kind.byType, type);

    if (e.kind === 'Resource' && type === INFRA_ENTITY_TYPES.ingress) {
      ingresses.total++;
      const host = ingressHost(e);
      if (host === 'full') ingresses.withFullHost++;
      else if (host === 'unresolved') ingresses.unresolvedHost++;
      else ingresses.notFullHost++;
    }

    const raw = e.metadata.annotations?.[INFRA_ANNOTATIONS.details];
    if (!raw) continue;
    const found = new Map<string, { expression: string; reason?: string }>();
    try {
      collectUnresolved(JSON.parse(raw), found);
    } catch {
      continue; // An unreadable annotation holds no values to count.
    }
    for (const [key, u] of found) {
      unresolvedTotal++;
      bump(byReason, u.reason ?? 'unspecified');
      const entry = byExpression.get(key) ?? { ...u, entities: 0 };
      entry.entities++;
      byExpression.set(key, entry);
    }
  }

  const skippedByReason: Record<string, number> = {};
  for (const f of input.skippedFiles) bump(skippedByReason, f.reason);

  const bySeverity: Record<string, number> = {};
  const byRule: Record<string, Record<string, number>> = {};
  for (const f of input.findings) {
    bump(bySeverity, f.severity);
    bump((byRule[f.rule] ??= {}), f.severity);
  }

  return {
    stacks: input.stacks,
    entities: { total: input.entities.length, byKind },
    ingresses,
    unresolved: {
      total: unresolvedTotal,
      byReason,
      top: [...byExpression.values()]
        .sort(
          (a, b) =>
            b.entities - a.entities || a.expression.localeCompare(b.expression),
        )
        .slice(0, 10),
    },
    skippedFiles: {
      total: input.skippedFiles.length,
      byReason: skippedByReason,
    },
    findings: { total: input.findings.length, bySeverity, byRule },
    allowed: {
      total: input.allowed?.length ?? 0,
      byRule: (input.allowed ?? []).reduce<Record<string, number>>((acc, a) => {
        bump(acc, a.rule);
        return acc;
      }, {}),
    },
    danglingReferences: input.danglingReferences,
  };
}
