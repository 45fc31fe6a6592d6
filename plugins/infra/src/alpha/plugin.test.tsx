import { screen } from '@testing-library/react';
import { renderTestApp } from '@backstage/frontend-test-utils';
import { createTestEntityPage } from '@backstage/plugin-catalog-react/testUtils';
import { EntityCardBlueprint } from '@backstage/plugin-catalog-react/alpha';
import { INFRA_ANNOTATIONS } from '@internal/backstage-plugin-infra-common';
import { infraPlugin } from './plugin';
import { infraEntity } from '../testing/entities';

// The cards load lazily; on a busy machine that takes longer than the default second.
const lazy = { timeout: 10_000 };

describe('infraPlugin', () => {
  it('adds the infra and findings cards to an infra entity page', async () => {
    const entity = infraEntity({
      type: 'service',
      annotations: {
        [INFRA_ANNOTATIONS.authTier]: 'required',
        [INFRA_ANNOTATIONS.host]: 'authentik.example.org',
        [INFRA_ANNOTATIONS.replicas]: '3',
      },
      details: { pdb: { minAvailable: 2 } },
    });

    renderTestApp({
      features: [infraPlugin],
      extensions: [createTestEntityPage({ entity })],
    });

    expect(
      await screen.findByText('Infra', undefined, lazy),
    ).toBeInTheDocument();
    expect(
      await screen.findByText('Convention findings', undefined, lazy),
    ).toBeInTheDocument();
    expect(
      screen.getByRole('link', { name: /^authentik\.example\.org/ }),
    ).toHaveAttribute('href', 'https://authentik.example.org');
  });

  it('adds no cards to entities the infra provider did not emit', async () => {
    const entity = infraEntity({
      type: 'service',
      annotations: { [INFRA_ANNOTATIONS.stack]: undefined },
    });

    // A card that always shows: once it is on the page, ours would be too.
    const controlCard = EntityCardBlueprint.make({
      name: 'control',
      params: { loader: async () => <div>control card</div> },
    });

    renderTestApp({
      features: [infraPlugin],
      extensions: [createTestEntityPage({ entity }), controlCard],
    });

    expect(
      await screen.findByText('control card', undefined, lazy),
    ).toBeInTheDocument();
    expect(screen.queryByText('Infra')).not.toBeInTheDocument();
    expect(screen.queryByText('Convention findings')).not.toBeInTheDocument();
  });

  it('lets app config switch the findings card off by its extension id', async () => {
    const entity = infraEntity({ type: 'service' });

    renderTestApp({
      features: [infraPlugin],
      extensions: [createTestEntityPage({ entity })],
      config: {
        app: { extensions: [{ 'entity-card:infra/findings': false }] },
      },
    });

    expect(
      await screen.findByText('Infra', undefined, lazy),
    ).toBeInTheDocument();
    expect(screen.queryByText('Convention findings')).not.toBeInTheDocument();
  });
});
