import { readText } from '../../lib/details';
import { ReadValueView } from '../ReadValueView';

export interface ResourcesSummaryProps {
  memoryRequest: unknown;
  memoryLimit: unknown;
  cpuRequest: unknown;
  cpuLimit: unknown;
}

/**
 * Memory and CPU as written. The infra sets memory request = limit and no
 * CPU limit; a value that breaks that is reported as a finding, so this
 * only states the facts.
 */
export function ResourcesSummary(props: ResourcesSummaryProps) {
  return (
    <>
      memory{' '}
      <ReadValueView
        value={readText(props.memoryRequest)}
        missing="no request"
      />
      {' / '}
      <ReadValueView value={readText(props.memoryLimit)} missing="no limit" />
      {'; cpu '}
      <ReadValueView value={readText(props.cpuRequest)} missing="no request" />
      {' / '}
      <ReadValueView value={readText(props.cpuLimit)} missing="no limit" />
    </>
  );
}
