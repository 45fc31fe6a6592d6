import { screen } from '@testing-library/react';
import { renderInTestApp } from '@backstage/frontend-test-utils';
import { EntityProvider } from '@backstage/plugin-catalog-react';
import {
  DocsCounterparts,
  INFRA_ANNOTATIONS,
  INFRA_DOCS_ANNOTATIONS,
  InfraFinding,
} from '@internal/backstage-plugin-infra-common';
import { FindingsCard } from './FindingsCard';
import { infraEntity } from '../../testing/entities';
import { serviceDetails } from '../../testing/details';

const replicas: InfraFinding = {
  rule: 'critical-path-replicas',
  severity: 'warning',
  message: 'cloudflared is on the critical path but runs 2 replicas.',
  fix: 'Set replicas = 3.',
  file: 'stacks/cloudflared/main.tf',
  line: 12,
};

async function renderWith(counterparts: DocsCounterparts | undefined) {
  await renderInTestApp(
    <EntityProvider
      entity={infraEntity({
        type: 'service',
        annotations: {
          [INFRA_ANNOTATIONS.findings]: JSON.stringify([replicas]),
          [INFRA_DOCS_ANNOTATIONS.counterparts]:
            counterparts && JSON.stringify(counterparts),
        },
        details: serviceDetails(),
      })}
    >
      <FindingsCard />
    </EntityProvider>,
  );
  await screen.findByText('Convention findings');
}

describe('FindingsCard with the infra docs', () => {
  it("links a finding to the portal runbook and to the infra docs' own section", async () => {
    await renderWith({
      docsEntityRef: 'component:default/infra-docs',
      runbooks: {
        'runbooks/critical-path#three-replicas': {
          file: 'docs/runbooks/critical-path.md',
          title: 'Critical-path services: Three replicas',
          sitePath: 'runbooks/critical-path/',
          anchor: 'three-replicas',
          reason: 'same section name',
        },
      },
    });
    expect(screen.getByRole('link', { name: 'Runbook' })).toHaveAttribute(
      'href',
      '/docs/default/component/infra-portal/runbooks/critical-path/#three-replicas',
    );
    expect(
      screen.getByRole('link', {
        name: 'Infra docs: Critical-path services: Three replicas',
      }),
    ).toHaveAttribute(
      'href',
      '/docs/default/component/infra-docs/runbooks/critical-path/#three-replicas',
    );
  });

  it('shows only the portal runbook when the infra docs have no counterpart', async () => {
    await renderWith(undefined);
    expect(screen.getByRole('link', { name: 'Runbook' })).toBeInTheDocument();
    expect(
      screen.queryByRole('link', { name: /^Infra docs:/ }),
    ).not.toBeInTheDocument();
  });
});
