import { screen } from '@testing-library/react';
import { renderInTestApp } from '@backstage/frontend-test-utils';
import { PoolUsageChart } from './PoolUsageChart';

describe('PoolUsageChart', () => {
  it('shows a saturated pool with waiting clients past the size line', async () => {
    await renderInTestApp(
      <PoolUsageChart
        pool={{
          poolSize: 20,
          reservePoolSize: 5,
          pools: 3,
          active: 75,
          waiting: 12,
          maxWaitSeconds: 58.25,
          poolMode: 'session',
        }}
      />,
    );
    expect(screen.getByText('pool size 60 (3 pools × 20)')).toBeInTheDocument();
    expect(
      screen.getByText('75/75 in use incl. reserve (100 %) · 12 waiting'),
    ).toBeInTheDocument();
    expect(screen.getByTestId('pool-waiting')).toBeInTheDocument();
    expect(screen.getByTestId('pool-reserve')).toBeInTheDocument();
    expect(screen.getByTestId('pool-active')).toHaveAttribute(
      'fill',
      '#c62828',
    );
    expect(
      screen.getByText(
        'Pool mode session; longest wait 58.3 s; reserve 15 (dashed).',
      ),
    ).toBeInTheDocument();
  });

  it('shows a quiet pool in green with nobody waiting', async () => {
    await renderInTestApp(
      <PoolUsageChart
        pool={{
          poolSize: 25,
          reservePoolSize: 0,
          pools: 1,
          active: 5,
          waiting: 0,
          maxWaitSeconds: 0,
          poolMode: 'transaction',
        }}
      />,
    );
    expect(screen.getByText('pool size 25')).toBeInTheDocument();
    expect(
      screen.getByText('5/25 in use (20 %) · none waiting'),
    ).toBeInTheDocument();
    expect(screen.queryByTestId('pool-waiting')).toBeNull();
    expect(screen.queryByTestId('pool-reserve')).toBeNull();
    expect(screen.getByTestId('pool-active')).toHaveAttribute(
      'fill',
      '#2e7d32',
    );
  });
});
