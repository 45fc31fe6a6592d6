import { Link } from '@backstage/core-components';
import { ReadValue } from '../../lib/readValue';
import { ReadValueView } from '../ReadValueView';

/** The public host of an ingress, opened over HTTPS (every ingress terminates TLS at Traefik). */
export function HostLink(props: { host: ReadValue<string> }) {
  return (
    <ReadValueView
      value={props.host}
      missing="no host recorded"
      render={host => <Link to={`https://${host}`}>{host}</Link>}
    />
  );
}
