import { Box, Typography } from '@material-ui/core';
import { Link } from '@backstage/core-components';
import { TargetSummary } from '@internal/backstage-plugin-rollout-status-common';
import { TargetStatuses } from '../../hooks/useTargetStatuses';
import { useStaleAfterMs } from '../../hooks/useStaleAfterMs';
import { answerPreflight } from '../../lib/preflight';
import { VERDICT_STYLES } from '../../lib/verdictStyle';
import { PreflightAnswerBadges } from '../PreflightVerdict';
import { VerdictBadge } from '../VerdictBadge';

/** The search parameter that names the chosen target (`?target=<id>`). */
export const TARGET_PARAM = 'target';

/** The link that chooses a target, kept in the URL so it can be shared. */
export function targetHref(targetId: string): string {
  return `?${TARGET_PARAM}=${encodeURIComponent(targetId)}`;
}

const TargetAnswer = (props: {
  statuses: TargetStatuses;
  targetId: string;
  now: number;
  staleAfterMs: number;
}) => {
  const state = props.statuses[props.targetId];
  if (!state || (state.loading && !state.value)) {
    return <VerdictBadge verdict="unknown" text="Loading…" />;
  }
  if (!state.value) {
    return <VerdictBadge verdict="unknown" text="Could not load" />;
  }
  const answer = answerPreflight(state.value, props.now, props.staleAfterMs);
  return <PreflightAnswerBadges answer={answer} />;
};

/**
 * Every target with its answer to "safe to roll now?", one link each: the
 * page shows the chosen one. The answer is the same one the panel gives
 * (snapshots by their recorded verdict, marked "Not live").
 */
export const TargetSwitcher = (props: {
  targets: TargetSummary[];
  selectedId: string;
  statuses: TargetStatuses;
  now: number;
}) => {
  const { targets, selectedId, statuses, now } = props;
  const staleAfterMs = useStaleAfterMs();
  return (
    <nav aria-label="Rollout targets">
      <Box component="ul" style={{ listStyle: 'none', margin: 0, padding: 0 }}>
        {targets.map(target => {
          const selected = target.targetId === selectedId;
          return (
            <li key={target.targetId} style={{ marginBottom: 6 }}>
              <Link
                to={targetHref(target.targetId)}
                underline="none"
                aria-current={selected ? 'page' : undefined}
                data-testid="target-choice"
                data-target-id={target.targetId}
                style={{
                  display: 'block',
                  padding: '6px 10px',
                  borderRadius: 4,
                  border: `1px solid ${
                    selected ? VERDICT_STYLES.unknown.colour : 'transparent'
                  }`,
                  background: selected ? 'rgba(0, 0, 0, 0.06)' : undefined,
                  color: 'inherit',
                }}
              >
                <Typography
                  variant="body2"
                  component="span"
                  style={{
                    display: 'block',
                    fontWeight: selected ? 700 : 500,
                    overflowWrap: 'break-word',
                  }}
                >
                  {target.title}
                </Typography>
                <TargetAnswer
                  statuses={statuses}
                  targetId={target.targetId}
                  now={now}
                  staleAfterMs={staleAfterMs}
                />
              </Link>
            </li>
          );
        })}
      </Box>
    </nav>
  );
};
