import { Link } from '@backstage/core-components';
import { Typography } from '@material-ui/core';

/** The two infra wizards, in words a namespace owner recognises. */
export const AddAnApp = () => (
  <>
    <Typography variant="body2" paragraph>
      The wizards write the Terraform the infra repo expects (auth tier, memory
      request = limit, the lifecycle labels) and open a pull request for the
      platform team to review. Nothing is applied until it is merged.
    </Typography>
    <ul style={{ margin: 0, paddingLeft: 20 }}>
      <li>
        <Typography variant="body2">
          <Link to="/create/templates/default/infra-new-app">
            A new app in a namespace you own
          </Link>
          : a Deployment, its Service and, if it is reachable, a host.
        </Typography>
      </li>
      <li>
        <Typography variant="body2">
          <Link to="/create/templates/default/infra-add-ingress">
            A host for an existing app
          </Link>
          : an ingress with its auth tier.
        </Typography>
      </li>
      <li>
        <Typography variant="body2">
          <Link to="/create">Every template</Link>
        </Typography>
      </li>
    </ul>
  </>
);
