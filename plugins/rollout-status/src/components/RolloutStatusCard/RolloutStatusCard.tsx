import { InfoCard, Progress } from '@backstage/core-components';
import { useApi, useRouteRef } from '@backstage/frontend-plugin-api';
import { stringifyEntityRef } from '@backstage/catalog-model';
import { useEntity } from '@backstage/plugin-catalog-react';
import useAsync from 'react-use/esm/useAsync';
import { rolloutStatusApiRef } from '../../api/RolloutStatusApi';
import { rootRouteRef } from '../../routes';
import { targetsForEntity } from '../../lib/entityRefs';
import { ErrorNotice } from '../ErrorNotice';
import { TargetCardSection } from '../TargetCardSection';
import { targetHref } from '../TargetSwitcher';

/**
 * The entity card. The extension's filter only narrows by kind; which
 * entities have a target is the backend's config (`entityRefs`), so the
 * card asks and renders nothing for an entity no target names.
 */
export const RolloutStatusCard = () => {
  const { entity } = useEntity();
  const entityRef = stringifyEntityRef(entity);
  const api = useApi(rolloutStatusApiRef);
  const targets = useAsync(() => api.getTargets(), [api]);
  // Undefined when the page is not installed (e.g. disabled in config).
  const pageLink = useRouteRef(rootRouteRef);

  if (targets.loading) {
    return (
      <InfoCard title="Rollout status">
        <Progress />
      </InfoCard>
    );
  }
  if (targets.error) {
    return (
      <InfoCard title="Rollout status">
        <ErrorNotice what="the rollout-status targets" error={targets.error} />
      </InfoCard>
    );
  }
  const mine = targetsForEntity(targets.value?.targets ?? [], entityRef);
  if (mine.length === 0) {
    return null;
  }
  return (
    <InfoCard
      title="Rollout status"
      deepLink={
        pageLink
          ? { title: 'All checks in detail', link: pageLink() }
          : undefined
      }
    >
      {mine.map(target => (
        <TargetCardSection
          key={target.targetId}
          target={target}
          detailsLink={
            pageLink ? `${pageLink()}${targetHref(target.targetId)}` : undefined
          }
        />
      ))}
    </InfoCard>
  );
};
