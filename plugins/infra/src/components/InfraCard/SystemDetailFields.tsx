import { SystemDetails } from '@internal/backstage-plugin-infra-common';
import { EntityRefLink } from '@backstage/plugin-catalog-react';
import { readSkippedFiles, readStackDependencies } from '../../lib/stackFacts';
import { InfraField } from '../InfraField';

/**
 * A stack: its namespaces, the files read and not read (an encrypted file
 * is listed as such, never as a parse error), whether all parsed, and the
 * stacks it reads outputs from.
 */
export function SystemDetailFields(props: { details: SystemDetails }) {
  const { details } = props;
  const namespaces = Array.isArray(details.namespaces)
    ? details.namespaces
    : [];
  const files = Array.isArray(details.files) ? details.files : [];
  const skipped = readSkippedFiles(details.skippedFiles);
  const dependencies = readStackDependencies(details.dependencies);
  return (
    <>
      <InfraField label="Namespaces">
        {namespaces.length > 0 ? namespaces.join(', ') : 'none recorded'}
      </InfraField>
      <InfraField label="Files read">{files.length}</InfraField>
      {skipped.length > 0 && (
        <InfraField label="Files not read">
          <ul style={{ margin: 0, paddingLeft: '1.2em' }}>
            {skipped.map(f => (
              <li key={f.file}>
                <code>{f.file}</code>: {f.why}
              </li>
            ))}
          </ul>
        </InfraField>
      )}
      <InfraField label="Parses">
        {details.hasParseErrors
          ? 'no: a file does not parse (see the findings)'
          : 'yes'}
      </InfraField>
      {details.dependencies !== undefined && (
        <InfraField label="Depends on">
          {dependencies.length === 0
            ? 'no Terragrunt dependency blocks'
            : dependencies.map((d, index) => (
                <span key={d.name}>
                  {index > 0 && ', '}
                  {d.target ? (
                    <EntityRefLink
                      entityRef={d.target.ref}
                      title={d.target.name}
                    />
                  ) : (
                    <>
                      <code>{d.configPath}</code>{' '}
                      {d.stack
                        ? `(no stack ${d.stack} in the repo)`
                        : '(not a stack folder)'}
                    </>
                  )}
                </span>
              ))}
        </InfraField>
      )}
    </>
  );
}
