import {
  createFrontendModule,
  NotFoundErrorPage,
} from '@backstage/frontend-plugin-api';
import { SwappableComponentBlueprint } from '@backstage/plugin-app-react';

/**
 * Replaces Backstage's "dropped the mic" page with the portal's own: the
 * same id as the app plugin's, so this module's extension takes its place.
 */
const portalNotFoundPage = SwappableComponentBlueprint.make({
  name: 'core-not-found-error-page',
  params: define =>
    define({
      component: NotFoundErrorPage,
      loader: () =>
        import('./PortalNotFoundPage').then(m => m.PortalNotFoundPage),
    }),
});

export const notFoundModule = createFrontendModule({
  pluginId: 'app',
  extensions: [portalNotFoundPage],
});
