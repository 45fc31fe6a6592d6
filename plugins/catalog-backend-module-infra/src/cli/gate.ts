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

/**
 * The exit code CI gates on: 1 when a finding (or a dangling reference,
 * which is a warning) is at or above the `--fail-on` level, else 0.
 */
export function exitCodeFor(
  findings: ReadonlyArray<Pick<ConventionFinding, 'severity'>>,
  danglingReferences: ReadonlyArray<DanglingReference>,
  failOn: FailOn,
): 0 | 1 {
  const worst = Math.max(
    -1,
    ...findings.map(f => RANK[f.severity] ?? RANK.warning),
    ...(danglingReferences.length ? [RANK.warning] : []),
  );
  return worst >= THRESHOLD[failOn] ? 1 : 0;
}
