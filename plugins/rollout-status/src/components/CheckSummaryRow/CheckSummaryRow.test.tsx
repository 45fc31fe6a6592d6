import { screen } from '@testing-library/react';
import { renderInTestApp } from '@backstage/frontend-test-utils';
import { CheckSummaryRow } from './CheckSummaryRow';
import { aCheck, NOW, secondsBefore } from '../../testing/fixtures';

describe('CheckSummaryRow', () => {
  it('shows an unknown check in grey with its reason', async () => {
    await renderInTestApp(
      <ul>
        <CheckSummaryRow
          now={NOW}
          check={aCheck({
            id: 'pool',
            verdict: 'unknown',
            summary: 'PgBouncer admin console did not answer within 3 s.',
            reasons: ['connect ECONNREFUSED 10.0.0.5:6432'],
            sources: [
              {
                kind: 'pgbouncer',
                name: 'PgBouncer admin console 10.0.0.5:6432',
                mode: 'live',
              },
            ],
            observedAt: secondsBefore(NOW, 12),
          })}
        />
      </ul>,
    );
    const badge = screen.getByTestId('verdict-badge');
    expect(badge).toHaveTextContent('UNKNOWN');
    expect(badge).toHaveStyle({ backgroundColor: 'rgb(97, 97, 97)' });
    expect(screen.getByText('PgBouncer pool')).toBeInTheDocument();
    expect(
      screen.getByText('PgBouncer admin console did not answer within 3 s.'),
    ).toBeInTheDocument();
    expect(
      screen.getByText('connect ECONNREFUSED 10.0.0.5:6432'),
    ).toBeInTheDocument();
    expect(screen.getByText('12 s ago')).toBeInTheDocument();
    expect(
      screen.getByText(
        /PgBouncer admin console 10\.0\.0\.5:6432 \(pgbouncer\)/,
      ),
    ).toBeInTheDocument();
  });

  it('links the runbook section of the check', async () => {
    await renderInTestApp(
      <ul>
        <CheckSummaryRow now={NOW} check={aCheck({ id: 'rollout' })} />
      </ul>,
    );
    expect(
      screen.getByRole('link', { name: 'Runbook: Rollout progress' }),
    ).toHaveAttribute(
      'href',
      '/docs/default/component/infra-portal/runbooks/stuck-rollout/#rollout-not-converging',
    );
  });

  it('labels snapshot sources with their file and says "recorded"', async () => {
    await renderInTestApp(
      <ul>
        <CheckSummaryRow
          now={NOW}
          check={aCheck({
            sources: [
              {
                kind: 'kubernetes',
                name: 'deployment authentik/authentik-server',
                mode: 'snapshot',
                file: 'snapshots/boot-storm.json',
              },
            ],
            observedAt: secondsBefore(NOW, 600),
          })}
        />
      </ul>,
    );
    expect(
      screen.getByText('[snapshot: snapshots/boot-storm.json]'),
    ).toBeInTheDocument();
    expect(screen.getByText('recorded 10 min ago')).toBeInTheDocument();
  });
});
