import { createDevApp } from '@backstage/frontend-dev-utils';
import {
  ApiBlueprint,
  createFrontendModule,
} from '@backstage/frontend-plugin-api';
import catalogPlugin from '@backstage/plugin-catalog/alpha';
import { catalogApiMock } from '@backstage/plugin-catalog-react/testUtils';
import { INFRA_ANNOTATIONS } from '@internal/backstage-plugin-infra-common';
import plugin, { infraCatalogModule } from '../src';
import { infraEntity } from '../src/testing/entities';
import {
  pdbDetails,
  poolerDetails,
  serviceDetails,
} from '../src/testing/details';

/** Sample entities shaped like the provider's, so the cards can be seen without a backend. */
const entities = [
  infraEntity({
    type: 'service',
    annotations: {
      [INFRA_ANNOTATIONS.authTier]: 'required',
      [INFRA_ANNOTATIONS.host]: 'authentik.example.org',
      [INFRA_ANNOTATIONS.dnsType]: 'proxied',
      [INFRA_ANNOTATIONS.anubis]: 'false',
      [INFRA_ANNOTATIONS.replicas]: '3',
      [INFRA_ANNOTATIONS.criticalPath]: 'true',
      [INFRA_ANNOTATIONS.findings]: JSON.stringify([
        {
          rule: 'kyverno-lifecycle',
          severity: 'error',
          message:
            'kubernetes_deployment.worker lacks the KYVERNO_LIFECYCLE_V1 ignore_changes.',
          fix: 'Add the KYVERNO_LIFECYCLE_V1 lifecycle block.',
          file: 'stacks/authentik/worker.tf',
          line: 7,
        },
      ]),
    },
    details: serviceDetails(),
  }),
  infraEntity({
    kind: 'Resource',
    name: 'immich-ingress',
    type: 'ingress',
    annotations: {
      [INFRA_ANNOTATIONS.authTier]: 'app',
      [INFRA_ANNOTATIONS.authJustification]: 'immich has its own OAuth login',
      [INFRA_ANNOTATIONS.host]: 'unresolved: local.host',
    },
  }),
  infraEntity({
    kind: 'Resource',
    name: 'authentik-server-pdb',
    type: 'pod-disruption-budget',
    details: pdbDetails(),
  }),
  infraEntity({
    kind: 'Resource',
    name: 'authentik-pgbouncer',
    type: 'connection-pooler',
    annotations: { [INFRA_ANNOTATIONS.replicas]: '3' },
    details: poolerDetails(),
  }),
];

const sampleCatalog = createFrontendModule({
  pluginId: 'catalog',
  extensions: [
    ApiBlueprint.make({
      params: defineParams =>
        defineParams(catalogApiMock.factory({ entities })),
    }),
  ],
});

createDevApp({
  features: [catalogPlugin, infraCatalogModule, sampleCatalog, plugin],
});
