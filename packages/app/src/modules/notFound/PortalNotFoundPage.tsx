import { Content, Link } from '@backstage/core-components';
import {
  configApiRef,
  NotFoundErrorPageProps,
  useApi,
} from '@backstage/frontend-plugin-api';
import { Box, Button, Typography } from '@material-ui/core';
import { useLocation, useNavigate } from 'react-router-dom';

/** Whom to ask, from `app.support`; none when it is not configured. */
function useSupport(): { url: string; title: string } | undefined {
  const support = useApi(configApiRef).getOptionalConfig('app.support');
  if (!support) return undefined;
  const first = support.getOptionalConfigArray('items')?.[0];
  return {
    url: support.getString('url'),
    title: first?.getString('title') ?? 'Support',
  };
}

/**
 * The portal's "page not found": where the reader was, where to go
 * instead, and whom to ask (`app.support`), never Backstage's own tracker.
 */
export const PortalNotFoundPage = (props: NotFoundErrorPageProps) => {
  const { pathname } = useLocation();
  const navigate = useNavigate();
  const support = useSupport();
  return (
    <Content>
      <Box maxWidth={720} data-testid="not-found">
        <Typography variant="overline" component="p">
          Error 404: page not found
        </Typography>
        <Typography variant="h4" component="h1" gutterBottom>
          The portal has no page here
        </Typography>
        <Typography variant="body1" paragraph>
          Nothing is at <code>{pathname}</code>. The link may be old, the entity
          may have left the catalog, or the page may be for admins only.
        </Typography>
        {props.children}
        <Typography variant="body1" paragraph>
          <Link to="/">Open the catalog</Link> ·{' '}
          <Link to="/search">Search</Link> ·{' '}
          <Button size="small" variant="text" onClick={() => navigate(-1)}>
            Go back
          </Button>
        </Typography>
        {support && (
          <Typography variant="body2" paragraph>
            Think something should be here? {support.title}:{' '}
            <Link to={support.url}>ask them</Link>.
          </Typography>
        )}
      </Box>
    </Content>
  );
};
