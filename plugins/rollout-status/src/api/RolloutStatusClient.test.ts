import { http, HttpResponse } from 'msw';
import { setupServer } from 'msw/node';
import { mockApis, registerMswTestHooks } from '@backstage/frontend-test-utils';
import { ResponseError } from '@backstage/errors';
import { RolloutStatusClient } from './RolloutStatusClient';
import { aStatus } from '../testing/fixtures';
import { describeError } from '../lib/describeError';

const BASE = 'http://backstage.test/api/rollout-status';

describe('RolloutStatusClient', () => {
  const server = setupServer();
  registerMswTestHooks(server);

  const client = new RolloutStatusClient({
    discoveryApi: mockApis.discovery({ baseUrl: 'http://backstage.test' }),
    fetchApi: mockApis.fetch(),
  });

  it('lists targets', async () => {
    server.use(
      http.get(`${BASE}/targets`, () =>
        HttpResponse.json({
          targets: [
            {
              targetId: 'authentik',
              title: 'authentik',
              mode: 'live',
              entityRefs: ['system:default/authentik'],
            },
          ],
        }),
      ),
    );
    const { targets } = await client.getTargets();
    expect(targets.map(t => t.targetId)).toEqual(['authentik']);
  });

  it('asks for the status of an encoded target id', async () => {
    let requested = '';
    server.use(
      http.get(`${BASE}/targets/:targetId/status`, ({ request }) => {
        requested = new URL(request.url).pathname;
        return HttpResponse.json(aStatus({ targetId: 'auth/entik' }));
      }),
    );
    const status = await client.getTargetStatus('auth/entik');
    expect(requested).toBe('/api/rollout-status/targets/auth%2Fentik/status');
    expect(status.targetId).toBe('auth/entik');
  });

  it('throws a ResponseError carrying the backend message on failure', async () => {
    server.use(
      http.get(`${BASE}/targets/authentik/status`, () =>
        HttpResponse.json(
          {
            error: {
              name: 'NotFoundError',
              message: 'No target named authentik',
            },
            request: {
              method: 'GET',
              url: '/api/rollout-status/targets/authentik/status',
            },
            response: { statusCode: 404 },
          },
          { status: 404 },
        ),
      ),
    );
    const error = await client.getTargetStatus('authentik').catch(e => e);
    expect(error).toBeInstanceOf(ResponseError);
    expect(error.message).toMatch(/404/);
    expect(describeError(error)).toMatch(/No target named authentik/);
  });

  it('rejects a body that is not a status', async () => {
    server.use(
      http.get(`${BASE}/targets/authentik/status`, () =>
        HttpResponse.json({ hello: 'world' }),
      ),
    );
    await expect(client.getTargetStatus('authentik')).rejects.toThrow(
      /unexpected response/,
    );
  });
});
