import { screen } from '@testing-library/react';
import { renderInTestApp } from '@backstage/frontend-test-utils';
import { ErrorNotice } from './ErrorNotice';

describe('ErrorNotice', () => {
  it('says what failed to load and why, as an alert', async () => {
    await renderInTestApp(
      <ErrorNotice
        what="the status of authentik"
        error={new Error('Request timed out')}
      />,
    );
    const alert = screen.getByRole('alert');
    expect(alert).toHaveTextContent('Could not load the status of authentik');
    expect(alert).toHaveTextContent('Request timed out');
  });
});
