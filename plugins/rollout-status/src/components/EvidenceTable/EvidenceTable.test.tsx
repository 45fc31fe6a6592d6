import { screen, within } from '@testing-library/react';
import { renderInTestApp } from '@backstage/frontend-test-utils';
import { EvidenceTable } from './EvidenceTable';

describe('EvidenceTable', () => {
  it('lists each fact as label and value', async () => {
    await renderInTestApp(
      <EvidenceTable
        evidence={[
          { label: '/dev/shm used', value: '97 % of 512Mi' },
          { label: 'session files', value: '44012' },
        ]}
      />,
    );
    const rows = within(
      screen.getByRole('table', { name: 'Evidence' }),
    ).getAllByRole('row');
    expect(rows.map(r => r.textContent)).toEqual([
      '/dev/shm used97 % of 512Mi',
      'session files44012',
    ]);
  });

  it('renders nothing without evidence', async () => {
    await renderInTestApp(<EvidenceTable evidence={[]} />);
    expect(screen.queryByRole('table')).toBeNull();
  });
});
