import { screen } from '@testing-library/react';
import { renderInTestApp } from '@backstage/frontend-test-utils';
import { CHECKS } from '@internal/backstage-plugin-rollout-status-common';
import { RunbookLink } from './RunbookLink';

describe('RunbookLink', () => {
  it('links the runbook section in the portal TechDocs', async () => {
    await renderInTestApp(
      <RunbookLink runbook={CHECKS['session-store'].runbook} />,
    );
    expect(screen.getByRole('link', { name: 'Runbook' })).toHaveAttribute(
      'href',
      '/docs/default/component/infra-portal/runbooks/forward-auth-400/#check-dev-shm',
    );
  });
});
