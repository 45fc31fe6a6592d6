import { Box, Typography } from '@material-ui/core';
import {
  PREFLIGHT_RUNBOOK,
  TargetStatus,
} from '@internal/backstage-plugin-rollout-status-common';
import { answerPreflight } from '../../lib/preflight';
import { useStaleAfterMs } from '../../hooks/useStaleAfterMs';
import { checkDefinition } from '../../lib/parseResponses';
import { VERDICT_STYLES } from '../../lib/verdictStyle';
import { VerdictBadge } from '../VerdictBadge';
import { RunbookLink } from '../RunbookLink';

/**
 * The question asked before every apply, answered at the top: "Safe to roll
 * <target> now?" with Yes/No (or why we cannot tell), the reasons, and the
 * verdicts of the checks it is based on.
 */
export const PreflightVerdict = (props: {
  status: TargetStatus;
  now: number;
}) => {
  const { status, now } = props;
  const answer = answerPreflight(status, now, useStaleAfterMs());
  const colour = VERDICT_STYLES[answer.verdict].colour;
  return (
    <Box
      data-testid="preflight"
      style={{
        borderLeft: `6px solid ${colour}`,
        paddingLeft: 12,
        margin: '8px 0',
      }}
    >
      <Typography variant="h6" component="p">
        Safe to roll {status.title} now?{' '}
        <VerdictBadge verdict={answer.verdict} text={answer.headline} />
      </Typography>
      {answer.reasons.length > 0 && (
        <ul aria-label="Preflight reasons" style={{ margin: '4px 0' }}>
          {answer.reasons.map((reason, i) => (
            <li key={i}>
              <Typography variant="body2">{reason}</Typography>
            </li>
          ))}
        </ul>
      )}
      <Typography variant="caption" component="p">
        Based on:{' '}
        {status.preflight.basedOn.map((id, i) => {
          const check = status.checks.find(c => c.id === id);
          return (
            <span key={id}>
              {i > 0 ? ', ' : ''}
              {checkDefinition(id)?.title ?? id} (
              {VERDICT_STYLES[check?.verdict ?? 'unknown'].label})
            </span>
          );
        })}
        {' · '}
        <RunbookLink runbook={PREFLIGHT_RUNBOOK} label="Preflight runbook" />
      </Typography>
    </Box>
  );
};
