import { screen, within } from '@testing-library/react';
import { renderInTestApp } from '@backstage/frontend-test-utils';
import { ReplicaSetChart } from './ReplicaSetChart';

const server = (
  name: string,
  revision: string,
  imageTag: string,
  desired: number,
  ready: number,
) => ({
  deployment: 'authentik-server',
  name,
  revision,
  imageTag,
  desired,
  ready,
});

const bootStorm = [
  server('authentik-server-6f7c9', '14', '2026.2.4', 1, 0),
  server('authentik-server-5d8f2', '13', '2026.2.2', 3, 1),
  server('authentik-server-4b1a0', '12', '2026.2.4', 1, 1),
  server('authentik-server-39e11', '11', '2026.2.1', 0, 0),
  {
    deployment: 'authentik-worker',
    name: 'authentik-worker-77aa1',
    revision: '9',
    imageTag: '2026.2.4',
    desired: 3,
    ready: 3,
  },
];

describe('ReplicaSetChart', () => {
  it('draws each live ReplicaSet and calls three in one Deployment churn', async () => {
    await renderInTestApp(<ReplicaSetChart replicaSets={bootStorm} />);
    expect(
      screen.getByText(
        'authentik-server: 3 live ReplicaSets — churn: more than two hold pods',
      ),
    ).toBeInTheDocument();
    expect(
      screen.getByText('authentik-worker: 1 live ReplicaSet'),
    ).toBeInTheDocument();

    const middle = within(
      screen.getByTestId('replicaset-authentik-server-5d8f2'),
    );
    expect(middle.getByText('authentik-server-5d8f2')).toBeInTheDocument();
    expect(
      middle.getByText('revision 13 · image 2026.2.2'),
    ).toBeInTheDocument();
    expect(middle.getByText('1/3 ready')).toBeInTheDocument();
    expect(middle.getAllByText('ready pod')).toHaveLength(1);
    expect(middle.getAllByText('pod not ready')).toHaveLength(2);

    expect(
      screen.getByTestId('replicaset-authentik-server-6f7c9'),
    ).toBeInTheDocument();
    expect(
      screen.getByTestId('replicaset-authentik-server-4b1a0'),
    ).toBeInTheDocument();
    expect(
      screen.getByTestId('replicaset-authentik-worker-77aa1'),
    ).toBeInTheDocument();
    // Scaled to zero: counted in the caption, not drawn.
    expect(
      screen.queryByTestId('replicaset-authentik-server-39e11'),
    ).toBeNull();
    expect(
      screen.getByText(/1 older ReplicaSet\(s\) scaled to 0 not drawn/),
    ).toBeInTheDocument();
    expect(
      screen.getByText(
        'authentik-server: live image tags differ: 2026.2.4, 2026.2.2.',
        { exact: false },
      ),
    ).toBeInTheDocument();
  });

  it('does not call one ReplicaSet in each of three Deployments churn', async () => {
    await renderInTestApp(
      <ReplicaSetChart
        replicaSets={[
          server('authentik-server-6f7c9', '14', '2026.2.4', 3, 3),
          {
            deployment: 'authentik-worker',
            name: 'w-1',
            revision: '9',
            imageTag: '2026.2.4',
            desired: 3,
            ready: 3,
          },
          {
            deployment: 'authentik-pgbouncer',
            name: 'p-1',
            revision: '4',
            imageTag: '1.23.1',
            desired: 3,
            ready: 3,
          },
        ]}
      />,
    );
    expect(
      screen.getByText('authentik-server: 1 live ReplicaSet'),
    ).toBeInTheDocument();
    expect(
      screen.getByText('3/3 ready', {
        selector: '[data-testid="replicaset-p-1"] text',
      }),
    ).toBeInTheDocument();
    expect(screen.queryByText(/churn/)).toBeNull();
    expect(screen.queryByText(/image tags differ/)).toBeNull();
  });
});
