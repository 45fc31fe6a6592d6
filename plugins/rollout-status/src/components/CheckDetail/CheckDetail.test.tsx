import { screen, within } from '@testing-library/react';
import { renderInTestApp } from '@backstage/frontend-test-utils';
import { CheckDetail } from './CheckDetail';
import { aCheck, NOW, secondsBefore } from '../../testing/fixtures';

describe('CheckDetail', () => {
  it('shows question, summary, reasons, evidence, age, source and runbook', async () => {
    await renderInTestApp(
      <CheckDetail
        now={NOW}
        check={aCheck({
          id: 'lock-holders',
          verdict: 'critical',
          summary: 'A session idle in transaction holds the migration lock.',
          reasons: ['pid 4242 idle in transaction for 2 min 14 s'],
          evidence: [
            { label: 'pid', value: '4242' },
            { label: 'application', value: 'authentik' },
          ],
          sources: [
            {
              kind: 'postgres',
              name: 'PostgreSQL pg-cluster-rw:5432/authentik',
              mode: 'live',
            },
          ],
          observedAt: secondsBefore(NOW, 3),
        })}
      />,
    );
    const section = screen.getByRole('region', {
      name: 'Advisory lock holders',
    });
    const view = within(section);
    expect(view.getByText('CRITICAL')).toBeInTheDocument();
    expect(
      view.getByText(
        'Is a session idle in transaction holding an advisory lock that boots wait on?',
      ),
    ).toBeInTheDocument();
    expect(
      view.getByText('pid 4242 idle in transaction for 2 min 14 s'),
    ).toBeInTheDocument();
    const evidence = within(view.getByRole('table', { name: 'Evidence' }));
    expect(
      evidence.getByRole('rowheader', { name: 'pid' }).nextSibling,
    ).toHaveTextContent('4242');
    expect(
      evidence.getByRole('rowheader', { name: 'application' }),
    ).toBeInTheDocument();
    expect(view.getByText('3 s ago')).toBeInTheDocument();
    expect(
      view.getByText(/PostgreSQL pg-cluster-rw:5432\/authentik \(postgres\)/),
    ).toBeInTheDocument();
    expect(
      view.getByRole('link', { name: 'Runbook: Advisory lock holders' }),
    ).toHaveAttribute(
      'href',
      '/docs/default/component/infra-portal/runbooks/stuck-rollout/#idle-in-transaction-holders',
    );
  });
});
