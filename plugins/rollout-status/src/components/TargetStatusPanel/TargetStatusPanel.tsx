import { Box, Grid, Typography } from '@material-ui/core';
import { Progress } from '@backstage/core-components';
import {
  TargetStatusWithAdditions,
  TargetSummary,
} from '@internal/backstage-plugin-rollout-status-common';
import { useTargetStatus } from '../../hooks/useTargetStatus';
import { PolledState } from '../../hooks/usePolled';
import { useNow } from '../../hooks/useNow';
import { DisplayCheck } from '../../lib/parseResponses';
import { PreflightVerdict } from '../PreflightVerdict';
import { SnapshotNotice } from '../SnapshotNotice';
import { CheckDetail } from '../CheckDetail';
import { ErrorNotice } from '../ErrorNotice';
import { RefreshStatus } from '../RefreshStatus';

/**
 * One target in detail: the verdict first, then whether the data is live
 * and how fresh, then every check. Renders a status polled elsewhere (the
 * page polls all targets at once, for its switcher).
 */
export const TargetStatusView = (props: {
  target: TargetSummary;
  state: PolledState<TargetStatusWithAdditions>;
}) => {
  const { target, state } = props;
  const { loading, value: status, error, fetchedAt } = state;
  const now = useNow();
  // Checks other plugins added follow ours; they never enter the preflight.
  const allChecks: DisplayCheck[] = status
    ? [...status.checks, ...(status.additionalChecks ?? [])]
    : [];

  return (
    <Box
      component="section"
      aria-label={target.title}
      style={{ marginBottom: 32 }}
    >
      <Typography variant="h5" component="h2">
        {target.title}
      </Typography>
      {loading && <Progress />}
      {!loading && !status && (
        <ErrorNotice
          what={`the status of ${target.title}`}
          error={error ?? new Error('No status was returned.')}
        />
      )}
      {status && (
        <>
          <PreflightVerdict status={status} now={now} />
          <SnapshotNotice mode={status.mode} snapshot={status.snapshot} />
          <RefreshStatus fetchedAt={fetchedAt} error={error} now={now} />
          <Grid container spacing={2}>
            {allChecks.map((check, i) => (
              <Grid item xs={12} lg={6} key={`${i}:${check.id}`}>
                <CheckDetail check={check} now={now} />
              </Grid>
            ))}
          </Grid>
        </>
      )}
    </Box>
  );
};

/** One target on its own, polling its status itself. */
export const TargetStatusPanel = (props: { target: TargetSummary }) => {
  const state = useTargetStatus(props.target.targetId);
  return <TargetStatusView target={props.target} state={state} />;
};
