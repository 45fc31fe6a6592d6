import { screen, within } from '@testing-library/react';
import { renderInTestApp } from '@backstage/frontend-test-utils';
import { PreflightVerdict } from './PreflightVerdict';
import { aCheck, aStatus, NOW, secondsBefore } from '../../testing/fixtures';

const fresh = secondsBefore(NOW, 5);
const checks = (['pdb', 'rollout', 'version-pin', 'lock-holders'] as const).map(
  id => aCheck({ id, observedAt: fresh }),
);

describe('PreflightVerdict', () => {
  it('answers Yes in green when safe', async () => {
    await renderInTestApp(
      <PreflightVerdict status={aStatus({ checks })} now={NOW} />,
    );
    expect(
      screen.getByText(/Safe to roll authentik now\?/),
    ).toBeInTheDocument();
    const answer = screen.getByTestId('verdict-badge');
    expect(answer).toHaveTextContent('Yes');
    expect(answer).toHaveStyle({ backgroundColor: 'rgb(46, 125, 50)' });
    expect(screen.getByText(/Disruption budgets \(OK\)/)).toBeInTheDocument();
  });

  it('answers No in red with every reason when not safe', async () => {
    const status = aStatus({
      checks: checks.map(c =>
        c.id === 'version-pin' ? { ...c, verdict: 'critical' as const } : c,
      ),
      preflight: {
        verdict: 'critical',
        safeToApply: false,
        reasons: [
          'An apply now would downgrade authentik from 2026.2.4 to 2026.2.2.',
          'The database is migrated to 2026.2.4.',
        ],
        basedOn: ['pdb', 'rollout', 'version-pin', 'lock-holders'],
      },
    });
    await renderInTestApp(<PreflightVerdict status={status} now={NOW} />);
    const answer = screen.getByTestId('verdict-badge');
    expect(answer).toHaveTextContent('No');
    expect(answer).toHaveStyle({ backgroundColor: 'rgb(198, 40, 40)' });
    const reasons = within(
      screen.getByRole('list', { name: 'Preflight reasons' }),
    );
    expect(reasons.getAllByRole('listitem').map(li => li.textContent)).toEqual([
      'An apply now would downgrade authentik from 2026.2.4 to 2026.2.2.',
      'The database is migrated to 2026.2.4.',
    ]);
    expect(screen.getByText(/Version pin \(CRITICAL\)/)).toBeInTheDocument();
  });

  it('links the preflight runbook', async () => {
    await renderInTestApp(
      <PreflightVerdict status={aStatus({ checks })} now={NOW} />,
    );
    expect(
      screen.getByRole('link', { name: 'Preflight runbook' }),
    ).toHaveAttribute(
      'href',
      '/docs/default/component/infra-portal/runbooks/helm-apply/#preflight',
    );
  });
});
