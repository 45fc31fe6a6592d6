import { Box, Typography } from '@material-ui/core';
import { VERDICT_STYLES } from '../../lib/verdictStyle';
import { describeError } from '../../lib/describeError';

/**
 * A failed load, with the reason. Rendered instead of (or above) the data so
 * a broken backend never looks like an empty, healthy card.
 */
export const ErrorNotice = (props: { what: string; error: Error }) => (
  <Box
    role="alert"
    style={{
      borderLeft: `6px solid ${VERDICT_STYLES.critical.colour}`,
      padding: '4px 12px',
      margin: '8px 0',
    }}
  >
    <Typography variant="subtitle2">Could not load {props.what}</Typography>
    <Typography variant="body2">{describeError(props.error)}</Typography>
  </Box>
);
