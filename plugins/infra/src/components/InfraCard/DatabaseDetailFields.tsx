import { DatabaseDetails } from '@internal/backstage-plugin-infra-common';
import { readCount, linkList, readLink, readStorage } from '../../lib/details';
import { InfraField } from '../InfraField';
import { ReadValueView } from '../ReadValueView';
import { RelatedEntityLinks } from '../RelatedEntityLinks';
import { StorageSummary } from '../StorageSummary';

/** A database server (CNPG cluster, MySQL) or one logical database on it. */
export function DatabaseDetailFields(props: { details: DatabaseDetails }) {
  const { details } = props;
  const server = readLink(details.server);
  const hosts = Array.isArray(details.hosts) ? details.hosts : [];
  return (
    <>
      <InfraField label="Engine">
        {details.engine ?? 'unknown'}
        {details.role && ` (${details.role})`}
      </InfraField>
      {details.declaredBy && (
        <InfraField label="Declared by">
          <code>{details.declaredBy}</code>
        </InfraField>
      )}
      {server && (
        <InfraField label="Server">
          <RelatedEntityLinks links={linkList(server)} none="" />
        </InfraField>
      )}
      <InfraField label="Hosts">
        {hosts.length > 0 ? (
          <code>{hosts.join(', ')}</code>
        ) : (
          'no host recorded'
        )}
      </InfraField>
      {details.role !== 'database' && (
        <>
          <InfraField label="Instances">
            <ReadValueView
              value={readCount(details.instances)}
              missing="not recorded"
            />
          </InfraField>
          <InfraField label="Storage">
            <StorageSummary volumes={readStorage(details.storage)} />
          </InfraField>
        </>
      )}
    </>
  );
}
