import { PdbDetails } from '@internal/backstage-plugin-infra-common';
import { readLinks, readPdbBounds } from '../../lib/details';
import { InfraField } from '../InfraField';
import { PdbBounds } from '../PdbSummary';
import { RelatedEntityLinks } from '../RelatedEntityLinks';

/** A PodDisruptionBudget: its bounds, its selector and the workloads it protects. */
export function PdbDetailFields(props: { details: PdbDetails }) {
  const { details } = props;
  const selector = Object.entries(details.selector ?? {});
  return (
    <>
      <InfraField label="Disruption budget">
        <PdbBounds pdb={readPdbBounds(details)} />
      </InfraField>
      <InfraField label="Selector">
        {selector.length > 0 ? (
          <code>{selector.map(([k, v]) => `${k}=${v}`).join(', ')}</code>
        ) : (
          'no selector recorded'
        )}
      </InfraField>
      <InfraField label="Protects">
        <RelatedEntityLinks
          links={readLinks(details.selects)}
          none="no workload found for the selector"
        />
      </InfraField>
    </>
  );
}
