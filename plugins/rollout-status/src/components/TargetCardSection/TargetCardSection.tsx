import { Box, Typography } from '@material-ui/core';
import { Link, Progress } from '@backstage/core-components';
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

/**
 * One target in the entity card: the verdict and a tally of the checks on
 * top, so every target's answer fits the first screen; one row per check
 * folded under it, and a link to the target on the page.
 */
export const TargetCardSection = (props: {
  target: TargetSummary;
  /** The rollout-status page showing this target, when it is installed. */
  detailsLink?: string;
}) => {
  const { target, detailsLink } = props;
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
    <Box
      component="section"
      aria-label={`Rollout status of ${status.title}`}
      style={{ marginBottom: 16 }}
    >
      <PreflightVerdict status={status} now={now} />
      <VerdictTally checks={allChecks} />
      <details>
        <summary>
          <Typography variant="body2" component="span">
            {allChecks.length === 1
              ? 'The check'
              : `All ${allChecks.length} checks`}
          </Typography>
        </summary>
        <SnapshotNotice mode={status.mode} snapshot={status.snapshot} />
        <Box
          component="ul"
          style={{ listStyle: 'none', padding: 0, margin: 0 }}
        >
          {allChecks.map((check, i) => (
            // Index too: an added check may reuse a built-in id.
            <CheckSummaryRow key={`${i}:${check.id}`} check={check} now={now} />
          ))}
        </Box>
      </details>
      {allChecks.length === 0 && (
        <Typography variant="body2">
          The backend returned no checks for this target.
        </Typography>
      )}
      <RefreshStatus fetchedAt={fetchedAt} error={error} now={now} />
      {detailsLink && (
        <Typography variant="caption" component="p">
          <Link to={detailsLink}>{status.title} in detail</Link>
        </Typography>
      )}
    </Box>
  );
};
