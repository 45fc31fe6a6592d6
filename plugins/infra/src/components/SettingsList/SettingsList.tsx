import { isUnresolvedValue } from '@internal/backstage-plugin-infra-common';
import { InfraField } from '../InfraField';

/**
 * Key/value settings as written in the source (e.g. the `[pgbouncer]`
 * section of `pgbouncer.ini`). Keys keep their spelling so they can be
 * searched for in the repo. Renders fields for an `InfraFieldList`.
 */
export function SettingsList(props: { settings: unknown }) {
  const { settings } = props;
  if (typeof settings !== 'object' || settings === null) return null;
  return (
    <>
      {Object.entries(settings).map(([key, value]) => (
        <InfraField key={key} label={key}>
          {isUnresolvedValue(value) ? (
            <>
              unresolved: <code>{value.unresolved}</code>
            </>
          ) : (
            <code>
              {typeof value === 'string' ? value : JSON.stringify(value)}
            </code>
          )}
        </InfraField>
      ))}
    </>
  );
}
