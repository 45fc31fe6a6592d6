import {
  createFrontendModule,
  FrontendFeature,
} from '@backstage/frontend-plugin-api';
import apiDocsPlugin from '@backstage/plugin-api-docs/alpha';
import visualizerPlugin from '@backstage/plugin-app-visualizer';
import catalogImportPlugin from '@backstage/plugin-catalog-import/alpha';
import scaffolderPlugin from '@backstage/plugin-scaffolder/alpha';
import { ADMIN_ONLY_PAGE_PERMISSIONS } from './adminOnlyPermissions';

/** Present the extension only to users the permission policy allows `name`. */
const allowedTo = (name: string) => ({ permissions: { $contains: name } });

/**
 * The admin pages, each behind the permission the backend reserves for
 * admins. An extension whose condition fails is left out of the app, so a
 * namespace owner sees neither the nav item or tab nor the route (a typed
 * URL lands on "page not found"); the backend refuses the actions anyway.
 */
export const adminOnlyModules: FrontendFeature[] = [
  createFrontendModule({
    pluginId: 'catalog-import',
    extensions: [
      catalogImportPlugin.getExtension('page:catalog-import').override({
        if: allowedTo(ADMIN_ONLY_PAGE_PERMISSIONS.register),
      }),
    ],
  }),
  createFrontendModule({
    pluginId: 'scaffolder',
    extensions: [
      scaffolderPlugin.getExtension('sub-page:scaffolder/editor').override({
        if: allowedTo(ADMIN_ONLY_PAGE_PERMISSIONS.templateEditor),
      }),
    ],
  }),
  createFrontendModule({
    pluginId: 'app-visualizer',
    extensions: [
      visualizerPlugin.getExtension('page:app-visualizer').override({
        if: allowedTo(ADMIN_ONLY_PAGE_PERMISSIONS.adminPages),
      }),
    ],
  }),
  createFrontendModule({
    pluginId: 'api-docs',
    extensions: [
      apiDocsPlugin.getExtension('page:api-docs').override({
        if: allowedTo(ADMIN_ONLY_PAGE_PERMISSIONS.adminPages),
      }),
    ],
  }),
];
