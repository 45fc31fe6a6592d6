import {
  FINDING_RULES,
  FindingRuleId,
  FindingSeverity,
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
  value === 'warning' || value === 'error';

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

function rank(finding: ReadFinding): number {
  if (finding.state === 'unreadable') return 0;
  return finding.finding.severity === 'error' ? 1 : 2;
}
