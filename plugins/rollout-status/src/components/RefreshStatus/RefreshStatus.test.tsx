import { screen } from '@testing-library/react';
import { renderInTestApp } from '@backstage/frontend-test-utils';
import { RefreshStatus } from './RefreshStatus';
import { NOW } from '../../testing/fixtures';

describe('RefreshStatus', () => {
  it('says when the data was last updated', async () => {
    await renderInTestApp(<RefreshStatus fetchedAt={NOW - 4_000} now={NOW} />);
    expect(screen.getByTestId('refresh-status')).toHaveTextContent(
      'updated 4 s ago',
    );
  });

  it('says a refresh failed and that the data shown is older', async () => {
    await renderInTestApp(
      <RefreshStatus
        fetchedAt={NOW - 100_000}
        error={new Error('Failed to fetch')}
        now={NOW}
      />,
    );
    expect(screen.getByTestId('refresh-status')).toHaveTextContent(
      'updated 1 min ago — STALE · last refresh failed: Failed to fetch (showing older data)',
    );
  });
});
