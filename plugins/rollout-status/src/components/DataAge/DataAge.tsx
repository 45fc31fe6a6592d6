import { Typography } from '@material-ui/core';
import { ageMs, formatAge, formatTimestamp, isStale } from '../../lib/time';
import { VERDICT_STYLES } from '../../lib/verdictStyle';
import { useStaleAfterMs } from '../../hooks/useStaleAfterMs';

/**
 * How old a reading is ("12 s ago"), against the clock the caller passes in
 * so it keeps moving. Live data past the stale limit is marked so in words;
 * recorded (snapshot) data says "recorded" instead, since it is old by design.
 */
export const DataAge = (props: {
  observedAt: string;
  now: number;
  snapshot?: boolean;
}) => {
  const { observedAt, now, snapshot } = props;
  const staleAfterMs = useStaleAfterMs();
  const age = ageMs(observedAt, now);
  if (age === undefined) {
    return (
      <Typography
        variant="caption"
        style={{ color: VERDICT_STYLES.warn.colour }}
      >
        age unknown (no observation time)
      </Typography>
    );
  }
  const stale = !snapshot && isStale(age, staleAfterMs);
  return (
    <Typography
      variant="caption"
      title={formatTimestamp(observedAt)}
      style={
        stale ? { color: VERDICT_STYLES.warn.colour, fontWeight: 600 } : {}
      }
    >
      {snapshot ? `recorded ${formatAge(age)}` : formatAge(age)}
      {stale ? ' — STALE' : ''}
    </Typography>
  );
};
