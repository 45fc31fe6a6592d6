import Typography from '@material-ui/core/Typography';
import { InstanceFacts } from '../../lib/workloadFacts';

/**
 * Which instance of a `count` / `for_each` block the entity is, or that
 * the number of instances is unknown (the entity then stands for all).
 */
export function InstanceSummary(props: { instance: InstanceFacts }) {
  const { address, key, countUnknown } = props.instance;
  if (countUnknown !== undefined) {
    return (
      <Typography component="span" variant="body2" color="textSecondary">
        instance count unknown: <code>{countUnknown}</code> (this entity stands
        for every instance of <code>{address}</code>)
      </Typography>
    );
  }
  return (
    <>
      {key !== undefined && (
        <>
          <code>{JSON.stringify(key)}</code> of{' '}
        </>
      )}
      <code>{address}</code>
    </>
  );
}
