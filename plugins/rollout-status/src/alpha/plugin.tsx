import {
  ApiBlueprint,
  createFrontendPlugin,
  discoveryApiRef,
  fetchApiRef,
  PageBlueprint,
} from '@backstage/frontend-plugin-api';
import { EntityCardBlueprint } from '@backstage/plugin-catalog-react/alpha';
import { Entity } from '@backstage/catalog-model';
import { rolloutStatusApiRef } from '../api/RolloutStatusApi';
import { RolloutStatusClient } from '../api/RolloutStatusClient';
import { driftRouteRef, rootRouteRef } from '../routes';
import { isWorkloadEntity } from '../lib/entityWorkload';
import { RolloutStatusIcon } from './RolloutStatusIcon';

export const rolloutStatusApi = ApiBlueprint.make({
  params: defineParams =>
    defineParams({
      api: rolloutStatusApiRef,
      deps: { discoveryApi: discoveryApiRef, fetchApi: fetchApiRef },
      factory: ({ discoveryApi, fetchApi }) =>
        new RolloutStatusClient({ discoveryApi, fetchApi }),
    }),
});

export const rolloutStatusPage = PageBlueprint.make({
  params: {
    path: '/rollout-status',
    routeRef: rootRouteRef,
    // A title and icon make the app's nav list the page.
    title: 'Rollout status',
    icon: <RolloutStatusIcon />,
    loader: () =>
      import('../components/RolloutStatusPage').then(m => (
        <m.RolloutStatusPage />
      )),
  },
});

/**
 * Targets name their entities in backend config (`entityRefs`), which a
 * synchronous filter cannot read. The filter narrows to the kinds targets
 * use (the authentik System, the PgBouncer Resource); the card then asks the
 * backend and renders nothing for entities no target names.
 */
export function isRolloutStatusCandidate(entity: Entity): boolean {
  const kind = entity.kind.toLocaleLowerCase('en-US');
  return kind === 'system' || kind === 'resource';
}

export const rolloutStatusEntityCard = EntityCardBlueprint.make({
  params: {
    filter: isRolloutStatusCandidate,
    loader: () =>
      import('../components/RolloutStatusCard').then(m => (
        <m.RolloutStatusCard />
      )),
  },
});

export const driftPage = PageBlueprint.make({
  name: 'drift',
  params: {
    path: '/drift',
    routeRef: driftRouteRef,
    title: 'Drift',
    icon: <RolloutStatusIcon />,
    loader: () => import('../components/DriftPage').then(m => <m.DriftPage />),
  },
});

/** Declared vs live on every infra entity that runs pods. */
export const driftEntityCard = EntityCardBlueprint.make({
  name: 'drift',
  params: {
    filter: isWorkloadEntity,
    loader: () => import('../components/DriftCard').then(m => <m.DriftCard />),
  },
});

/** The rollout-status frontend plugin for the new frontend system. */
export const rolloutStatusPlugin = createFrontendPlugin({
  pluginId: 'rollout-status',
  title: 'Rollout status',
  icon: <RolloutStatusIcon />,
  extensions: [
    rolloutStatusApi,
    rolloutStatusPage,
    rolloutStatusEntityCard,
    driftPage,
    driftEntityCard,
  ],
  routes: {
    root: rootRouteRef,
    drift: driftRouteRef,
  },
});
