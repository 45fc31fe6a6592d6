import { createApp } from '@backstage/frontend-defaults';
import catalogPlugin from '@backstage/plugin-catalog/alpha';
import { navModule } from './modules/nav';
import { homeModule } from './modules/home';
import { signInModule } from './modules/signIn';
import { searchModule } from './modules/search';
import { adminOnlyModules } from './modules/adminOnly';
import { notFoundModule } from './modules/notFound';
// Adds the auth-tier column to the catalog list; the plugins themselves are
// discovered from package.json (app.packages: all).
import { infraCatalogModule } from '@internal/backstage-plugin-infra';

export default createApp({
  features: [
    catalogPlugin,
    infraCatalogModule,
    navModule,
    homeModule,
    signInModule,
    searchModule,
    notFoundModule,
    ...adminOnlyModules,
  ],
});
