import { resolve } from 'node:path';
import {
  mockCredentials,
  mockServices,
  startTestBackend,
} from '@backstage/backend-test-utils';
import { JsonObject } from '@backstage/types';
import request from 'supertest';
import { rolloutStatusPlugin } from './plugin';

const REPO = resolve(__dirname, '../../..');
const derive = {
  infraPath: resolve(REPO, 'examples/infra'),
  url: 'http://127.0.0.1:1/unused',
  token: 'unused',
};

async function backendWith(rolloutStatus: JsonObject) {
  const { server } = await startTestBackend({
    features: [
      rolloutStatusPlugin,
      mockServices.rootConfig.factory({ data: { rolloutStatus } }),
      // A request without a token is anonymous (the mock default is a user).
      mockServices.httpAuth.factory({
        defaultCredentials: mockCredentials.none(),
      }),
    ],
  });
  return server;
}

describe('the simulated-cluster route', () => {
  it('serves the Kubernetes API paths without a Backstage token, saying it is simulated', async () => {
    const server = await backendWith({
      derive,
      simulatedCluster: {
        enabled: true,
        liveChanges: resolve(
          REPO,
          'examples/simulated-cluster/live-changes.yaml',
        ),
      },
    });
    // No Authorization header: the official client calls it like an API server.
    const res = await request(server).get(
      '/api/rollout-status/simulated-cluster/apis/apps/v1/namespaces/cloudflared/deployments',
    );
    expect(res.status).toBe(200);
    expect(res.headers['x-simulated-cluster']).toMatch(/not a cluster/);
    expect(res.body.items.map((d: any) => d.metadata.name)).toEqual([
      'cloudflared',
    ]);
    expect(res.body.items[0].metadata.annotations).toMatchObject({
      'rollout-status.homelab/simulated': 'true',
    });
    // The recorded kubectl patch is there, with its manager.
    expect(
      res.body.items[0].metadata.managedFields.map((f: any) => f.manager),
    ).toContain('kubectl-patch');
    const missing = await request(server).get(
      '/api/rollout-status/simulated-cluster/api/v1/namespaces/nowhere',
    );
    expect(missing.status).toBe(404);
    expect(missing.body).toMatchObject({ kind: 'Status', code: 404 });
  });

  it('is not served when disabled or not configured', async () => {
    for (const rolloutStatus of [
      { derive, simulatedCluster: { enabled: false } },
      { derive },
    ]) {
      const server = await backendWith(rolloutStatus);
      const path = '/api/rollout-status/simulated-cluster/api/v1/pods';
      // A signed-in user finds nothing there; without a token it is not public.
      const res = await request(server)
        .get(path)
        .set('authorization', mockCredentials.user.header());
      expect(res.status).toBe(404);
      expect(res.headers['x-simulated-cluster']).toBeUndefined();
      expect((await request(server).get(path)).status).toBe(401);
    }
  });
});
