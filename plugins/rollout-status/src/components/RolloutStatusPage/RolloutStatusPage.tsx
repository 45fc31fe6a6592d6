import { Content, Link, Progress } from '@backstage/core-components';
import { useApi, useRouteRef } from '@backstage/frontend-plugin-api';
import { Grid, Typography } from '@material-ui/core';
import { TargetSummary } from '@internal/backstage-plugin-rollout-status-common';
import { useSearchParams } from 'react-router-dom';
import useAsync from 'react-use/esm/useAsync';
import { driftRouteRef } from '../../routes';
import { rolloutStatusApiRef } from '../../api/RolloutStatusApi';
import { useTargetStatuses } from '../../hooks/useTargetStatuses';
import { useNow } from '../../hooks/useNow';
import { ErrorNotice } from '../ErrorNotice';
import { TargetStatusView } from '../TargetStatusPanel';
import { TARGET_PARAM, TargetSwitcher } from '../TargetSwitcher';
import { REFRESH_INTERVAL_MS } from '../../lib/time';

/** Targets in the backend's order; the chosen one is in the URL. */
const TargetsView = (props: { targets: TargetSummary[] }) => {
  const { targets } = props;
  const [searchParams] = useSearchParams();
  const asked = searchParams.get(TARGET_PARAM);
  const chosen = targets.find(t => t.targetId === asked) ?? targets[0];
  const statuses = useTargetStatuses(targets.map(t => t.targetId));
  const now = useNow();

  return (
    <Grid container spacing={3}>
      <Grid item xs={12} md={4} lg={3}>
        <TargetSwitcher
          targets={targets}
          selectedId={chosen.targetId}
          statuses={statuses}
          now={now}
        />
      </Grid>
      <Grid item xs={12} md={8} lg={9}>
        {asked !== null && asked !== chosen.targetId && (
          <Typography variant="body2" role="status" paragraph>
            No target has the id “{asked}” (the URL's <code>target</code>);
            showing {chosen.title}. Pick one from the list.
          </Typography>
        )}
        <TargetStatusView
          target={chosen}
          state={statuses[chosen.targetId] ?? { loading: true }}
        />
      </Grid>
    </Grid>
  );
};

/**
 * The page: every target the backend watches with its verdict, and the
 * chosen one (`?target=<id>`) with every check in detail.
 */
export const RolloutStatusPage = () => {
  const api = useApi(rolloutStatusApiRef);
  const targets = useAsync(() => api.getTargets(), [api]);
  const driftLink = useRouteRef(driftRouteRef);

  return (
    <Content>
      <Typography variant="body2" color="textSecondary" paragraph>
        Is it safe to roll now? Pick a target; each refreshes every{' '}
        {REFRESH_INTERVAL_MS / 1000} s, and grey means unknown, never healthy. A
        snapshot shows the verdict it recorded, marked “Not live”. Declared
        against live for every workload:{' '}
        <Link to={driftLink?.() ?? '/drift'}>Drift</Link>.
      </Typography>
      {targets.loading && <Progress />}
      {targets.error && (
        <ErrorNotice what="the rollout-status targets" error={targets.error} />
      )}
      {targets.value && targets.value.targets.length === 0 && (
        <Typography variant="body1">
          The rollout-status backend watches no targets. Configure them under
          rolloutStatus in app-config.yaml.
        </Typography>
      )}
      {targets.value && targets.value.targets.length > 0 && (
        <TargetsView targets={targets.value.targets} />
      )}
    </Content>
  );
};
