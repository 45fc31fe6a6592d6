import { createFrontendPlugin } from '@backstage/frontend-plugin-api';
import {
  CatalogFilterBlueprint,
  EntityCardBlueprint,
} from '@backstage/plugin-catalog-react/alpha';
import {
  FormFieldBlueprint,
  createFormField,
} from '@backstage/plugin-scaffolder-react/alpha';
import { isDocsSubject } from '../lib/docsFacts';
import { isInfraEntity } from '../lib/infraFacts';
import {
  explicitLogLinks,
  infraInputFormField,
  infraTaskResult,
  newAppPlanFormField,
} from '../scaffolder/extensions';

/** The infra facts of any entity the infra provider emitted. */
export const infraEntityCard = EntityCardBlueprint.make({
  name: 'infra',
  params: {
    // A function, not a filter expression: the annotation key contains dots,
    // which a dotted-path expression would split.
    filter: isInfraEntity,
    loader: () => import('../components/InfraCard').then(m => <m.InfraCard />),
  },
});

/** Convention findings; shown on every infra entity so "none" is stated, not implied. */
export const infraFindingsCard = EntityCardBlueprint.make({
  name: 'findings',
  params: {
    filter: isInfraEntity,
    loader: () =>
      import('../components/FindingsCard').then(m => <m.FindingsCard />),
  },
});

/** The infra repo's own docs pages that name a stack or service. */
export const docsAboutCard = EntityCardBlueprint.make({
  name: 'docs-about',
  params: {
    filter: isDocsSubject,
    loader: () =>
      import('../components/DocsAboutCard').then(m => <m.DocsAboutCard />),
  },
});

/** Lets the catalog list be narrowed to chosen auth tiers. */
export const authTierCatalogFilter = CatalogFilterBlueprint.make({
  name: 'auth-tier',
  params: {
    loader: () =>
      import('../components/AuthTierPicker').then(m => <m.AuthTierPicker />),
  },
});

/** Scaffolder field `AuthTierPicker`: the deliberate auth-tier choice of the new-app and add-ingress wizards. */
export const authTierFormField = FormFieldBlueprint.make({
  name: 'auth-tier',
  params: {
    field: () =>
      import('../components/AuthTierField').then(
        ({ authTierFieldOptions: { name, component, validation } }) =>
          createFormField({ name, component, validation }),
      ),
  },
});

/** Shows infra facts from the Terraform repo in the catalog and asks for the auth tier in the scaffolder. */
export const infraPlugin = createFrontendPlugin({
  pluginId: 'infra',
  extensions: [
    infraEntityCard,
    infraFindingsCard,
    docsAboutCard,
    authTierCatalogFilter,
    authTierFormField,
    infraInputFormField,
    newAppPlanFormField,
    infraTaskResult,
    explicitLogLinks,
  ],
});
