import { EntityRefLink } from '@backstage/plugin-catalog-react';
import { PdbFacts } from '../../lib/details';
import { ReadValue } from '../../lib/readValue';
import { ReadValueView } from '../ReadValueView';

/** The bounds of a PodDisruptionBudget; a bound that is not set is left out. */
export function PdbBounds(props: { pdb: PdbFacts }) {
  const { minAvailable, maxUnavailable } = props.pdb;
  const parts = [
    { label: 'minAvailable', value: minAvailable },
    { label: 'maxUnavailable', value: maxUnavailable },
  ].filter(part => part.value.state !== 'missing');
  if (parts.length === 0) return <>no minAvailable or maxUnavailable set</>;
  return (
    <>
      {parts.map((part, index) => (
        <span key={part.label}>
          {index > 0 && ', '}
          {part.label} <ReadValueView value={part.value} missing="" />
        </span>
      ))}
    </>
  );
}

/** The PDB protecting a workload (linked), or a plain statement that there is none. */
export function PdbSummary(props: { pdb: ReadValue<PdbFacts> }) {
  return (
    <ReadValueView
      value={props.pdb}
      missing="no PodDisruptionBudget selects this workload"
      render={pdb => (
        <>
          <PdbBounds pdb={pdb} />
          {pdb.link && (
            <>
              {' ('}
              <EntityRefLink entityRef={pdb.link.ref} title={pdb.link.name} />)
            </>
          )}
        </>
      )}
    />
  );
}
