import { Box, Typography } from '@material-ui/core';
import { Progress } from '@backstage/core-components';
import { TargetSummary } from '@internal/backstage-plugin-rollout-status-common';
import { useTargetStatus } from '../../hooks/useTargetStatus';
import { useNow } from '../../hooks/useNow';
import { DisplayCheck } from '../../lib/parseResponses';
import { PreflightVerdict } from '../PreflightVerdict';
import { SnapshotNotice } from '../SnapshotNotice';
import { CheckSummaryRow } from '../CheckSummaryRow';
import { ErrorNotice } from '../ErrorNotice';
import { RefreshStatus } from '../RefreshStatus';
import { VerdictTally } from '../VerdictTally';

/** One target in the entity card: preflight on top, then one row per check. */
export const TargetCardSection = (props: { target: TargetSummary }) => {
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

  if (loading) {
    return <Progress />;
  }
  if (!status) {
    return (
      <ErrorNotice
        what={`the status of ${target.title}`}
        error={error ?? new Error('No status was returned.')}
      />
    );
  }
  return (
    <Box component="section" aria-label={`Rollout status of ${status.title}`}>
      <SnapshotNotice mode={status.mode} snapshot={status.snapshot} />
      <PreflightVerdict status={status} now={now} />
      <VerdictTally checks={allChecks} />
      <Box component="ul" style={{ listStyle: 'none', padding: 0, margin: 0 }}>
        {allChecks.map((check, i) => (
          // Index too: an added check may reuse a built-in id.
          <CheckSummaryRow key={`${i}:${check.id}`} check={check} now={now} />
        ))}
      </Box>
      {allChecks.length === 0 && (
        <Typography variant="body2">
          The backend returned no checks for this target.
        </Typography>
      )}
      <RefreshStatus fetchedAt={fetchedAt} error={error} now={now} />
    </Box>
  );
};
