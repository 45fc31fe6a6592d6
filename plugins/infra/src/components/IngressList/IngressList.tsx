import Chip from '@material-ui/core/Chip';
import { EntityRefLink } from '@backstage/plugin-catalog-react';
import { IngressFacts, ReadList } from '../../lib/details';
import { HostLink } from '../HostLink';
import { ReadValueView } from '../ReadValueView';

function IngressLine(props: { ingress: IngressFacts }) {
  const { link, host, authTier, paths, anubis } = props.ingress;
  return (
    <>
      <HostLink host={host} path={paths[0]} />
      {paths.length > 0 && <code> {paths.join(', ')}</code>}{' '}
      <ReadValueView
        value={authTier}
        missing="auth tier unknown"
        render={tier => <Chip size="small" label={`auth ${tier}`} />}
      />
      {anubis.state === 'known' && anubis.value && (
        <>
          {' '}
          <Chip size="small" variant="outlined" label="Anubis" />
        </>
      )}
      {link && (
        <>
          {' '}
          <EntityRefLink entityRef={link.ref} title={link.name} />
        </>
      )}
    </>
  );
}

/**
 * Every ingress in front of a workload. A path carve-out is its own ingress
 * with its own tier, so one workload can be reached through several.
 */
export function IngressList(props: { ingresses: ReadList<IngressFacts> }) {
  return (
    <ReadValueView
      value={props.ingresses}
      missing="not recorded"
      render={ingresses =>
        ingresses.length === 0 ? (
          'no ingress fronts this workload'
        ) : (
          <ul style={{ margin: 0, paddingLeft: '1.2em' }}>
            {ingresses.map((ingress, index) => (
              <li key={index}>
                <ReadValueView
                  value={ingress}
                  missing=""
                  render={facts => <IngressLine ingress={facts} />}
                />
              </li>
            ))}
          </ul>
        )
      }
    />
  );
}
