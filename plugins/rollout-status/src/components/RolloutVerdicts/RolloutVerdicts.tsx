import { Link, Progress } from '@backstage/core-components';
import { useApi, useRouteRef } from '@backstage/frontend-plugin-api';
import { Box, Typography } from '@material-ui/core';
import { TargetSummary } from '@internal/backstage-plugin-rollout-status-common';
import useAsync from 'react-use/esm/useAsync';
import { rolloutStatusApiRef } from '../../api/RolloutStatusApi';
import { useTargetStatuses } from '../../hooks/useTargetStatuses';
import { useNow } from '../../hooks/useNow';
import { useStaleAfterMs } from '../../hooks/useStaleAfterMs';
import { answerPreflight } from '../../lib/preflight';
import { rootRouteRef } from '../../routes';
import { ErrorNotice } from '../ErrorNotice';
import { PreflightAnswerBadges } from '../PreflightVerdict';
import { VerdictBadge } from '../VerdictBadge';
import { targetHref } from '../TargetSwitcher';

const VerdictList = (props: { targets: TargetSummary[] }) => {
  const statuses = useTargetStatuses(props.targets.map(t => t.targetId));
  const now = useNow();
  const staleAfterMs = useStaleAfterMs();
  const page = useRouteRef(rootRouteRef);
  return (
    <Box component="ul" style={{ listStyle: 'none', margin: 0, padding: 0 }}>
      {props.targets.map(target => {
        const state = statuses[target.targetId];
        let badges = <VerdictBadge verdict="unknown" text="Loading…" />;
        if (state?.value) {
          badges = (
            <PreflightAnswerBadges
              answer={answerPreflight(state.value, now, staleAfterMs)}
            />
          );
        } else if (state && !state.loading) {
          badges = <VerdictBadge verdict="unknown" text="Could not load" />;
        }
        const title = page ? (
          <Link to={`${page()}${targetHref(target.targetId)}`}>
            {target.title}
          </Link>
        ) : (
          target.title
        );
        return (
          <Box
            component="li"
            key={target.targetId}
            data-testid="rollout-verdict"
            display="flex"
            justifyContent="space-between"
            alignItems="center"
            style={{ gap: 8, padding: '4px 0' }}
          >
            <Typography variant="body2" component="span">
              {title}
            </Typography>
            <span style={{ whiteSpace: 'nowrap' }}>{badges}</span>
          </Box>
        );
      })}
    </Box>
  );
};

/**
 * "Safe to roll now?" for every target in one list, each linking to the
 * target on the rollout-status page: the answer the page gives, snapshots
 * by their recorded verdict and marked "Not live".
 */
export const RolloutVerdicts = () => {
  const api = useApi(rolloutStatusApiRef);
  const targets = useAsync(() => api.getTargets(), [api]);
  if (targets.loading) return <Progress />;
  if (targets.error) {
    return (
      <ErrorNotice what="the rollout-status targets" error={targets.error} />
    );
  }
  if (!targets.value?.targets.length) {
    return (
      <Typography variant="body2">
        The rollout-status backend watches no targets.
      </Typography>
    );
  }
  return <VerdictList targets={targets.value.targets} />;
};
