import { screen } from '@testing-library/react';
import { renderTestApp } from '@backstage/frontend-test-utils';
import { createTestEntityPage } from '@backstage/plugin-catalog-react/testUtils';
import { EntityCardBlueprint } from '@backstage/plugin-catalog-react/alpha';
import { Entity } from '@backstage/catalog-model';
import { infraPlugin } from './plugin';
import { infraEntity } from '../testing/entities';

// The cards load lazily; on a busy machine that takes longer than the default second.
const lazy = { timeout: 10_000 };

/** A card that always shows: once it is on the page, ours would be too. */
const controlCard = EntityCardBlueprint.make({
  name: 'control',
  params: { loader: async () => <div>control card</div> },
});

function renderPage(entity: Entity) {
  renderTestApp({
    features: [infraPlugin],
    extensions: [createTestEntityPage({ entity }), controlCard],
  });
}

describe('the "Docs about this" card on entity pages', () => {
  it("is on a stack's System page", async () => {
    renderPage(infraEntity({ kind: 'System', name: 'authentik', type: '' }));
    expect(
      await screen.findByText('Docs about this', undefined, lazy),
    ).toBeInTheDocument();
  });

  it("is on a service's page", async () => {
    renderPage(infraEntity({ type: 'service' }));
    expect(
      await screen.findByText('Docs about this', undefined, lazy),
    ).toBeInTheDocument();
  });

  it('is not on an ingress, whose stack and service carry the docs', async () => {
    renderPage(
      infraEntity({
        kind: 'Resource',
        name: 'authentik-ingress',
        type: 'ingress',
      }),
    );
    expect(
      await screen.findByText('control card', undefined, lazy),
    ).toBeInTheDocument();
    expect(screen.queryByText('Docs about this')).not.toBeInTheDocument();
  });
});
