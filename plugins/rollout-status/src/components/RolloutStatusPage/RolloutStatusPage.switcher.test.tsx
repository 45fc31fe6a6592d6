import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import {
  renderInTestApp,
  TestApiProvider,
} from '@backstage/frontend-test-utils';
import {
  TargetStatus,
  TargetSummary,
} from '@internal/backstage-plugin-rollout-status-common';
import { rolloutStatusApiRef } from '../../api/RolloutStatusApi';
import { RolloutStatusPage } from './RolloutStatusPage';
import { aStatus, fakeApi } from '../../testing/fixtures';

const target = (
  targetId: string,
  title: string,
  mode: TargetSummary['mode'] = 'live',
): TargetSummary => ({ targetId, title, mode, entityRefs: [] });

const TARGETS = [
  target('authentik', 'authentik'),
  target('authentik-snapshot', 'authentik (snapshot: healthy)', 'snapshot'),
  target(
    'authentik-boot-storm',
    'authentik (snapshot: boot storm)',
    'snapshot',
  ),
];

const snapshot = (scenario: string) => ({
  file: `snapshots/${scenario}.json`,
  recordedAt: '2026-06-10T22:35:00Z',
  scenario,
});

/** Each target's status as the backend would answer it. */
function statusOf(targetId: string): TargetStatus {
  const title = TARGETS.find(t => t.targetId === targetId)!.title;
  if (targetId === 'authentik-snapshot') {
    return aStatus({
      targetId,
      title,
      mode: 'snapshot',
      snapshot: snapshot('healthy'),
    });
  }
  if (targetId === 'authentik-boot-storm') {
    return aStatus({
      targetId,
      title,
      mode: 'snapshot',
      snapshot: snapshot('boot-storm'),
      preflight: {
        verdict: 'critical',
        safeToApply: false,
        reasons: ['goauthentik-server: 1 healthy, below the budget'],
        basedOn: ['pdb', 'rollout', 'version-pin', 'lock-holders'],
      },
    });
  }
  return aStatus({ targetId, title });
}

async function renderPage(route: string) {
  const api = fakeApi({ targets: TARGETS });
  api.getTargetStatus.mockImplementation(async id => statusOf(id));
  await renderInTestApp(
    <TestApiProvider apis={[[rolloutStatusApiRef, api]]}>
      <RolloutStatusPage />
    </TestApiProvider>,
    { initialRouteEntries: [route] },
  );
  return api;
}

const choice = (title: string) =>
  screen
    .getAllByTestId('target-choice')
    .find(a => a.textContent?.startsWith(title))!;

describe('RolloutStatusPage target switcher', () => {
  it("lists every target with its own verdict, snapshots by what they recorded and marked 'Not live'", async () => {
    await renderPage('/rollout-status');
    const nav = within(
      await screen.findByRole('navigation', { name: 'Rollout targets' }),
    );
    expect(await nav.findAllByText('Recorded: No')).toHaveLength(1);
    const storm = within(choice('authentik (snapshot: boot storm)'));
    expect(storm.getByTestId('verdict-badge')).toHaveAttribute(
      'data-verdict',
      'critical',
    );
    expect(storm.getByTestId('not-live')).toHaveTextContent('Not live');
    const healthy = within(choice('authentik (snapshot: healthy)'));
    expect(healthy.getByTestId('verdict-badge')).toHaveTextContent(
      'Recorded: Yes',
    );
    expect(healthy.getByTestId('not-live')).toBeInTheDocument();
    const live = within(choice('authentik'));
    expect(live.getByTestId('verdict-badge')).toHaveTextContent('Yes');
    expect(live.queryByTestId('not-live')).toBeNull();
  });

  it('shows only the target the URL names, its verdict first', async () => {
    await renderPage('/rollout-status?target=authentik-boot-storm');
    const panel = await screen.findByRole('region', {
      name: 'authentik (snapshot: boot storm)',
    });
    expect(screen.queryByRole('region', { name: 'authentik' })).toBeNull();
    const preflight = await within(panel).findByTestId('preflight');
    expect(preflight).toHaveAttribute('data-verdict', 'critical');
    expect(preflight).toHaveAttribute('data-mode', 'snapshot');
    expect(within(preflight).getByTestId('answer-source')).toHaveTextContent(
      'Recorded 2026-06-10 22:35:00 UTC',
    );
    expect(within(preflight).getByTestId('answer-source')).toHaveTextContent(
      'from file snapshots/boot-storm.json: not the cluster now.',
    );
    // The verdict comes before the rest of the panel.
    const first = panel.querySelector('[data-testid]');
    expect(first).toBe(preflight);
    expect(choice('authentik (snapshot: boot storm)')).toHaveAttribute(
      'aria-current',
      'page',
    );
  });

  it('switches target through the link, and says so when the URL names none', async () => {
    await renderPage('/rollout-status?target=no-such-target');
    expect(
      await screen.findByText(/No target has the id “no-such-target”/),
    ).toBeInTheDocument();
    expect(
      await screen.findByRole('region', { name: 'authentik' }),
    ).toBeInTheDocument();

    await userEvent.click(choice('authentik (snapshot: healthy)'));
    expect(
      await screen.findByRole('region', {
        name: 'authentik (snapshot: healthy)',
      }),
    ).toBeInTheDocument();
    expect(screen.queryByText(/No target has the id/)).toBeNull();
  });
});
