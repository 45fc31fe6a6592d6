import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { renderTestApp } from '@backstage/frontend-test-utils';
import catalogPlugin from '@backstage/plugin-catalog/alpha';
import { catalogApiMock } from '@backstage/plugin-catalog-react/testUtils';
import { INFRA_ANNOTATIONS } from '@internal/backstage-plugin-infra-common';
import { infraPlugin } from '../alpha/plugin';
import { infraEntity } from '../testing/entities';
import { infraCatalogModule } from './catalogModule';

const entities = [
  infraEntity({
    name: 'immich',
    type: 'service',
    annotations: { [INFRA_ANNOTATIONS.authTier]: 'app' },
  }),
  infraEntity({
    name: 'prowlarr',
    type: 'service',
    annotations: { [INFRA_ANNOTATIONS.authTier]: 'required' },
  }),
];

function renderCatalog() {
  return renderTestApp({
    features: [catalogPlugin, infraCatalogModule, infraPlugin],
    initialRouteEntries: ['/catalog?filters[user]=all'],
    apis: [catalogApiMock({ entities })],
  });
}

/** The table row that holds an entity's name, as currently rendered. */
function rowOf(name: string): HTMLElement {
  const link = screen.getByRole('link', { name: new RegExp(`^${name}`) });
  const row = link.closest('tr');
  if (!row) throw new Error(`no row for ${name}`);
  return row;
}

/** The catalog page loads lazily and refreshes its list; wait for it to settle. */
function eventually(assertion: () => void) {
  return waitFor(assertion, { timeout: 20000 });
}

// The whole catalog page renders here, which takes seconds on a shared machine.
jest.setTimeout(60000);

describe('infraCatalogModule', () => {
  it('adds an auth tier column to the catalog list', async () => {
    renderCatalog();

    await eventually(() => {
      expect(within(rowOf('immich')).getByText('app')).toBeInTheDocument();
      expect(
        within(rowOf('prowlarr')).getByText('required'),
      ).toBeInTheDocument();
    });
    expect(
      screen.getAllByRole('columnheader').map(header => header.textContent),
    ).toEqual(expect.arrayContaining(['Name', 'Auth tier']));
  });

  it('narrows the list with the auth tier filter', async () => {
    renderCatalog();
    await eventually(() => expect(rowOf('prowlarr')).toBeInTheDocument());

    await userEvent.click(
      await screen.findByRole('checkbox', { name: 'app' }, { timeout: 20000 }),
    );

    await eventually(() =>
      expect(
        screen.queryByRole('link', { name: /^prowlarr/ }),
      ).not.toBeInTheDocument(),
    );
    expect(rowOf('immich')).toBeInTheDocument();
  });
});
