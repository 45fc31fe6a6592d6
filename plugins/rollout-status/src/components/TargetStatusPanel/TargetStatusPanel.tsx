import { Box, Grid, Typography } from '@material-ui/core';
import { Progress } from '@backstage/core-components';
import { TargetSummary } from '@internal/backstage-plugin-rollout-status-common';
import { useTargetStatus } from '../../hooks/useTargetStatus';
import { useNow } from '../../hooks/useNow';
import { DisplayCheck } from '../../lib/parseResponses';
import { PreflightVerdict } from '../PreflightVerdict';
import { SnapshotNotice } from '../SnapshotNotice';
import { CheckDetail } from '../CheckDetail';
import { ErrorNotice } from '../ErrorNotice';
import { RefreshStatus } from '../RefreshStatus';

/** One target on the page: preflight, then every check in detail. */
export const TargetStatusPanel = (props: { target: TargetSummary }) => {
  const { target } = props;
  const {
    loading,
    value: status,
    error,
    fetchedAt,
  } = useTargetStatus(target.targetId);
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
          <RefreshStatus fetchedAt={fetchedAt} error={error} now={now} />
          <SnapshotNotice mode={status.mode} snapshot={status.snapshot} />
          <PreflightVerdict status={status} now={now} />
          <Grid container spacing={2}>
            {allChecks.map((check, i) => (
              <Grid item xs={12} md={6} key={`${i}:${check.id}`}>
                <CheckDetail check={check} now={now} />
              </Grid>
            ))}
          </Grid>
        </>
      )}
    </Box>
  );
};
