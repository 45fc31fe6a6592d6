import { screen } from '@testing-library/react';
import { renderInTestApp } from '@backstage/frontend-test-utils';
import { SnapshotNotice } from './SnapshotNotice';

describe('SnapshotNotice', () => {
  it('labels a snapshot with its file and recorded time, not as live', async () => {
    await renderInTestApp(
      <SnapshotNotice
        mode="snapshot"
        snapshot={{
          file: 'snapshots/boot-storm.json',
          recordedAt: '2026-06-10T22:35:00Z',
          scenario: 'boot-storm',
        }}
      />,
    );
    const notice = screen.getByTestId('data-mode');
    expect(notice).toHaveTextContent('SNAPSHOT — not live data.');
    expect(notice).toHaveTextContent('Recorded at 2026-06-10 22:35:00 UTC');
    expect(notice).toHaveTextContent('snapshots/boot-storm.json');
    expect(notice).toHaveTextContent('scenario: boot-storm');
    expect(notice).not.toHaveTextContent('LIVE');
  });

  it('says LIVE for live data', async () => {
    await renderInTestApp(<SnapshotNotice mode="live" />);
    expect(screen.getByTestId('data-mode')).toHaveTextContent('LIVE data');
  });
});
