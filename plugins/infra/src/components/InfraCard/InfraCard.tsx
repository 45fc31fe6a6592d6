import { Entity } from '@backstage/catalog-model';
import { InfoCard } from '@backstage/core-components';
import { useEntity } from '@backstage/plugin-catalog-react';
import {
  INFRA_ANNOTATIONS,
  InfraDetails,
  readInfraDetails,
} from '@internal/backstage-plugin-infra-common';
import { readInfraFacts } from '../../lib/infraFacts';
import { liveManagerOf, readLiveManaged } from '../../lib/workloadFacts';
import { InfraField, InfraFieldList } from '../InfraField';
import { ReadValueView } from '../ReadValueView';
import { ReplicasField } from '../ReplicasField';
import { SourceLink } from '../SourceLink';
import { DatabaseDetailFields } from './DatabaseDetailFields';
import { DetailsProblem } from './DetailsProblem';
import { ExposureFields } from './ExposureFields';
import { HelmReleaseDetailFields } from './HelmReleaseDetailFields';
import { IngressDetailFields } from './IngressDetailFields';
import { PdbDetailFields } from './PdbDetailFields';
import { PoolerDetailFields } from './PoolerDetailFields';
import { SystemDetailFields } from './SystemDetailFields';
import { WorkloadDetailFields } from './WorkloadDetailFields';

/** Which details kind each entity carries, and what the card reads from it. */
const DETAIL_FACTS: Record<InfraDetails['kind'], string> = {
  service: 'ingresses, PDB, resources, storage, database and pooler',
  'daemon-set': 'resources, storage, database and pooler',
  job: 'resources, storage, database and pooler',
  'helm-release': 'chart, version, values and the workloads it deploys',
  cronjob: 'schedule, resources, storage, database and pooler',
  ingress: 'paths and backend',
  'pod-disruption-budget': 'the PDB bounds and what it protects',
  'connection-pooler': 'the databases it fronts and the pool settings',
  database: 'engine, hosts and storage',
  system: 'namespaces and files',
};

function expectedKind(entity: Entity): InfraDetails['kind'] | undefined {
  if (entity.kind.toLowerCase() === 'system') return 'system';
  const type = String(entity.spec?.type ?? '');
  return type in DETAIL_FACTS ? (type as InfraDetails['kind']) : undefined;
}

/** The part of the card read from the details annotation. */
function DetailFields(props: { entity: Entity }) {
  const { entity } = props;
  const kind = expectedKind(entity);
  const parsed = readInfraDetails(
    entity.metadata.annotations?.[INFRA_ANNOTATIONS.details],
  );
  const facts = kind ? DETAIL_FACTS[kind] : 'its settings';
  if (parsed.state === 'missing') return <DetailsProblem facts={facts} />;
  if (parsed.state === 'invalid') {
    return <DetailsProblem reason={parsed.reason} facts={facts} />;
  }
  const { details } = parsed;
  if (kind && details.kind !== kind) {
    return (
      <DetailsProblem
        reason={`describes a ${details.kind}, not a ${kind}`}
        facts={facts}
      />
    );
  }
  switch (details.kind) {
    case 'service':
    case 'daemon-set':
    case 'job':
    case 'cronjob':
      return <WorkloadDetailFields details={details} />;
    case 'helm-release':
      return <HelmReleaseDetailFields details={details} />;
    case 'ingress':
      return <IngressDetailFields details={details} />;
    case 'pod-disruption-budget':
      return <PdbDetailFields details={details} />;
    case 'connection-pooler':
      return <PoolerDetailFields details={details} />;
    case 'database':
      return <DatabaseDetailFields details={details} />;
    case 'system':
      return <SystemDetailFields details={details} />;
    default:
      return (
        <DetailsProblem
          reason={`unknown kind '${(details as { kind: string }).kind}'`}
          facts={facts}
        />
      );
  }
}

/**
 * What the infra repo says about this entity: how it is exposed, what
 * protects it, what it depends on, and the line of Terraform it comes from.
 * One card for every infra entity type; the fields adapt to the type.
 */
export function InfraCard() {
  const { entity } = useEntity();
  const facts = readInfraFacts(entity);
  const kind = expectedKind(entity);
  const exposed =
    kind === 'service' ||
    kind === 'daemon-set' ||
    kind === 'cronjob' ||
    kind === 'ingress';
  // DaemonSets run one pod per node and Jobs run to completion: no replica count.
  const runsPods = kind === 'service' || kind === 'connection-pooler';
  const parsed = readInfraDetails(
    entity.metadata.annotations?.[INFRA_ANNOTATIONS.details],
  );
  const liveManaged = readLiveManaged(
    parsed.state === 'parsed'
      ? (parsed.details as { liveManaged?: unknown }).liveManaged
      : undefined,
  );
  return (
    <InfoCard title="Infra">
      <InfraFieldList>
        {exposed && (
          <ExposureFields
            facts={facts}
            noIngress={
              kind === 'ingress'
                ? 'missing: no auth tier, host, DNS type or Anubis recorded for this ingress'
                : 'none recorded: no ingress fronts this workload'
            }
          />
        )}
        {kind === 'daemon-set' && (
          <InfraField label="Replicas">one pod per node</InfraField>
        )}
        {runsPods && (
          <InfraField label="Replicas">
            <ReplicasField
              replicas={facts.replicas}
              criticalPath={facts.criticalPath}
              liveManager={liveManagerOf(liveManaged, 'replicas')}
            />
          </InfraField>
        )}
        <DetailFields entity={entity} />
        <InfraField label="Stack">
          <ReadValueView value={facts.stack} missing="no stack recorded" />
        </InfraField>
        {facts.tier.state !== 'missing' && (
          <InfraField label="Tier">
            <ReadValueView value={facts.tier} missing="" />
          </InfraField>
        )}
        <InfraField label="Source">
          <SourceLink entity={entity} />
        </InfraField>
      </InfraFieldList>
    </InfoCard>
  );
}
