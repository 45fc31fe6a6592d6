import { AppRootElementBlueprint } from '@backstage/frontend-plugin-api';
import {
  FormFieldBlueprint,
  createFormField,
  scaffolderTemplateOutputsBlueprint,
} from '@backstage/plugin-scaffolder-react/alpha';
import { InfraTaskResult } from './InfraTaskResult';
import { linkOnlyWrittenUrls } from './logLinks';

/** Scaffolder field `InfraInput`: a text field checked by the shared infra rules. */
export const infraInputFormField = FormFieldBlueprint.make({
  name: 'infra-input',
  params: {
    field: () =>
      import('./InfraInputField').then(
        ({ infraInputFieldOptions: { name, component, validation } }) =>
          createFormField({ name, component, validation }),
      ),
  },
});

/** Scaffolder field `InfraNewAppPlan`: what Create will do, before Review. */
export const newAppPlanFormField = FormFieldBlueprint.make({
  name: 'new-app-plan',
  params: {
    field: () =>
      import('./NewAppPlanField').then(
        ({ newAppPlanFieldOptions: { name, component, validation } }) =>
          createFormField({ name, component, validation }),
      ),
  },
});

/** The result page of the infra templates: published or not published, the PR text, the files. */
export const infraTaskResult = scaffolderTemplateOutputsBlueprint.make({
  name: 'infra-task-result',
  params: {
    component: InfraTaskResult,
    templateRefs: [
      'template:default/infra-new-app',
      'template:default/infra-add-ingress',
    ],
  },
});

function ExplicitLogLinks() {
  linkOnlyWrittenUrls();
  return null;
}

/** Task logs link only written URLs (not `main.tf`): see `logLinks.ts`. */
export const explicitLogLinks = AppRootElementBlueprint.make({
  name: 'explicit-log-links',
  params: { element: <ExplicitLogLinks /> },
});
