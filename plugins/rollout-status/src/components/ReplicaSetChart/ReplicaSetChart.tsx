import { groupByDeployment, isLive, ReplicaSetBar } from '../../lib/checkData';
import { VERDICT_STYLES } from '../../lib/verdictStyle';
import { DeploymentReplicaSets } from '../DeploymentReplicaSets';

function mixedTagsText(deployment: string, tags: string[]): string {
  const what = deployment
    ? `${deployment}: live image tags differ`
    : 'Live image tags differ';
  return `${what}: ${tags.join(', ')}.`;
}

/**
 * Pods by ReplicaSet, one block per Deployment. Three rows in one block (the
 * boot-storm signature) or two image tags in one Deployment jump out before
 * anyone reads a number.
 */
export const ReplicaSetChart = (props: { replicaSets: ReplicaSetBar[] }) => {
  const groups = groupByDeployment(props.replicaSets);
  const retired = props.replicaSets.filter(rs => !isLive(rs)).length;
  const mixedTags = groups
    .map(group => ({
      deployment: group.deployment,
      tags: Array.from(
        new Set(group.replicaSets.filter(isLive).map(rs => rs.imageTag)),
      ),
    }))
    .filter(group => group.tags.length > 1);

  return (
    <figure style={{ margin: '8px 0' }}>
      {groups.map(group => (
        <DeploymentReplicaSets
          key={group.deployment}
          deployment={group.deployment}
          replicaSets={group.replicaSets}
        />
      ))}
      <figcaption style={{ fontSize: '0.75rem' }}>
        Filled square: ready pod; dashed square: wanted but not ready.
        {mixedTags.map(group => (
          <strong
            key={group.deployment}
            style={{ color: VERDICT_STYLES.warn.colour }}
          >
            {` ${mixedTagsText(group.deployment, group.tags)}`}
          </strong>
        ))}
        {retired > 0
          ? ` ${retired} older ReplicaSet(s) scaled to 0 not drawn.`
          : ''}
      </figcaption>
    </figure>
  );
};
