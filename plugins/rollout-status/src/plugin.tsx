import {
  createFrontendPlugin,
  PageBlueprint,
} from '@backstage/frontend-plugin-api';

import { rootRouteRef } from './routes';

export const page = PageBlueprint.make({
  params: {
    path: '/rollout-status',
    routeRef: rootRouteRef,
    loader: () =>
      import('./components/TodoPage').then(m => (
        <m.TodoPage />
      )),
  },
});

export const rolloutStatusPlugin = createFrontendPlugin({
  pluginId: 'rollout-status',
  extensions: [page],
  routes: {
    root: rootRouteRef,
  }
});
