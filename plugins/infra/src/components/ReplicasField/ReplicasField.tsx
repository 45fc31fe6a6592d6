import Chip from '@material-ui/core/Chip';
import { ReadValue } from '../../lib/readValue';
import { LiveManagedValue } from '../LiveManagedValue';
import { ReadValueView } from '../ReadValueView';

export interface ReplicasFieldProps {
  replicas: ReadValue<number>;
  criticalPath: ReadValue<boolean>;
  /** Who scales it live (an autoscaler, an on-demand scaler), when something does. */
  liveManager?: string;
}

/**
 * Desired replicas, with a badge when the service is on the critical path
 * (those run 3 replicas behind a PDB; a shortfall is reported as a finding).
 * When something else scales it, the declared count is only a seed.
 */
export function ReplicasField(props: ReplicasFieldProps) {
  const { replicas, criticalPath, liveManager } = props;
  return (
    <>
      <LiveManagedValue
        value={replicas}
        manager={liveManager}
        missing="no replica count recorded"
      />
      {criticalPath.state === 'known' && criticalPath.value && (
        <>
          {' '}
          <Chip size="small" color="secondary" label="critical path" />
        </>
      )}
      {criticalPath.state === 'unresolved' && (
        <>
          {' '}
          <ReadValueView value={criticalPath} missing="" />
        </>
      )}
    </>
  );
}
