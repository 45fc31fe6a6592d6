import { createFrontendModule } from '@backstage/frontend-plugin-api';
import {
  HomePageLayoutBlueprint,
  HomePageWidgetBlueprint,
} from '@backstage/plugin-home-react/alpha';

/**
 * Starting points for a namespace owner: the wizard that writes the
 * Terraform for a new app, and the one that adds a host to an app.
 */
const addAnAppWidget = HomePageWidgetBlueprint.make({
  name: 'add-an-app',
  params: {
    name: 'AddAnApp',
    title: 'Add an app',
    description: 'Generate the Terraform for a new app or host, as a PR',
    components: () => import('./AddAnApp').then(m => ({ Content: m.AddAnApp })),
  },
});

/** "Safe to roll now?" for every rollout target (the rollout-status plugin). */
const rolloutVerdictsWidget = HomePageWidgetBlueprint.make({
  name: 'rollout-verdicts',
  params: {
    name: 'RolloutVerdicts',
    title: 'Safe to roll now?',
    description: 'The preflight verdict of every rollout target',
    components: () =>
      import('@internal/backstage-plugin-rollout-status').then(m => ({
        Content: m.RolloutVerdicts,
      })),
  },
});

/** The convention findings across the catalog (the infra plugin). */
const findingsWidget = HomePageWidgetBlueprint.make({
  name: 'findings',
  params: {
    name: 'Findings',
    title: 'Convention findings',
    description: 'What the infra repo breaks of its own conventions',
    components: () =>
      import('@internal/backstage-plugin-infra').then(m => ({
        Content: () => <m.FindingsOverview />,
      })),
  },
});

/**
 * A fixed layout instead of the stock editable widget board, which starts
 * empty ("No widgets added"): the portal's widgets in the order installed.
 */
const homeLayout = HomePageLayoutBlueprint.make({
  params: {
    loader: () => import('./HomeLayout').then(m => m.HomeLayout),
  },
});

export const homeModule = createFrontendModule({
  pluginId: 'home',
  extensions: [
    homeLayout,
    addAnAppWidget,
    rolloutVerdictsWidget,
    findingsWidget,
  ],
});
