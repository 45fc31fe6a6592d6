import { Typography } from '@material-ui/core';
import { formatAge, isStale } from '../../lib/time';
import { VERDICT_STYLES } from '../../lib/verdictStyle';
import { useStaleAfterMs } from '../../hooks/useStaleAfterMs';
import { describeError } from '../../lib/describeError';

/**
 * "updated N s ago" for the last successful fetch, and — when the latest
 * refresh failed — that it failed and that what is shown is older.
 */
export const RefreshStatus = (props: {
  fetchedAt?: number;
  error?: Error;
  now: number;
}) => {
  const { fetchedAt, error, now } = props;
  const staleAfterMs = useStaleAfterMs();
  // Both times come from this browser's clock; a negative gap only means
  // the clock tick has not caught up with the fetch yet.
  const age =
    fetchedAt === undefined ? undefined : Math.max(0, now - fetchedAt);
  return (
    <Typography variant="caption" component="p" data-testid="refresh-status">
      {age === undefined ? 'not loaded yet' : `updated ${formatAge(age)}`}
      {age !== undefined && isStale(age, staleAfterMs) ? ' — STALE' : ''}
      {error && fetchedAt !== undefined ? (
        <span style={{ color: VERDICT_STYLES.critical.colour }}>
          {' '}
          · last refresh failed: {describeError(error)} (showing older data)
        </span>
      ) : null}
    </Typography>
  );
};
