import { ConventionFinding } from '@internal/backstage-plugin-infra-node';
import { DanglingReference } from '../entities/relationCheck';
import { FailOn } from './args';

/** How bad each severity is; a severity this version does not know counts as a warning. */
const RANK: Record<string, number> = { info: 0, warning: 1, error: 2 };
const THRESHOLD: Record<FailOn, number> = {
  error: 2,
  warning: 1,
  never: Infinity,
};

type Findings = ReadonlyArray<Pick<ConventionFinding, 'severity'>>;

/**
 * How many findings (and dangling references, which are warnings) are at
 * or above a level.
 */
function countAtOrAbove(
  findings: Findings,
  danglingReferences: ReadonlyArray<DanglingReference>,
  level: Exclude<FailOn, 'never'>,
): number {
  const threshold = THRESHOLD[level];
  return (
    findings.filter(f => (RANK[f.severity] ?? RANK.warning) >= threshold)
      .length + (RANK.warning >= threshold ? danglingReferences.length : 0)
  );
}

/**
 * The exit code CI gates on: 1 when a finding (or a dangling reference,
 * which is a warning) is at or above the `--fail-on` level, else 0.
 */
export function exitCodeFor(
  findings: Findings,
  danglingReferences: ReadonlyArray<DanglingReference>,
  failOn: FailOn,
): 0 | 1 {
  if (failOn === 'never') return 0;
  return countAtOrAbove(findings, danglingReferences, failOn) > 0 ? 1 : 0;
}

/**
 * The summary's last line: whether this run gates, and on what. A summary
 * without `--fail-on` is a report (exit 0) and says what a gate at `error`
 * would have found, so nobody mistakes the report for a pass.
 */
export function describeGate(
  findings: Findings,
  danglingReferences: ReadonlyArray<DanglingReference>,
  gate: { failOn: FailOn; failOnGiven: boolean },
): string {
  const plural = (n: number) => `${n} ${n === 1 ? 'finding' : 'findings'}`;
  if (gate.failOn === 'never') {
    const errors = countAtOrAbove(findings, danglingReferences, 'error');
    const why = gate.failOnGiven ? '--fail-on never' : 'a summary reports';
    const wouldBe = errors
      ? `--fail-on error would exit 1 on ${plural(errors)}`
      : 'no finding at error';
    return `Gate: none (${why}), exit 0; ${wouldBe}`;
  }
  const hits = countAtOrAbove(findings, danglingReferences, gate.failOn);
  return `Gate --fail-on ${gate.failOn}: ${plural(hits)} at or above ${
    gate.failOn
  }, exit ${hits > 0 ? 1 : 0}`;
}
