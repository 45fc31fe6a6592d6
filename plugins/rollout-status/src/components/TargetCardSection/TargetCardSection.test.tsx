import { act, screen, within } from '@testing-library/react';
import {
  renderInTestApp,
  TestApiProvider,
} from '@backstage/frontend-test-utils';
import { rolloutStatusApiRef } from '../../api/RolloutStatusApi';
import { TargetCardSection } from './TargetCardSection';
import {
  AUTHENTIK_TARGET,
  aCheck,
  aStatus,
  fakeApi,
} from '../../testing/fixtures';

describe('TargetCardSection', () => {
  afterEach(() => jest.useRealTimers());

  it('moves the age on with the clock and marks it stale in the end', async () => {
    jest.useFakeTimers({ now: Date.parse('2026-11-22T12:00:00Z') });
    const observedAt = '2026-11-22T11:59:48Z';
    // The backend keeps answering with the same (ageing) observation.
    const status = aStatus({ checks: [aCheck({ id: 'pool', observedAt })] });
    await renderInTestApp(
      <TestApiProvider apis={[[rolloutStatusApiRef, fakeApi({ status })]]}>
        <TargetCardSection target={AUTHENTIK_TARGET} />
      </TestApiProvider>,
    );
    const pool = within(await screen.findByTestId('check-pool'));
    expect(pool.getByText('12 s ago')).toBeInTheDocument();

    await act(async () => {
      jest.advanceTimersByTime(5_000);
    });
    expect(pool.getByText('17 s ago')).toBeInTheDocument();

    await act(async () => {
      jest.advanceTimersByTime(70_000);
    });
    // 87 s: still within three 30 s backend polls.
    expect(pool.getByText('1 min ago')).toBeInTheDocument();

    await act(async () => {
      jest.advanceTimersByTime(10_000);
    });
    expect(pool.getByText('1 min ago — STALE')).toBeInTheDocument();
  });
});
