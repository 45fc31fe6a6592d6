import { screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { renderInTestApp } from '@backstage/frontend-test-utils';
import { MockEntityListContextProvider } from '@backstage/plugin-catalog-react/testUtils';
import { INFRA_ANNOTATIONS } from '@internal/backstage-plugin-infra-common';
import { AuthTierPicker } from './AuthTierPicker';
import { DefaultEntityFilters } from '@backstage/plugin-catalog-react';
import { AuthTierFilter, InfraEntityFilters } from '../../lib/AuthTierFilter';
import { infraEntity } from '../../testing/entities';

describe('AuthTierPicker', () => {
  it('offers the four tiers and filters the list on the chosen ones', async () => {
    const updateFilters = jest.fn();
    await renderInTestApp(
      <MockEntityListContextProvider value={{ updateFilters }}>
        <AuthTierPicker />
      </MockEntityListContextProvider>,
    );

    for (const tier of ['required', 'app', 'public', 'none']) {
      expect(screen.getByRole('checkbox', { name: tier })).not.toBeChecked();
    }

    await userEvent.click(screen.getByRole('checkbox', { name: 'app' }));
    await userEvent.click(screen.getByRole('checkbox', { name: 'none' }));

    await waitFor(() =>
      expect(updateFilters).toHaveBeenLastCalledWith({
        authTier: new AuthTierFilter(['app', 'none']),
      }),
    );
    const filter: AuthTierFilter = updateFilters.mock.lastCall[0].authTier;
    expect(filter.getCatalogFilters()).toEqual({
      'metadata.annotations.infra.homelab/auth-tier': ['app', 'none'],
    });

    await userEvent.click(screen.getByRole('checkbox', { name: 'app' }));
    await userEvent.click(screen.getByRole('checkbox', { name: 'none' }));
    await waitFor(() =>
      expect(updateFilters).toHaveBeenLastCalledWith({ authTier: undefined }),
    );
  });

  it('restores the chosen tiers from the URL', async () => {
    const updateFilters = jest.fn();
    await renderInTestApp(
      <MockEntityListContextProvider<DefaultEntityFilters & InfraEntityFilters>
        value={{
          updateFilters,
          queryParameters: { authTier: ['public', 'bogus'] },
        }}
      >
        <AuthTierPicker />
      </MockEntityListContextProvider>,
    );

    expect(screen.getByRole('checkbox', { name: 'public' })).toBeChecked();
    expect(updateFilters).toHaveBeenLastCalledWith({
      authTier: new AuthTierFilter(['public']),
    });
  });
});

describe('AuthTierFilter', () => {
  it('keeps only entities behind a chosen tier', () => {
    const filter = new AuthTierFilter(['none']);
    const tagged = (tier?: string) =>
      infraEntity({
        type: 'ingress',
        annotations: { [INFRA_ANNOTATIONS.authTier]: tier },
      });

    expect(filter.filterEntity(tagged('none'))).toBe(true);
    expect(filter.filterEntity(tagged('required'))).toBe(false);
    expect(filter.filterEntity(tagged(undefined))).toBe(false);
  });
});
