import { Typography } from '@material-ui/core';
import {
  Verdict,
  VERDICT_SEVERITY,
} from '@internal/backstage-plugin-rollout-status-common';
import { DisplayCheck } from '../../lib/parseResponses';
import { VERDICT_STYLES } from '../../lib/verdictStyle';

/**
 * "2 CRITICAL · 1 UNKNOWN · 8 OK": how many checks have each verdict, worst
 * first. Unknown is its own count, never folded into OK.
 */
export const VerdictTally = (props: { checks: DisplayCheck[] }) => {
  const counts = new Map<Verdict, number>();
  for (const check of props.checks) {
    counts.set(check.verdict, (counts.get(check.verdict) ?? 0) + 1);
  }
  const verdicts = Array.from(counts.keys()).sort(
    (a, b) => VERDICT_SEVERITY[b] - VERDICT_SEVERITY[a],
  );
  return (
    <Typography variant="body2" data-testid="verdict-tally">
      {verdicts.map((verdict, i) => (
        <span
          key={verdict}
          style={{ color: VERDICT_STYLES[verdict].colour, fontWeight: 600 }}
        >
          {i > 0 ? ' · ' : ''}
          {counts.get(verdict)} {VERDICT_STYLES[verdict].label}
        </span>
      ))}
    </Typography>
  );
};
