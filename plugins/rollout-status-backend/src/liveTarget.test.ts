import { mockServices, startTestBackend } from '@backstage/backend-test-utils';
import { findFreePort } from '@internal/test-services';
import {
  KubernetesFixtureServer,
  recordedKubernetes,
  startKubernetesFixtureServer,
} from '@internal/backstage-plugin-rollout-status-node/testUtils';
import request from 'supertest';
import { rolloutStatusPlugin } from './plugin';

const TOKEN = 'sa-token-never-shown-9f3e';
const PGBOUNCER_PASSWORD = 'pgbouncer-pw-never-shown-51';
const POSTGRES_PASSWORD = 'postgres-pw-never-shown-77';

describe('a live target', () => {
  let fixture: KubernetesFixtureServer;
  const logLines: string[] = [];

  beforeAll(async () => {
    fixture = await startKubernetesFixtureServer({
      recorded: recordedKubernetes('healthy'),
      token: TOKEN,
    });
    for (const level of ['error', 'warn', 'info', 'debug', 'log'] as const) {
      // Captured for the whole file: shutdown logs arrive after the last test.
      jest.spyOn(console, level).mockImplementation((...args: unknown[]) => {
        logLines.push(
          args
            .map(a => (typeof a === 'string' ? a : JSON.stringify(a)))
            .join(' '),
        );
      });
    }
  });
  afterAll(async () => {
    await fixture.close();
  });

  it('costs one upstream read per source per interval however many viewers ask, and never leaks a credential', async () => {
    const deadPort = await findFreePort();
    const { server } = await startTestBackend({
      features: [
        rolloutStatusPlugin,
        mockServices.rootLogger.factory({ level: 'debug' }),
        mockServices.rootConfig.factory({
          data: {
            rolloutStatus: {
              deadlineMs: 1000,
              intervalSeconds: 3600,
              targets: [
                {
                  id: 'authentik',
                  title: 'authentik',
                  kubernetes: { url: fixture.url, token: TOKEN },
                  // Both refuse connections: their failures get logged.
                  pgbouncer: {
                    host: '127.0.0.1',
                    port: deadPort,
                    user: 'stats',
                    password: PGBOUNCER_PASSWORD,
                  },
                  postgres: {
                    host: '127.0.0.1',
                    port: deadPort,
                    user: 'readonly',
                    password: POSTGRES_PASSWORD,
                  },
                },
              ],
            },
          },
        }),
      ],
    });
    let body = '';
    for (let i = 0; i < 100; i++) {
      const res = await request(server).get(
        '/api/rollout-status/targets/authentik/status',
      );
      body = res.text;
      if (!res.body.checks[0].reasons.includes('not polled yet')) break;
      await new Promise(r => setTimeout(r, 50));
    }
    const readsAfterPoll = fixture.requests.get('deployments');
    expect(readsAfterPoll).toBe(1);

    const bodies = await Promise.all(
      Array.from({ length: 50 }, () =>
        request(server).get('/api/rollout-status/targets/authentik/status'),
      ),
    );
    expect(bodies.every(r => r.status === 200)).toBe(true);
    expect(fixture.requests.get('deployments')).toBe(1);
    expect(fixture.requests.get('pods')).toBe(1);

    const status = JSON.parse(body);
    expect(status.mode).toBe('live');
    expect(
      status.checks.find((c: { id: string }) => c.id === 'replicas').verdict,
    ).toBe('ok');
    expect(
      status.checks.find((c: { id: string }) => c.id === 'pool'),
    ).toMatchObject({ verdict: 'unknown' });
    expect(
      status.checks.find((c: { id: string }) => c.id === 'pool').summary,
    ).toMatch(/ECONNREFUSED/);
    expect(logLines.some(l => l.includes('rollout-status source failed'))).toBe(
      true,
    );

    const everything = [body, ...bodies.map(r => r.text), ...logLines].join(
      '\n',
    );
    for (const secret of [TOKEN, PGBOUNCER_PASSWORD, POSTGRES_PASSWORD]) {
      expect(everything).not.toContain(secret);
    }
  }, 30_000);
});
