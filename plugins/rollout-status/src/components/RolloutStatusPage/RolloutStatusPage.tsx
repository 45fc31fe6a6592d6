import { Content, Link, Progress } from '@backstage/core-components';
import { useApi, useRouteRef } from '@backstage/frontend-plugin-api';
import { driftRouteRef } from '../../routes';
import { Typography } from '@material-ui/core';
import useAsync from 'react-use/esm/useAsync';
import { rolloutStatusApiRef } from '../../api/RolloutStatusApi';
import { ErrorNotice } from '../ErrorNotice';
import { TargetStatusPanel } from '../TargetStatusPanel';
import { REFRESH_INTERVAL_MS } from '../../lib/time';

/** The page: every target the backend watches, every check in detail. */
export const RolloutStatusPage = () => {
  const api = useApi(rolloutStatusApiRef);
  const targets = useAsync(() => api.getTargets(), [api]);
  const driftLink = useRouteRef(driftRouteRef);

  return (
    <Content>
      <Typography variant="body2" color="textSecondary" paragraph>
        Is it safe to roll authentik now? Each check refreshes every{' '}
        {REFRESH_INTERVAL_MS / 1000} s; grey means unknown, never healthy.
        Declared against live for every workload:{' '}
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
      {targets.value?.targets.map(target => (
        <TargetStatusPanel key={target.targetId} target={target} />
      ))}
    </Content>
  );
};
