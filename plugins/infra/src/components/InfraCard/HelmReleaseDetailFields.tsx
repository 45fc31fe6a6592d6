import { HelmReleaseDetails } from '@internal/backstage-plugin-infra-common';
import {
  readCount,
  readLinks,
  readPdbBounds,
  readText,
} from '../../lib/details';
import { readSourceRef, SourceRefFacts } from '../../lib/sourceRef';
import { liveManagerOf, readLiveManaged } from '../../lib/workloadFacts';
import { InfraField } from '../InfraField';
import { LiveManagedValue } from '../LiveManagedValue';
import { PdbBounds } from '../PdbSummary';
import { ReadValueView } from '../ReadValueView';
import { RelatedEntityLinks } from '../RelatedEntityLinks';
import { ResourcesSummary } from '../ResourcesSummary';
import { SourceRefLink } from '../SourceRefLink';

/** ` (key at file:line)`: where the values declare it. */
function DeclaredAt(props: { declared: { key?: unknown; source?: unknown } }) {
  const source = readSourceRef(props.declared.source);
  const key =
    typeof props.declared.key === 'string' ? props.declared.key : undefined;
  if (!key && !source) return null;
  return (
    <>
      {' ('}
      {key && <code>{key}</code>}
      {key && source && ' at '}
      {source && <SourceRefLink source={source} />})
    </>
  );
}

/** A Helm release: what it installs and what its values declare, wherever they are written. */
export function HelmReleaseDetailFields(props: {
  details: HelmReleaseDetails;
}) {
  const { details } = props;
  const declared = details.declared ?? {};
  const live = readLiveManaged(details.liveManaged);
  const valuesFiles = (
    Array.isArray(details.valuesFiles) ? details.valuesFiles : []
  )
    .map(readSourceRef)
    .filter((s): s is SourceRefFacts => !!s);
  const unreadValues = Array.isArray(details.valuesUnresolved)
    ? details.valuesUnresolved.filter((v): v is string => typeof v === 'string')
    : [];
  return (
    <>
      <InfraField label="Chart">
        <ReadValueView
          value={readText(details.chart)}
          missing="no chart recorded"
          render={chart => <code>{chart}</code>}
        />{' '}
        <ReadValueView
          value={readText(details.version)}
          missing="(version not pinned)"
        />
      </InfraField>
      <InfraField label="Repository">
        <ReadValueView
          value={readText(details.repository)}
          missing="not written"
          render={repo => <code>{repo}</code>}
        />
      </InfraField>
      <InfraField label="Release">
        <ReadValueView
          value={readText(details.name)}
          missing="no name recorded"
        />
        {details.namespace !== undefined && (
          <>
            {' in '}
            <ReadValueView value={readText(details.namespace)} missing="" />
          </>
        )}
      </InfraField>
      <InfraField label="Values">
        {valuesFiles.length === 0 && unreadValues.length === 0 && 'none read'}
        {valuesFiles.map((source, index) => (
          <span key={source.file}>
            {index > 0 && ', '}
            <SourceRefLink source={source} />
          </span>
        ))}
        {unreadValues.length > 0 && (
          <>
            {valuesFiles.length > 0 && '; '}
            not read: <code>{unreadValues.join(', ')}</code>
          </>
        )}
      </InfraField>
      {declared.replicas && (
        <InfraField label="Replicas">
          <LiveManagedValue
            value={readCount(declared.replicas.value)}
            manager={liveManagerOf(live, 'replicas')}
            missing=""
          />
          <DeclaredAt declared={declared.replicas} />
        </InfraField>
      )}
      {declared.pdb && (
        <InfraField label="PDB">
          {declared.pdb.enabled === false ? (
            'disabled'
          ) : (
            <PdbBounds pdb={readPdbBounds(declared.pdb)} />
          )}
          <DeclaredAt declared={declared.pdb} />
        </InfraField>
      )}
      {(declared.imageRepository || declared.imageTag) && (
        <InfraField label="Image">
          {declared.imageRepository && (
            <ReadValueView
              value={readText(declared.imageRepository.value)}
              missing=""
              render={repo => <code>{repo}</code>}
            />
          )}
          {declared.imageTag && (
            <>
              {declared.imageRepository && ' '}
              tag{' '}
              <LiveManagedValue
                value={readText(declared.imageTag.value)}
                manager={liveManagerOf(live, 'image')}
                missing=""
                render={tag => <code>{tag}</code>}
              />
              <DeclaredAt declared={declared.imageTag} />
            </>
          )}
        </InfraField>
      )}
      {declared.resources && (
        <InfraField label="Resources">
          <ResourcesSummary
            memoryRequest={declared.resources.memoryRequest}
            memoryLimit={declared.resources.memoryLimit}
            cpuRequest={declared.resources.cpuRequest}
            cpuLimit={declared.resources.cpuLimit}
          />
          <DeclaredAt declared={declared.resources} />
        </InfraField>
      )}
      <InfraField label="Deploys">
        <RelatedEntityLinks
          links={readLinks(details.workloads)}
          none="no workload modelled for this chart (its values are above)"
        />
      </InfraField>
    </>
  );
}
