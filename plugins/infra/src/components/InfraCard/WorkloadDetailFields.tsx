import {
  CronJobDetails,
  ServiceDetails,
} from '@internal/backstage-plugin-infra-common';
import {
  readIngresses,
  readLinks,
  readStorage,
  readText,
  readWorkloadPdb,
} from '../../lib/details';
import { IngressList } from '../IngressList';
import { InfraField } from '../InfraField';
import { PdbSummary } from '../PdbSummary';
import { ReadValueView } from '../ReadValueView';
import { RelatedEntityLinks } from '../RelatedEntityLinks';
import { ResourcesSummary } from '../ResourcesSummary';
import { StorageSummary } from '../StorageSummary';

/** What protects a service (or CronJob), where its data lives and what it depends on. */
export function WorkloadDetailFields(props: {
  details: ServiceDetails | CronJobDetails;
}) {
  const { details } = props;
  const isService = details.kind === 'service';
  return (
    <>
      {isService && (
        <InfraField label="Ingresses">
          <IngressList ingresses={readIngresses(details.ingresses)} />
        </InfraField>
      )}
      {isService && (
        <InfraField label="PDB">
          <PdbSummary pdb={readWorkloadPdb(details.pdb)} />
        </InfraField>
      )}
      {isService && (
        <InfraField label="Strategy">
          <ReadValueView
            value={readText(details.strategy)}
            missing="not written (Kubernetes default: RollingUpdate)"
          />
        </InfraField>
      )}
      {details.kind === 'cronjob' && (
        <InfraField label="Schedule">
          <ReadValueView
            value={readText(details.schedule)}
            missing="no schedule recorded"
            render={schedule => <code>{schedule}</code>}
          />
        </InfraField>
      )}
      <InfraField label="Resources">
        <ResourcesSummary
          memoryRequest={details.memoryRequest}
          memoryLimit={details.memoryLimit}
          cpuRequest={details.cpuRequest}
          cpuLimit={details.cpuLimit}
        />
      </InfraField>
      <InfraField label="Storage">
        <StorageSummary volumes={readStorage(details.storage)} />
      </InfraField>
      <InfraField label="Database">
        <RelatedEntityLinks
          links={readLinks(details.databases)}
          none="no database"
        />
      </InfraField>
      <InfraField label="Pooler">
        <RelatedEntityLinks
          links={readLinks(details.poolers)}
          none="no connection pooler"
        />
      </InfraField>
    </>
  );
}
