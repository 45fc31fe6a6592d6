import { DriftTargetState as State } from '@internal/backstage-plugin-rollout-status-common';
import { Box, Typography } from '@material-ui/core';
import { DataAge } from '../DataAge';
import { SourceList } from '../SourceList';
import { VerdictBadge } from '../VerdictBadge';

/** One target's comparison: its verdict (unknown with the reason), age and source. */
export const DriftTargetState = (props: { state: State; now: number }) => {
  const { state, now } = props;
  return (
    <Box data-testid="drift-target" data-verdict={state.verdict} marginY={1}>
      <VerdictBadge verdict={state.verdict} />{' '}
      <Typography variant="body2" component="span">
        <strong>
          {state.stack} ({state.namespace})
        </strong>
        : {state.summary}
      </Typography>
      <Typography variant="caption" display="block">
        <DataAge observedAt={state.observedAt} now={now} /> ·{' '}
        <SourceList sources={state.sources} />
      </Typography>
    </Box>
  );
};
