import { SystemDetails } from '@internal/backstage-plugin-infra-common';
import { InfraField } from '../InfraField';

/** A stack: its namespaces, how many files were read, and whether all parsed. */
export function SystemDetailFields(props: { details: SystemDetails }) {
  const { details } = props;
  const namespaces = Array.isArray(details.namespaces)
    ? details.namespaces
    : [];
  const files = Array.isArray(details.files) ? details.files : [];
  return (
    <>
      <InfraField label="Namespaces">
        {namespaces.length > 0 ? namespaces.join(', ') : 'none recorded'}
      </InfraField>
      <InfraField label="Files read">{files.length}</InfraField>
      <InfraField label="Parses">
        {details.hasParseErrors
          ? 'no: a file does not parse (see the findings)'
          : 'yes'}
      </InfraField>
    </>
  );
}
