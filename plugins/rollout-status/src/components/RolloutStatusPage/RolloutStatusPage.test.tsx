import { act, screen, within } from '@testing-library/react';
import {
  renderInTestApp,
  TestApiProvider,
} from '@backstage/frontend-test-utils';
import { rolloutStatusApiRef } from '../../api/RolloutStatusApi';
import { RolloutStatusPage } from './RolloutStatusPage';
import { aCheck, aStatus, fakeApi } from '../../testing/fixtures';

const bootStormRollout = aCheck({
  id: 'rollout',
  verdict: 'critical',
  summary: '3 live ReplicaSets hold pods.',
  data: {
    replicaSets: [
      {
        name: 'authentik-server-6f7c9',
        revision: 14,
        imageTag: '2026.2.4',
        desired: 1,
        ready: 0,
        createdAt: '2026-06-10T22:30:00Z',
      },
      {
        name: 'authentik-server-5d8f2',
        revision: 13,
        imageTag: '2026.2.2',
        desired: 3,
        ready: 1,
        createdAt: '2026-06-10T22:21:00Z',
      },
      {
        name: 'authentik-server-4b1a0',
        revision: 12,
        imageTag: '2026.2.4',
        desired: 1,
        ready: 1,
        createdAt: '2026-06-01T10:00:00Z',
      },
    ],
  },
});

describe('RolloutStatusPage', () => {
  afterEach(() => jest.useRealTimers());

  it('shows every check in detail with the ReplicaSet picture', async () => {
    const status = aStatus({
      checks: [
        bootStormRollout,
        aCheck({
          id: 'pool',
          verdict: 'warn',
          summary: 'Pool 92 % used.',
          evidence: [{ label: 'pool_mode', value: 'session' }],
        }),
      ],
    });
    await renderInTestApp(
      <TestApiProvider apis={[[rolloutStatusApiRef, fakeApi({ status })]]}>
        <RolloutStatusPage />
      </TestApiProvider>,
    );
    const panel = within(
      await screen.findByRole('region', { name: 'authentik' }),
    );
    expect(
      await panel.findByText(/Safe to roll authentik now\?/),
    ).toBeInTheDocument();
    expect(
      panel.getByText('3 live ReplicaSets — churn: more than two hold pods'),
    ).toBeInTheDocument();
    expect(panel.getByText('revision 13 · image 2026.2.2')).toBeInTheDocument();
    const pool = within(panel.getByRole('region', { name: 'PgBouncer pool' }));
    expect(pool.getByText('WARN')).toBeInTheDocument();
    expect(
      pool.getByRole('rowheader', { name: 'pool_mode' }),
    ).toBeInTheDocument();
    expect(panel.getByTestId('refresh-status')).toHaveTextContent(
      /updated \d+ s ago/,
    );
  });

  it('refreshes every 10 s and says when it last updated', async () => {
    jest.useFakeTimers({ now: Date.parse('2026-11-22T12:00:00Z') });
    const api = fakeApi({});
    await renderInTestApp(
      <TestApiProvider apis={[[rolloutStatusApiRef, api]]}>
        <RolloutStatusPage />
      </TestApiProvider>,
    );
    const refresh = await screen.findByTestId('refresh-status');
    expect(api.getTargetStatus).toHaveBeenCalledTimes(1);

    await act(async () => {
      jest.advanceTimersByTime(4_000);
    });
    expect(refresh).toHaveTextContent('updated 4 s ago');

    await act(async () => {
      jest.advanceTimersByTime(6_000);
    });
    expect(api.getTargetStatus).toHaveBeenCalledTimes(2);
    expect(screen.getByTestId('refresh-status')).toHaveTextContent(
      'updated 0 s ago',
    );
  });

  it('shows the reason when the targets cannot be loaded', async () => {
    await renderInTestApp(
      <TestApiProvider
        apis={[
          [
            rolloutStatusApiRef,
            fakeApi({
              targetsError: new Error(
                'rollout-status backend is not installed',
              ),
            }),
          ],
        ]}
      >
        <RolloutStatusPage />
      </TestApiProvider>,
    );
    expect(await screen.findByRole('alert')).toHaveTextContent(
      'rollout-status backend is not installed',
    );
  });
});
