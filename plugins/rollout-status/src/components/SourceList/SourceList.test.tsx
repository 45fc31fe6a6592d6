import { screen } from '@testing-library/react';
import { renderInTestApp } from '@backstage/frontend-test-utils';
import { SourceList } from './SourceList';

describe('SourceList', () => {
  it('names each source with its kind, and labels recorded ones as snapshots', async () => {
    await renderInTestApp(
      <SourceList
        sources={[
          {
            kind: 'kubernetes',
            name: 'Kubernetes API namespace authentik',
            mode: 'live',
          },
          {
            kind: 'postgres',
            name: 'PostgreSQL (recorded, scenario boot-storm)',
            mode: 'snapshot',
            file: 'snapshots/boot-storm.json',
          },
        ]}
      />,
    );
    expect(
      screen.getByText(/Kubernetes API namespace authentik \(kubernetes\)/),
    ).toBeInTheDocument();
    expect(
      screen.getByText('[snapshot: snapshots/boot-storm.json]'),
    ).toBeInTheDocument();
  });

  it('says when no source was reported', async () => {
    await renderInTestApp(<SourceList sources={[]} />);
    expect(screen.getByText('source: not reported')).toBeInTheDocument();
  });
});
