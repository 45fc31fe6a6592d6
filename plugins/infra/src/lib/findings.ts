import {
  FINDING_RULES,
  FindingRuleId,
  FindingSeverity,
  InfraAllowedFinding,
  InfraFinding,
} from '@internal/backstage-plugin-infra-common';

/**
 * The `infra.homelab/findings` annotation, read defensively: an annotation
 * that does not parse is reported as such (it must not look like "no
 * findings"), and each malformed item is kept as an unreadable finding.
 */
export type ParsedFindings =
  | { state: 'none' }
  | { state: 'invalid'; raw: string }
  | { state: 'parsed'; findings: ReadFinding[] };

export type ReadFinding =
  | { state: 'readable'; finding: InfraFinding }
  | { state: 'unreadable'; raw: string };

const isRule = (value: unknown): value is FindingRuleId =>
  typeof value === 'string' && value in FINDING_RULES;

const isSeverity = (value: unknown): value is FindingSeverity =>
  value === 'error' || value === 'warning' || value === 'info';

function readFinding(raw: unknown): ReadFinding {
  const item = raw as Partial<Record<keyof InfraFinding, unknown>> | null;
  if (
    item &&
    typeof item === 'object' &&
    isRule(item.rule) &&
    isSeverity(item.severity) &&
    typeof item.message === 'string' &&
    typeof item.fix === 'string' &&
    typeof item.file === 'string' &&
    typeof item.line === 'number'
  ) {
    return {
      state: 'readable',
      finding: {
        rule: item.rule,
        severity: item.severity,
        message: item.message,
        fix: item.fix,
        file: item.file,
        line: item.line,
      },
    };
  }
  return { state: 'unreadable', raw: JSON.stringify(raw) };
}

export function parseFindings(raw: string | undefined): ParsedFindings {
  // The provider leaves the annotation out when there are no findings.
  if (raw === undefined || raw.trim() === '') return { state: 'none' };
  let value: unknown;
  try {
    value = JSON.parse(raw);
  } catch {
    return { state: 'invalid', raw };
  }
  if (!Array.isArray(value)) return { state: 'invalid', raw };
  if (value.length === 0) return { state: 'none' };
  const findings = value.map(readFinding);
  // Errors first, so the most serious problem is what a reader sees first.
  findings.sort((a, b) => rank(a) - rank(b));
  return { state: 'parsed', findings };
}

const SEVERITY_RANK: Record<FindingSeverity, number> = {
  error: 1,
  warning: 2,
  info: 3,
};

function rank(finding: ReadFinding): number {
  if (finding.state === 'unreadable') return 0;
  return SEVERITY_RANK[finding.finding.severity];
}

/**
 * The `infra.homelab/allowed` annotation: what the convention policy
 * allows on this entity on purpose, each with its reason. Read as
 * defensively as findings; items that do not read are dropped from the
 * list but counted, so the card can say some could not be shown.
 */
export function parseAllowed(raw: string | undefined): {
  allowed: InfraAllowedFinding[];
  unreadable: number;
} {
  if (raw === undefined || raw.trim() === '')
    return { allowed: [], unreadable: 0 };
  let value: unknown;
  try {
    value = JSON.parse(raw);
  } catch {
    return { allowed: [], unreadable: 1 };
  }
  if (!Array.isArray(value)) return { allowed: [], unreadable: 1 };
  const allowed: InfraAllowedFinding[] = [];
  let unreadable = 0;
  for (const item of value as Array<
    Partial<Record<keyof InfraAllowedFinding, unknown>>
  >) {
    if (
      item &&
      isRule(item.rule) &&
      typeof item.reason === 'string' &&
      typeof item.message === 'string' &&
      typeof item.file === 'string' &&
      typeof item.line === 'number'
    ) {
      allowed.push({
        rule: item.rule,
        reason: item.reason,
        message: item.message,
        file: item.file,
        line: item.line,
      });
    } else unreadable++;
  }
  return { allowed, unreadable };
}
