import { screen, within } from '@testing-library/react';
import { renderInTestApp } from '@backstage/frontend-test-utils';
import { EntityProvider } from '@backstage/plugin-catalog-react';
import {
  INFRA_ANNOTATIONS,
  InfraFinding,
} from '@internal/backstage-plugin-infra-common';
import { FindingsCard } from './FindingsCard';
import { infraEntity } from '../../testing/entities';
import { serviceDetails } from '../../testing/details';

async function renderWithFindings(findings: string | undefined) {
  await renderInTestApp(
    <EntityProvider
      entity={infraEntity({
        type: 'service',
        annotations: { [INFRA_ANNOTATIONS.findings]: findings },
        // Its own file URL and repo-relative path give the repo's base URL.
        details: serviceDetails(),
      })}
    >
      <FindingsCard />
    </EntityProvider>,
  );
  await screen.findByText('Convention findings');
}

const replicasFinding: InfraFinding = {
  rule: 'critical-path-replicas',
  severity: 'warning',
  message: 'authentik-worker is on the critical path but runs 1 replica.',
  fix: 'Set replicas = 3.',
  file: 'stacks/authentik/modules/authentik/values.yaml',
  line: 12,
};

const kyvernoFinding: InfraFinding = {
  rule: 'kyverno-lifecycle',
  severity: 'error',
  message:
    'kubernetes_deployment.worker lacks the KYVERNO_LIFECYCLE_V1 ignore_changes.',
  fix: 'Add the KYVERNO_LIFECYCLE_V1 lifecycle block.',
  file: 'stacks/authentik/worker.tf',
  line: 7,
};

describe('FindingsCard', () => {
  it('says there are no findings when the annotation is absent', async () => {
    await renderWithFindings(undefined);

    expect(screen.getByText(/No findings/)).toBeInTheDocument();
  });

  it('lists each finding with severity, message, fix, location and runbook, errors first', async () => {
    await renderWithFindings(JSON.stringify([replicasFinding, kyvernoFinding]));

    const items = screen.getAllByRole('listitem');
    expect(items).toHaveLength(2);

    const [first, second] = items;
    expect(first).toHaveTextContent('error');
    expect(first).toHaveTextContent(
      'Workload without the KYVERNO_LIFECYCLE_V1 ignore_changes',
    );
    expect(
      within(first).getByRole('link', {
        name: /stacks\/authentik\/worker\.tf:7/,
      }),
    ).toHaveAttribute(
      'href',
      'https://forgejo.example.org/homelab/infra/src/branch/master/stacks/authentik/worker.tf#L7',
    );

    expect(second).toHaveTextContent('warning');
    expect(second).toHaveTextContent(replicasFinding.message);
    expect(second).toHaveTextContent('Fix: Set replicas = 3.');
    expect(second).toHaveTextContent(
      'stacks/authentik/modules/authentik/values.yaml:12',
    );
    expect(
      within(second).getByRole('link', { name: 'Runbook' }),
    ).toHaveAttribute(
      'href',
      '/docs/default/component/infra-portal/runbooks/critical-path/#three-replicas',
    );
    expect(screen.queryByText(/No findings/)).not.toBeInTheDocument();
  });

  it('reports an unreadable annotation instead of claiming there are no findings', async () => {
    await renderWithFindings('[{"rule": ');

    expect(
      screen.getByText(/could not be read, so findings are unknown/),
    ).toBeInTheDocument();
    expect(screen.queryByText(/No findings/)).not.toBeInTheDocument();
  });

  it('keeps a malformed finding visible as unreadable', async () => {
    await renderWithFindings(
      JSON.stringify([{ rule: 'made-up', message: 'x' }]),
    );

    expect(screen.getByRole('listitem')).toHaveTextContent(
      'Unreadable finding',
    );
  });
});
