import { screen } from '@testing-library/react';
import { renderInTestApp } from '@backstage/frontend-test-utils';
import { DataAge } from './DataAge';
import { NOW, secondsBefore } from '../../testing/fixtures';

describe('DataAge', () => {
  it('shows the age against the clock it is given', async () => {
    await renderInTestApp(
      <DataAge observedAt={secondsBefore(NOW, 12)} now={NOW} />,
    );
    expect(screen.getByText('12 s ago')).toBeInTheDocument();
  });

  it('marks live data past the stale limit, in words', async () => {
    await renderInTestApp(
      <DataAge observedAt={secondsBefore(NOW, 300)} now={NOW} />,
    );
    expect(screen.getByText('5 min ago — STALE')).toBeInTheDocument();
  });

  it("uses the backend's stale limit when the app config exposes it", async () => {
    await renderInTestApp(
      <DataAge observedAt={secondsBefore(NOW, 40)} now={NOW} />,
      { config: { rolloutStatus: { intervalSeconds: 10 } } },
    );
    expect(screen.getByText('40 s ago — STALE')).toBeInTheDocument();
  });

  it('does not call 40 s stale with the default limit', async () => {
    await renderInTestApp(
      <DataAge observedAt={secondsBefore(NOW, 40)} now={NOW} />,
    );
    expect(screen.getByText('40 s ago')).toBeInTheDocument();
  });

  it('says "recorded" for snapshot data instead of calling it stale', async () => {
    await renderInTestApp(
      <DataAge
        observedAt={secondsBefore(NOW, 3 * 86_400)}
        now={NOW}
        snapshot
      />,
    );
    expect(screen.getByText('recorded 3 d ago')).toBeInTheDocument();
  });

  it('says the age is unknown for a missing time', async () => {
    await renderInTestApp(<DataAge observedAt="" now={NOW} />);
    expect(
      screen.getByText('age unknown (no observation time)'),
    ).toBeInTheDocument();
  });
});
