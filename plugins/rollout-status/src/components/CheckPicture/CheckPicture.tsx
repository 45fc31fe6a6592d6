import { DisplayCheck } from '../../lib/parseResponses';
import { readPoolUse, readReplicaSets } from '../../lib/checkData';
import { ReplicaSetChart } from '../ReplicaSetChart';
import { PoolUsageChart } from '../PoolUsageChart';

/**
 * The picture for a check, when it has one and its `data` has the expected
 * shape; nothing otherwise (the evidence table still tells the story).
 */
export const CheckPicture = (props: { check: DisplayCheck }) => {
  const { check } = props;
  if (check.id === 'rollout') {
    const replicaSets = readReplicaSets(check.data);
    return replicaSets && replicaSets.length > 0 ? (
      <ReplicaSetChart replicaSets={replicaSets} />
    ) : null;
  }
  if (check.id === 'pool') {
    const pool = readPoolUse(check.data);
    return pool ? <PoolUsageChart pool={pool} /> : null;
  }
  return null;
};
