import { Box, Typography } from '@material-ui/core';
import { TargetStatus } from '@internal/backstage-plugin-rollout-status-common';
import { formatTimestamp } from '../../lib/time';
import { VERDICT_STYLES } from '../../lib/verdictStyle';

/**
 * Says whether what follows is live or recorded. A snapshot is labelled
 * with its file and recorded time so nobody mistakes it for the cluster now.
 */
export const SnapshotNotice = (props: {
  mode: TargetStatus['mode'];
  snapshot?: TargetStatus['snapshot'];
}) => {
  if (props.mode === 'live') {
    return (
      <Typography variant="caption" data-testid="data-mode">
        LIVE data
      </Typography>
    );
  }
  const { snapshot } = props;
  return (
    <Box
      data-testid="data-mode"
      role="note"
      style={{
        border: `2px dashed ${VERDICT_STYLES.unknown.colour}`,
        borderRadius: 4,
        padding: '4px 8px',
        margin: '4px 0',
      }}
    >
      <Typography variant="body2">
        <strong>SNAPSHOT — not live data.</strong>{' '}
        {snapshot ? (
          <>
            Recorded at {formatTimestamp(snapshot.recordedAt)} from file{' '}
            <code>{snapshot.file}</code>
            {snapshot.scenario ? ` (scenario: ${snapshot.scenario})` : ''}.
          </>
        ) : (
          'The backend did not say which file or when it was recorded.'
        )}
      </Typography>
    </Box>
  );
};
