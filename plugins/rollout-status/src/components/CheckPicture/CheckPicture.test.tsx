import { screen } from '@testing-library/react';
import { renderInTestApp } from '@backstage/frontend-test-utils';
import { CheckPicture } from './CheckPicture';
import { aCheck } from '../../testing/fixtures';

describe('CheckPicture', () => {
  it('draws the ReplicaSets of the rollout check', async () => {
    await renderInTestApp(
      <CheckPicture
        check={aCheck({
          id: 'rollout',
          data: {
            replicaSets: [
              {
                name: 'authentik-server-6f7c9',
                revision: 14,
                imageTag: '2026.2.4',
                desired: 3,
                ready: 3,
                createdAt: '2026-06-10T22:00:00Z',
              },
            ],
          },
        })}
      />,
    );
    expect(
      screen.getByRole('img', { name: /Pods by ReplicaSet/ }),
    ).toBeInTheDocument();
    expect(screen.getByText('authentik-server-6f7c9')).toBeInTheDocument();
  });

  it('draws nothing when the data is not the expected shape', async () => {
    await renderInTestApp(
      <div data-testid="holder">
        <CheckPicture
          check={aCheck({
            id: 'rollout',
            data: { replicaSets: [{ name: 7 }] },
          })}
        />
        <CheckPicture
          check={aCheck({ id: 'pool', data: { poolSize: 'big' } })}
        />
      </div>,
    );
    expect(screen.getByTestId('holder')).toBeEmptyDOMElement();
  });

  it('draws the pool for the pool check', async () => {
    await renderInTestApp(
      <CheckPicture
        check={aCheck({
          id: 'pool',
          data: {
            poolSize: 20,
            active: 3,
            waiting: 0,
            maxWaitSeconds: 0,
            poolMode: 'transaction',
          },
        })}
      />,
    );
    expect(
      screen.getByRole('img', { name: /PgBouncer pool use/ }),
    ).toBeInTheDocument();
  });
});
