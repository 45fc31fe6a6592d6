import { Entity } from '@backstage/catalog-model';
import Tooltip from '@material-ui/core/Tooltip';
import Typography from '@material-ui/core/Typography';
import { authTierInfo } from '@internal/backstage-plugin-infra-common';
import { readInfraFacts } from '../../lib/infraFacts';

/**
 * The auth tier of one catalog row, with its meaning on hover. Entities
 * without the annotation (not exposed, or not from the infra repo) stay
 * blank; a value that is not a tier is shown as unreadable.
 */
export function AuthTierCell(props: { entity: Entity }) {
  const { authTier } = readInfraFacts(props.entity);
  switch (authTier.state) {
    case 'known':
      return (
        <Tooltip title={authTierInfo(authTier.value).meaning}>
          <span>{authTier.value}</span>
        </Tooltip>
      );
    case 'unresolved':
      return (
        <Typography component="span" variant="body2" color="textSecondary">
          unresolved: <code>{authTier.expression}</code>
        </Typography>
      );
    case 'invalid':
      return (
        <Typography component="span" variant="body2" color="error">
          unreadable: <code>{authTier.raw}</code>
        </Typography>
      );
    default:
      return null;
  }
}
