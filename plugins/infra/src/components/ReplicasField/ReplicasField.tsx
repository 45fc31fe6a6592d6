import Chip from '@material-ui/core/Chip';
import { ReadValue } from '../../lib/readValue';
import { ReadValueView } from '../ReadValueView';

export interface ReplicasFieldProps {
  replicas: ReadValue<number>;
  criticalPath: ReadValue<boolean>;
}

/**
 * Desired replicas, with a badge when the service is on the critical path
 * (those run 3 replicas behind a PDB; a shortfall is reported as a finding).
 */
export function ReplicasField(props: ReplicasFieldProps) {
  const { replicas, criticalPath } = props;
  return (
    <>
      <ReadValueView value={replicas} missing="no replica count recorded" />
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
