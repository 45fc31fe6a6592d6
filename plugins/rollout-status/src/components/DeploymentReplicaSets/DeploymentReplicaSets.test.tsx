import { screen } from '@testing-library/react';
import { renderInTestApp } from '@backstage/frontend-test-utils';
import { DeploymentReplicaSets } from './DeploymentReplicaSets';

describe('DeploymentReplicaSets', () => {
  it('calls two live ReplicaSets a rollout in progress, newest first', async () => {
    await renderInTestApp(
      <DeploymentReplicaSets
        deployment="authentik-worker"
        replicaSets={[
          {
            name: 'old',
            revision: '8',
            imageTag: '2026.2.2',
            desired: 1,
            ready: 1,
          },
          {
            name: 'new',
            revision: '9',
            imageTag: '2026.2.4',
            desired: 3,
            ready: 2,
          },
        ]}
      />,
    );
    expect(
      screen.getByRole('img', {
        name: 'Pods by ReplicaSet: authentik-worker: 2 live ReplicaSets — a rollout is in progress',
      }),
    ).toBeInTheDocument();
    const rows = screen.getAllByTestId(/^replicaset-/);
    expect(rows.map(r => r.getAttribute('data-testid'))).toEqual([
      'replicaset-new',
      'replicaset-old',
    ]);
    expect(screen.getByText('2/3 ready')).toBeInTheDocument();
  });
});
