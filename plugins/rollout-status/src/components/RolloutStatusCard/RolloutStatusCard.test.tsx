import { screen, waitFor, within } from '@testing-library/react';
import {
  renderInTestApp,
  TestApiProvider,
} from '@backstage/frontend-test-utils';
import { EntityProvider } from '@backstage/plugin-catalog-react';
import { Entity } from '@backstage/catalog-model';
import { ResponseError } from '@backstage/errors';
import {
  RolloutStatusApi,
  rolloutStatusApiRef,
} from '../../api/RolloutStatusApi';
import { RolloutStatusCard } from './RolloutStatusCard';
import { aCheck, aStatus, fakeApi } from '../../testing/fixtures';

function anEntity(kind: string, name: string): Entity {
  return {
    apiVersion: 'backstage.io/v1alpha1',
    kind,
    metadata: { name, namespace: 'default' },
    spec: {},
  };
}

async function renderCard(api: RolloutStatusApi, entity: Entity) {
  return renderInTestApp(
    <TestApiProvider apis={[[rolloutStatusApiRef, api]]}>
      <EntityProvider entity={entity}>
        <RolloutStatusCard />
      </EntityProvider>
    </TestApiProvider>,
  );
}

describe('RolloutStatusCard', () => {
  it('shows the preflight verdict first, then every check with colour and text', async () => {
    const status = aStatus({
      preflight: {
        verdict: 'critical',
        safeToApply: false,
        reasons: ['3 live ReplicaSets: the last rollout has not converged.'],
        basedOn: ['pdb', 'rollout', 'version-pin', 'lock-holders'],
      },
      checks: [
        aCheck({
          id: 'pdb',
          verdict: 'ok',
          summary: 'All PDBs keep 2 pods up.',
        }),
        aCheck({
          id: 'rollout',
          verdict: 'critical',
          summary: '3 live ReplicaSets.',
        }),
        aCheck({
          id: 'version-pin',
          verdict: 'ok',
          summary: 'Live 2026.2.4 = pin 2026.2.4.',
        }),
        aCheck({
          id: 'lock-holders',
          verdict: 'unknown',
          summary: 'PostgreSQL timed out after 3 s.',
        }),
      ],
    });
    await renderCard(fakeApi({ status }), anEntity('System', 'authentik'));

    expect(
      await screen.findByText(/Safe to roll authentik now\?/),
    ).toBeInTheDocument();
    const preflight = within(screen.getByTestId('preflight'));
    expect(preflight.getByText('No')).toBeInTheDocument();
    expect(
      preflight.getByText(
        '3 live ReplicaSets: the last rollout has not converged.',
      ),
    ).toBeInTheDocument();

    // Unknown is counted as unknown, not as OK.
    expect(screen.getByTestId('verdict-tally')).toHaveTextContent(
      '1 CRITICAL · 1 UNKNOWN · 2 OK',
    );
    const lock = within(screen.getByTestId('check-lock-holders'));
    expect(lock.getByText('UNKNOWN')).toHaveStyle({
      backgroundColor: 'rgb(97, 97, 97)',
    });
    expect(
      lock.getByText('PostgreSQL timed out after 3 s.'),
    ).toBeInTheDocument();
    expect(lock.getByText('12 s ago')).toBeInTheDocument();
    expect(
      within(screen.getByTestId('check-rollout')).getByText('CRITICAL'),
    ).toBeInTheDocument();
    expect(
      screen.getByRole('link', { name: 'Runbook: Version pin' }),
    ).toHaveAttribute(
      'href',
      '/docs/default/component/infra-portal/runbooks/helm-apply/#compare-live-image-and-pin',
    );
    expect(screen.getByTestId('data-mode')).toHaveTextContent('LIVE data');
  });

  it('shows on the PgBouncer resource as well, matching refs case-insensitively', async () => {
    const api = fakeApi({
      targets: [
        {
          targetId: 'authentik',
          title: 'authentik',
          mode: 'live',
          entityRefs: [
            'System:default/authentik',
            'Resource:default/Authentik-PgBouncer',
          ],
        },
      ],
    });
    await renderCard(api, anEntity('Resource', 'authentik-pgbouncer'));
    expect(
      await screen.findByText(/Safe to roll authentik now\?/),
    ).toBeInTheDocument();
    expect(api.getTargetStatus).toHaveBeenCalledWith('authentik');
  });

  it('labels a snapshot target as a snapshot with its file and time', async () => {
    const status = aStatus({
      mode: 'snapshot',
      snapshot: {
        file: 'snapshots/boot-storm.json',
        recordedAt: '2026-06-10T22:35:00Z',
        scenario: 'boot-storm',
      },
    });
    await renderCard(fakeApi({ status }), anEntity('System', 'authentik'));
    const notice = await screen.findByTestId('data-mode');
    expect(notice).toHaveTextContent('SNAPSHOT — not live data.');
    expect(notice).toHaveTextContent('snapshots/boot-storm.json');
    expect(notice).toHaveTextContent('2026-06-10 22:35:00 UTC');
    expect(
      within(screen.getByTestId('preflight')).getByText('Not live'),
    ).toBeInTheDocument();
  });

  it('lists checks other plugins added after ours, without a runbook link', async () => {
    const status = aStatus({
      additionalChecks: [
        {
          ...aCheck({
            verdict: 'warn',
            summary: 'Certificate expires in 9 days.',
          }),
          id: 'acme.cert-expiry',
          title: 'Certificate expiry',
        },
      ],
    });
    await renderCard(fakeApi({ status }), anEntity('System', 'authentik'));
    const extra = within(await screen.findByTestId('check-acme.cert-expiry'));
    expect(extra.getByText('Certificate expiry')).toBeInTheDocument();
    expect(extra.getByText('WARN')).toBeInTheDocument();
    expect(
      extra.getByText(/no runbook \(check added by another plugin\)/),
    ).toBeInTheDocument();
    expect(screen.getByTestId('verdict-tally')).toHaveTextContent(
      '1 WARN · 4 OK',
    );
    // Not part of the preflight: still safe.
    expect(
      within(screen.getByTestId('preflight')).getByText('Yes'),
    ).toBeInTheDocument();
  });

  it('renders nothing on an entity no target names', async () => {
    const api = fakeApi({});
    const { container } = await renderCard(
      api,
      anEntity('System', 'nextcloud'),
    );
    // The card title shows while loading; it goes once no target matches.
    await waitFor(() =>
      expect(screen.queryByText('Rollout status')).toBeNull(),
    );
    expect(api.getTargets).toHaveBeenCalled();
    expect(api.getTargetStatus).not.toHaveBeenCalled();
    expect(container).not.toHaveTextContent(/Safe to roll/);
  });

  it('shows an error with the reason when the targets cannot be loaded', async () => {
    await renderCard(
      fakeApi({
        targetsError: new Error('connect ECONNREFUSED 127.0.0.1:7007'),
      }),
      anEntity('System', 'authentik'),
    );
    const alert = await screen.findByRole('alert');
    expect(alert).toHaveTextContent(
      'Could not load the rollout-status targets',
    );
    expect(alert).toHaveTextContent('connect ECONNREFUSED 127.0.0.1:7007');
    expect(screen.queryByText('OK')).toBeNull();
  });

  it('shows an error with the reason when the status cannot be loaded', async () => {
    const response = new Response(
      JSON.stringify({
        error: { name: 'Error', message: 'poller has not run yet' },
        request: { method: 'GET', url: '/targets/authentik/status' },
        response: { statusCode: 503 },
      }),
      {
        status: 503,
        statusText: 'Service Unavailable',
        headers: { 'content-type': 'application/json' },
      },
    );
    const error = await ResponseError.fromResponse(response);
    await renderCard(
      fakeApi({ status: () => Promise.reject(error) }),
      anEntity('System', 'authentik'),
    );
    const alert = await screen.findByRole('alert');
    expect(alert).toHaveTextContent('Could not load the status of authentik');
    expect(alert).toHaveTextContent('503');
    expect(alert).toHaveTextContent('poller has not run yet');
    expect(screen.queryByText(/Safe to roll/)).toBeNull();
  });
});
