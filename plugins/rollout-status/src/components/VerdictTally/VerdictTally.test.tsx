import { screen } from '@testing-library/react';
import { renderInTestApp } from '@backstage/frontend-test-utils';
import { VerdictTally } from './VerdictTally';
import { aCheck } from '../../testing/fixtures';

describe('VerdictTally', () => {
  it('counts each verdict, worst first, keeping unknown apart from OK', async () => {
    await renderInTestApp(
      <VerdictTally
        checks={[
          aCheck({ id: 'pdb', verdict: 'ok' }),
          aCheck({ id: 'pool', verdict: 'unknown' }),
          aCheck({ id: 'rollout', verdict: 'ok' }),
          aCheck({ id: 'session-store', verdict: 'warn' }),
          aCheck({ id: 'forward-auth', verdict: 'unknown' }),
        ]}
      />,
    );
    expect(screen.getByTestId('verdict-tally')).toHaveTextContent(
      '1 WARN · 2 UNKNOWN · 2 OK',
    );
  });
});
