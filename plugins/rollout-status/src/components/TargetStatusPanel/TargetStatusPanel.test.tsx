import { screen, within } from '@testing-library/react';
import {
  renderInTestApp,
  TestApiProvider,
} from '@backstage/frontend-test-utils';
import { rolloutStatusApiRef } from '../../api/RolloutStatusApi';
import { TargetStatusPanel } from './TargetStatusPanel';
import { AUTHENTIK_TARGET, aStatus, fakeApi } from '../../testing/fixtures';

describe('TargetStatusPanel', () => {
  it('shows an error with the reason, not empty green, when the status fails', async () => {
    await renderInTestApp(
      <TestApiProvider
        apis={[
          [
            rolloutStatusApiRef,
            fakeApi({
              status: () => Promise.reject(new Error('socket hang up')),
            }),
          ],
        ]}
      >
        <TargetStatusPanel target={AUTHENTIK_TARGET} />
      </TestApiProvider>,
    );
    const alert = await screen.findByRole('alert');
    expect(alert).toHaveTextContent('Could not load the status of authentik');
    expect(alert).toHaveTextContent('socket hang up');
    expect(screen.queryByText('OK')).toBeNull();
  });

  it('labels a snapshot target on the page', async () => {
    const status = aStatus({
      mode: 'snapshot',
      snapshot: {
        file: 'snapshots/healthy.json',
        recordedAt: '2026-06-11T09:00:00Z',
        scenario: 'healthy',
      },
    });
    await renderInTestApp(
      <TestApiProvider apis={[[rolloutStatusApiRef, fakeApi({ status })]]}>
        <TargetStatusPanel target={AUTHENTIK_TARGET} />
      </TestApiProvider>,
    );
    const panel = within(
      await screen.findByRole('region', { name: 'authentik' }),
    );
    expect(await panel.findByTestId('data-mode')).toHaveTextContent(
      'SNAPSHOT — not live data. Recorded at 2026-06-11 09:00:00 UTC from file snapshots/healthy.json (scenario: healthy).',
    );
  });
});
