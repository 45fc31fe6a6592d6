import { screen, within } from '@testing-library/react';
import { renderInTestApp } from '@backstage/frontend-test-utils';
import { EntityProvider } from '@backstage/plugin-catalog-react';
import {
  INFRA_ANNOTATIONS,
  InfraAllowedFinding,
  InfraFinding,
} from '@internal/backstage-plugin-infra-common';
import { FindingsCard } from './FindingsCard';
import { infraEntity } from '../../testing/entities';
import { serviceDetails } from '../../testing/details';

async function renderCard(annotations: Record<string, string | undefined>) {
  await renderInTestApp(
    <EntityProvider
      entity={infraEntity({
        type: 'service',
        annotations,
        details: serviceDetails(),
      })}
    >
      <FindingsCard />
    </EntityProvider>,
  );
  await screen.findByText('Convention findings');
}

const allowedCpuLimit: InfraAllowedFinding = {
  rule: 'no-cpu-limit',
  reason: 'the agent must never starve the node it measures',
  message: 'Container agent sets a CPU limit (200m).',
  file: 'stacks/monitoring/main.tf',
  line: 40,
};

const tierUnknown: InfraFinding = {
  rule: 'memory-request-equals-limit',
  severity: 'info',
  message: 'The tier of namespace tools is not known.',
  fix: 'Give the namespace a tier label.',
  file: 'stacks/tools/main.tf',
  line: 9,
};

describe('FindingsCard allowed exceptions and info notes', () => {
  it('shows an allowed exception with its reason, what it would have said, and the runbook', async () => {
    await renderCard({
      [INFRA_ANNOTATIONS.allowed]: JSON.stringify([allowedCpuLimit]),
    });

    expect(screen.getByText('Allowed on purpose')).toBeInTheDocument();
    const [item] = screen.getAllByRole('listitem');
    expect(within(item).getByText('allowed')).toBeInTheDocument();
    expect(
      within(item).getByText(/the agent must never starve the node/),
    ).toBeInTheDocument();
    expect(within(item).getByText(/sets a CPU limit/)).toBeInTheDocument();
    expect(within(item).getByRole('link', { name: 'Runbook' })).toHaveAttribute(
      'href',
      expect.stringContaining('conventions'),
    );
    // No finding, and the card does not pretend the rule was broken.
    expect(screen.getByText(/No findings/)).toBeInTheDocument();
  });

  it('shows an info note as info, after nothing worse', async () => {
    await renderCard({
      [INFRA_ANNOTATIONS.findings]: JSON.stringify([tierUnknown]),
    });

    const [item] = screen.getAllByRole('listitem');
    expect(within(item).getByText('info')).toBeInTheDocument();
    expect(within(item).getByText(/is not known/)).toBeInTheDocument();
    expect(screen.queryByText(/Unreadable finding/)).not.toBeInTheDocument();
  });

  it('says when allowed exceptions cannot be read', async () => {
    await renderCard({ [INFRA_ANNOTATIONS.allowed]: '{not json' });

    expect(screen.getByText(/could not be read/)).toBeInTheDocument();
  });
});
