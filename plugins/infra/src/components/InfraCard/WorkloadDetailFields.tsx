import {
  CronJobDetails,
  ServiceDetails,
} from '@internal/backstage-plugin-infra-common';
import {
  linkList,
  readIngresses,
  readLink,
  readLinks,
  readStorage,
  readText,
  readWorkloadPdb,
} from '../../lib/details';
import {
  liveManagerOf,
  readInstance,
  readLiveManaged,
} from '../../lib/workloadFacts';
import { IngressList } from '../IngressList';
import { InfraField } from '../InfraField';
import { InstanceSummary } from '../InstanceSummary';
import { LiveManagedValue } from '../LiveManagedValue';
import { PdbSummary } from '../PdbSummary';
import { ReadValueView } from '../ReadValueView';
import { RelatedEntityLinks } from '../RelatedEntityLinks';
import { ResourcesSummary } from '../ResourcesSummary';
import { StorageSummary } from '../StorageSummary';

/** What protects a workload (or CronJob), what runs, where its data lives and what it depends on. */
export function WorkloadDetailFields(props: {
  details: ServiceDetails | CronJobDetails;
}) {
  const { details } = props;
  const isCronJob = details.kind === 'cronjob';
  // Services and DaemonSets serve; a Job runs to completion.
  const serves = details.kind === 'service' || details.kind === 'daemon-set';
  const live = readLiveManaged(isCronJob ? undefined : details.liveManaged);
  const instance = readInstance(details.instance);
  const release = isCronJob ? undefined : readLink(details.helm?.releaseEntity);
  const anubisFor = isCronJob ? undefined : details.anubisFor;
  return (
    <>
      {serves && (
        <InfraField label="Ingresses">
          <IngressList ingresses={readIngresses(details.ingresses)} />
        </InfraField>
      )}
      {anubisFor !== undefined && (
        <InfraField label="Anubis for">
          <RelatedEntityLinks links={readLinks(anubisFor)} none="no ingress" />
        </InfraField>
      )}
      {serves && (
        <InfraField label="PDB">
          <PdbSummary pdb={readWorkloadPdb(details.pdb)} />
        </InfraField>
      )}
      {details.kind === 'service' && (
        <InfraField label="Strategy">
          <ReadValueView
            value={readText(details.strategy)}
            missing="not written (Kubernetes default: RollingUpdate)"
          />
        </InfraField>
      )}
      {isCronJob && (
        <InfraField label="Schedule">
          <ReadValueView
            value={readText(details.schedule)}
            missing="no schedule recorded"
            render={schedule => <code>{schedule}</code>}
          />
        </InfraField>
      )}
      <InfraField label="Image">
        <LiveManagedValue
          value={readText(details.image)}
          manager={liveManagerOf(live, 'image')}
          missing="no image recorded"
          render={image => <code>{image}</code>}
        />
      </InfraField>
      {release && (
        <InfraField label="Helm release">
          <RelatedEntityLinks links={linkList(release)} none="" />
        </InfraField>
      )}
      {instance && (
        <InfraField label="Instance">
          <InstanceSummary instance={instance} />
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
