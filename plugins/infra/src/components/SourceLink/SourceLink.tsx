import { Entity } from '@backstage/catalog-model';
import { Link } from '@backstage/core-components';
import Typography from '@material-ui/core/Typography';
import { readSourceLink } from '../../lib/sourceLink';

/** Where in the infra repo this entity is defined, down to the line. */
export function SourceLink(props: { entity: Entity }) {
  const target = readSourceLink(props.entity);
  if (!target) {
    return (
      <Typography component="span" variant="body2" color="textSecondary">
        missing: no backstage.io/edit-url or backstage.io/source-location
        annotation
      </Typography>
    );
  }
  if (!target.url) return <code>{target.label}</code>;
  return (
    <Link to={target.url}>
      <code>{target.label}</code>
    </Link>
  );
}
