import { PoolUse } from '../../lib/checkData';
import { VERDICT_STYLES } from '../../lib/verdictStyle';

const WIDTH = 520;
const BAR_Y = 30;
const BAR_HEIGHT = 26;

/** Colour of the used part: green below 80 % of the size, amber up to it, red once clients wait or the reserve is in use. */
function fillFor(pool: PoolUse, size: number): string {
  if (pool.waiting > 0 || pool.active > size) {
    return VERDICT_STYLES.critical.colour;
  }
  if (pool.active / size >= 0.8) {
    return VERDICT_STYLES.warn.colour;
  }
  return VERDICT_STYLES.ok.colour;
}

/**
 * PgBouncer pool use against its size: server connections in use as a bar,
 * the pool size as a line (the reserve as a dashed stretch past it), and
 * waiting clients as a hatched block after the bar. The saturation of the
 * boot storm is the bar touching the line with a hatched block behind it.
 */
export const PoolUsageChart = (props: { pool: PoolUse }) => {
  const { pool } = props;
  const size = pool.poolSize * pool.pools;
  const reserve = pool.reservePoolSize * pool.pools;
  // Leave room past the size line so waiting clients have somewhere to go.
  const scaleMax = Math.max(size + reserve, pool.active + pool.waiting) * 1.15;
  const px = (n: number) => (n / scaleMax) * WIDTH;
  // Saturation counts the reserve as capacity, as the backend's check does.
  const capacity = size + reserve;
  const percent = Math.round((pool.active / capacity) * 100);
  const inUse =
    reserve > 0
      ? `${pool.active}/${capacity} in use incl. reserve (${percent} %)`
      : `${pool.active}/${capacity} in use (${percent} %)`;
  const summary = `${inUse}, ${pool.waiting} client(s) waiting`;
  const sizeLabel =
    pool.pools > 1
      ? `pool size ${size} (${pool.pools} pools × ${pool.poolSize})`
      : `pool size ${size}`;

  return (
    <figure style={{ margin: '8px 0' }}>
      <svg
        role="img"
        aria-label={`PgBouncer pool use: ${summary}`}
        width={WIDTH + 20}
        height={90}
        viewBox={`0 0 ${WIDTH + 20} 90`}
        style={{ maxWidth: '100%', fontFamily: 'sans-serif' }}
      >
        <title>PgBouncer pool use: {summary}</title>
        <defs>
          <pattern
            id="pool-waiting-hatch"
            width={6}
            height={6}
            patternUnits="userSpaceOnUse"
            patternTransform="rotate(45)"
          >
            <rect width={3} height={6} fill={VERDICT_STYLES.critical.colour} />
          </pattern>
        </defs>
        <rect
          x={0}
          y={BAR_Y}
          width={px(size)}
          height={BAR_HEIGHT}
          fill="none"
          stroke={VERDICT_STYLES.unknown.colour}
        />
        {reserve > 0 && (
          <rect
            data-testid="pool-reserve"
            x={px(size)}
            y={BAR_Y}
            width={px(reserve)}
            height={BAR_HEIGHT}
            fill="none"
            stroke={VERDICT_STYLES.unknown.colour}
            strokeDasharray="4 3"
          >
            <title>{`reserve: ${reserve} more under pressure`}</title>
          </rect>
        )}
        <rect
          data-testid="pool-active"
          x={0}
          y={BAR_Y}
          width={px(pool.active)}
          height={BAR_HEIGHT}
          fill={fillFor(pool, size)}
        />
        {pool.waiting > 0 && (
          <rect
            data-testid="pool-waiting"
            x={px(pool.active)}
            y={BAR_Y + 4}
            width={px(pool.waiting)}
            height={BAR_HEIGHT - 8}
            fill="url(#pool-waiting-hatch)"
            stroke={VERDICT_STYLES.critical.colour}
          />
        )}
        <line
          x1={px(size)}
          x2={px(size)}
          y1={BAR_Y - 8}
          y2={BAR_Y + BAR_HEIGHT + 8}
          stroke="currentColor"
          strokeWidth={2}
        />
        <text
          x={Math.min(px(size), WIDTH - 60)}
          y={BAR_Y - 12}
          fontSize={11}
          textAnchor="middle"
          fill="currentColor"
        >
          {sizeLabel}
        </text>
        <text
          x={0}
          y={BAR_Y + BAR_HEIGHT + 22}
          fontSize={12}
          fill="currentColor"
        >
          {inUse}
          {pool.waiting > 0 ? ` · ${pool.waiting} waiting` : ' · none waiting'}
        </text>
      </svg>
      <figcaption style={{ fontSize: '0.75rem' }}>
        Pool mode {pool.poolMode}; longest wait{' '}
        {Number(pool.maxWaitSeconds.toFixed(1))} s
        {reserve > 0 ? `; reserve ${reserve} (dashed)` : ''}.
      </figcaption>
    </figure>
  );
};
