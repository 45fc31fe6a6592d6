import Typography from '@material-ui/core/Typography';
import { Link } from '@backstage/core-components';
import { hostUrl } from '@internal/backstage-plugin-infra-common';
import { ReadValue } from '../../lib/readValue';
import { ReadValueView } from '../ReadValueView';

/**
 * The public host of an ingress, opened over HTTPS (every ingress
 * terminates TLS at Traefik). Only a full hostname becomes a link: a bare
 * label or an unresolved expression would be a broken one, so it is shown
 * for what it is.
 */
export function HostLink(props: { host: ReadValue<string>; path?: string }) {
  return (
    <ReadValueView
      value={props.host}
      missing="no host recorded"
      render={host => {
        const url = hostUrl(host, props.path);
        if (url) return <Link to={url}>{host}</Link>;
        return (
          <Typography component="span" variant="body2" color="textSecondary">
            <code>{host}</code> (not a full hostname, so no link)
          </Typography>
        );
      }}
    />
  );
}
