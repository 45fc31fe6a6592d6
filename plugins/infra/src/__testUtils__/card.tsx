import { screen } from '@testing-library/react';
import { renderInTestApp } from '@backstage/frontend-test-utils';
import { Entity } from '@backstage/catalog-model';
import {
  EntityProvider,
  entityRouteRef,
} from '@backstage/plugin-catalog-react';
import { InfraCard } from '../components/InfraCard';

/** The value shown next to a label in the card's definition list. */
export function field(label: string): HTMLElement {
  const term = screen.getByText(label, { selector: 'dt' });
  const value = term.nextElementSibling;
  if (!(value instanceof HTMLElement)) throw new Error(`no value for ${label}`);
  return value;
}

/** True when the card shows no field with this label. */
export function hasNoField(label: string): boolean {
  return screen.queryByText(label, { selector: 'dt' }) === null;
}

/** Renders the infra card for an entity, with entity links routed into the catalog. */
export async function renderCard(entity: Entity) {
  await renderInTestApp(
    <EntityProvider entity={entity}>
      <InfraCard />
    </EntityProvider>,
    // Database, pooler and PDB links point into the catalog's entity pages.
    { mountedRoutes: { '/catalog/:namespace/:kind/:name': entityRouteRef } },
  );
  await screen.findByText('Infra');
}
