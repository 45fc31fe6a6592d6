import { PoolerDetails } from '@internal/backstage-plugin-infra-common';
import { linkList, readLink, readWorkloadPdb } from '../../lib/details';
import { InfraField } from '../InfraField';
import { PdbSummary } from '../PdbSummary';
import { RelatedEntityLinks } from '../RelatedEntityLinks';
import { SettingsList } from '../SettingsList';

/** A connection pooler: the databases it fronts and its pool settings from the `.ini`. */
export function PoolerDetailFields(props: { details: PoolerDetails }) {
  const { details } = props;
  const databases = Array.isArray(details.databases) ? details.databases : [];
  return (
    <>
      <InfraField label="PDB">
        <PdbSummary pdb={readWorkloadPdb(details.pdb)} />
      </InfraField>
      <InfraField label="Fronts">
        {databases.length === 0
          ? 'no database recorded in the [databases] section'
          : databases.map((db, index) => {
              const target = readLink(db.target);
              return (
                <span key={index}>
                  {index > 0 && ', '}
                  <code>{db.name}</code>
                  {target && (
                    <>
                      {' → '}
                      <RelatedEntityLinks links={linkList(target)} none="" />
                    </>
                  )}
                </span>
              );
            })}
      </InfraField>
      {details.serviceHost && (
        <InfraField label="Clients connect to">
          <code>{details.serviceHost}</code>
        </InfraField>
      )}
      <SettingsList settings={details.settings} />
    </>
  );
}
