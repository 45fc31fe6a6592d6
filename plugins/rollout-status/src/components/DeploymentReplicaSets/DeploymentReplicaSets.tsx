import { isLive, ReplicaSetBar } from '../../lib/checkData';
import { VERDICT_STYLES } from '../../lib/verdictStyle';

const ROW_HEIGHT = 40;
const LABEL_WIDTH = 260;
const SLOT = 18;
const GAP = 4;
const HEADER = 28;

/** Newest revision first; revisions are numbers in Kubernetes but may arrive as text. */
function byRevisionDescending(a: ReplicaSetBar, b: ReplicaSetBar): number {
  const ra = Number(a.revision);
  const rb = Number(b.revision);
  if (Number.isFinite(ra) && Number.isFinite(rb) && ra !== rb) {
    return rb - ra;
  }
  return (b.createdAt ?? '').localeCompare(a.createdAt ?? '');
}

/** What the number of live ReplicaSets of one Deployment means, in words and colour. */
function describeChurn(deployment: string, live: ReplicaSetBar[]) {
  const who = deployment ? `${deployment}: ` : '';
  if (live.length > 2) {
    return {
      text: `${who}${live.length} live ReplicaSets — churn: more than two hold pods`,
      colour: VERDICT_STYLES.critical.colour,
    };
  }
  if (live.length === 2) {
    return {
      text: `${who}2 live ReplicaSets — a rollout is in progress`,
      colour: VERDICT_STYLES.warn.colour,
    };
  }
  return {
    text: `${who}${live.length} live ReplicaSet${live.length === 1 ? '' : 's'}`,
    colour: 'currentColor',
  };
}

/**
 * The ReplicaSets of one Deployment: one row per ReplicaSet that still holds
 * or wants pods, one square per pod, filled when ready.
 */
export const DeploymentReplicaSets = (props: {
  deployment: string;
  replicaSets: ReplicaSetBar[];
}) => {
  const live = props.replicaSets.filter(isLive).sort(byRevisionDescending);
  const churn = describeChurn(props.deployment, live);
  const maxSlots = Math.max(
    1,
    ...live.map(rs => Math.max(rs.desired, rs.ready)),
  );
  // Wide enough for the headline as well as the squares.
  const width = Math.max(
    LABEL_WIDTH + maxSlots * (SLOT + GAP) + 90,
    churn.text.length * 8.5,
  );
  const height = HEADER + live.length * ROW_HEIGHT + 8;

  return (
    <svg
      role="img"
      aria-label={`Pods by ReplicaSet: ${churn.text}`}
      width={width}
      height={height}
      viewBox={`0 0 ${width} ${height}`}
      style={{ maxWidth: '100%', fontFamily: 'sans-serif', display: 'block' }}
    >
      <title>Pods by ReplicaSet: {churn.text}</title>
      <text x={0} y={18} fontSize={14} fontWeight={600} fill={churn.colour}>
        {churn.text}
      </text>
      {live.map((rs, row) => {
        const y = HEADER + row * ROW_HEIGHT;
        const slots = Math.max(rs.desired, rs.ready);
        return (
          <g key={rs.name} data-testid={`replicaset-${rs.name}`}>
            <text x={0} y={y + 14} fontSize={12} fill="currentColor">
              {rs.name}
            </text>
            <text x={0} y={y + 30} fontSize={11} fill="currentColor">
              {`revision ${rs.revision} · image ${rs.imageTag}`}
            </text>
            {Array.from({ length: slots }, (_, i) => (
              <rect
                key={i}
                x={LABEL_WIDTH + i * (SLOT + GAP)}
                y={y + 8}
                width={SLOT}
                height={SLOT}
                rx={3}
                fill={i < rs.ready ? VERDICT_STYLES.ok.colour : 'none'}
                stroke={
                  i < rs.ready
                    ? VERDICT_STYLES.ok.colour
                    : VERDICT_STYLES.unknown.colour
                }
                strokeDasharray={i < rs.ready ? undefined : '3 2'}
              >
                <title>{i < rs.ready ? 'ready pod' : 'pod not ready'}</title>
              </rect>
            ))}
            <text
              x={LABEL_WIDTH + slots * (SLOT + GAP) + 6}
              y={y + 22}
              fontSize={12}
              fill="currentColor"
            >
              {`${rs.ready}/${rs.desired} ready`}
            </text>
          </g>
        );
      })}
    </svg>
  );
};
