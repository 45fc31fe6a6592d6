import { createBackendModule } from '@backstage/backend-plugin-api';
import { mockServices, startTestBackend } from '@backstage/backend-test-utils';
import { AuthorizeResult } from '@backstage/plugin-permission-common';
import { TargetStatus } from '@internal/backstage-plugin-rollout-status-common';
import { rolloutStatusChecksExtensionPoint } from '@internal/backstage-plugin-rollout-status-node';
import { snapshotPath } from '@internal/backstage-plugin-rollout-status-node/testUtils';
import request from 'supertest';
import { rolloutStatusPlugin } from './plugin';

const config = {
  rolloutStatus: {
    targets: [
      {
        id: 'authentik',
        title: 'authentik (healthy snapshot)',
        entityRefs: [
          'system:default/authentik',
          'resource:default/authentik-pgbouncer',
        ],
        snapshot: snapshotPath('healthy'),
      },
      {
        id: 'boot-storm',
        title: 'authentik (boot-storm snapshot)',
        entityRefs: ['system:default/authentik'],
        snapshot: snapshotPath('boot-storm'),
      },
    ],
  },
};

async function statusOf(
  server: Parameters<typeof request>[0],
  targetId: string,
): Promise<TargetStatus> {
  // The scheduler runs the poll at startup; wait for its result to land.
  for (let i = 0; i < 100; i++) {
    const res = await request(server).get(
      `/api/rollout-status/targets/${targetId}/status`,
    );
    expect(res.status).toBe(200);
    if (!res.body.checks[0].reasons.includes('not polled yet')) return res.body;
    await new Promise(r => setTimeout(r, 50));
  }
  throw new Error('the poll never completed');
}

describe('rollout-status backend', () => {
  it('lists targets, filtered by entity ref', async () => {
    const { server } = await startTestBackend({
      features: [
        rolloutStatusPlugin,
        mockServices.rootConfig.factory({ data: config }),
      ],
    });
    const all = await request(server).get('/api/rollout-status/targets');
    expect(all.status).toBe(200);
    expect(
      all.body.targets.map((t: { targetId: string }) => t.targetId),
    ).toEqual(['authentik', 'boot-storm']);
    expect(all.body.targets[0]).toMatchObject({
      mode: 'snapshot',
      entityRefs: [
        'system:default/authentik',
        'resource:default/authentik-pgbouncer',
      ],
    });
    const pgbouncer = await request(server)
      .get('/api/rollout-status/targets')
      .query({ entityRef: 'resource:default/authentik-pgbouncer' });
    expect(
      pgbouncer.body.targets.map((t: { targetId: string }) => t.targetId),
    ).toEqual(['authentik']);
  });

  it('serves a snapshot labelled as one, with the preflight verdict and aged checks', async () => {
    const { server } = await startTestBackend({
      features: [
        rolloutStatusPlugin,
        mockServices.rootConfig.factory({ data: config }),
      ],
    });
    const healthy = await statusOf(server, 'authentik');
    expect(healthy.mode).toBe('snapshot');
    expect(healthy.snapshot).toEqual({
      file: snapshotPath('healthy'),
      recordedAt: '2026-06-12T10:00:00Z',
      scenario: 'healthy',
    });
    expect(healthy.preflight).toMatchObject({
      verdict: 'ok',
      safeToApply: true,
    });
    expect(
      healthy.checks.every(c => c.sources.every(s => s.mode === 'snapshot')),
    ).toBe(true);
    expect(healthy.checks[0].ageSeconds).toBeGreaterThan(0);

    const storm = await statusOf(server, 'boot-storm');
    expect(storm.preflight.safeToApply).toBe(false);
    expect(storm.preflight.verdict).toBe('critical');
    expect(storm.preflight.reasons.join('\n')).toMatch(
      /Version pin: an apply now changes the version: it DOWNGRADES 2026\.2\.4 to 2026\.2\.2/,
    );
    const pool = storm.checks.find(c => c.id === 'pool');
    expect(pool?.data).toMatchObject({
      poolSize: 20,
      clientWaiting: 37,
      maxWaitSeconds: 58,
    });
  });

  it("shows lock holders' query text only to callers the permission allows", async () => {
    const allowed = await startTestBackend({
      features: [
        rolloutStatusPlugin,
        mockServices.rootConfig.factory({ data: config }),
      ],
    });
    const visible = await statusOf(allowed.server, 'boot-storm');
    const holders = (s: TargetStatus) =>
      s.checks.find(c => c.id === 'lock-holders')?.data?.holders as Array<
        Record<string, unknown>
      >;
    expect(holders(visible)[0]).toMatchObject({
      pid: 48213,
      query: 'SELECT * FROM authentik_version_history',
    });

    const denied = await startTestBackend({
      features: [
        rolloutStatusPlugin,
        mockServices.rootConfig.factory({ data: config }),
        mockServices.permissions.mock({
          authorize: async () => [{ result: AuthorizeResult.DENY }],
        }).factory,
      ],
    });
    const hidden = await statusOf(denied.server, 'boot-storm');
    expect(holders(hidden)[0]).toMatchObject({
      pid: 48213,
      applicationName: 'authentik',
    });
    expect(holders(hidden)[0]).not.toHaveProperty('query');
    expect(JSON.stringify(hidden)).not.toContain('authentik_version_history');
  });

  it('sends a status gzipped when the viewer accepts it, plain otherwise, and 304 for the ETag it has', async () => {
    const { server } = await startTestBackend({
      features: [
        rolloutStatusPlugin,
        mockServices.rootConfig.factory({ data: config }),
      ],
    });
    await statusOf(server, 'authentik');
    const url = '/api/rollout-status/targets/authentik/status';
    const plain = await request(server)
      .get(url)
      .set('Accept-Encoding', 'identity');
    expect(plain.headers['content-encoding']).toBeUndefined();
    expect(plain.headers['content-type']).toMatch(/^application\/json/);
    const zipped = await request(server)
      .get(url)
      .set('Accept-Encoding', 'gzip');
    expect(zipped.headers['content-encoding']).toBe('gzip');
    expect(zipped.headers.vary).toMatch(/Accept-Encoding/);
    // supertest unzips: the same status either way (ages may have moved on).
    expect(zipped.body.targetId).toBe('authentik');
    expect(zipped.body.checks.map((c: { id: string }) => c.id)).toEqual(
      plain.body.checks.map((c: { id: string }) => c.id),
    );

    // Within a second the status is the same object, so the same ETag:
    // a viewer that has it gets 304 and no body. Across a second boundary
    // the ages change, and so does the ETag: ask again.
    let revalidated;
    for (let i = 0; i < 5; i++) {
      const first = await request(server).get(url);
      revalidated = await request(server)
        .get(url)
        .set('If-None-Match', first.headers.etag);
      if (revalidated.status === 304) break;
      expect(revalidated.status).toBe(200);
      expect(revalidated.headers.etag).not.toBe(first.headers.etag);
    }
    expect(revalidated!.status).toBe(304);
    expect(revalidated!.text).toBeFalsy();
  });

  it('answers 404 for an unknown target and 400 for a malformed id', async () => {
    const { server } = await startTestBackend({
      features: [
        rolloutStatusPlugin,
        mockServices.rootConfig.factory({ data: config }),
      ],
    });
    const missing = await request(server).get(
      '/api/rollout-status/targets/nope/status',
    );
    expect(missing.status).toBe(404);
    expect(missing.body.error.message).toBe('No rollout-status target "nope"');
    const bad = await request(server).get(
      '/api/rollout-status/targets/Bad_Id/status',
    );
    expect(bad.status).toBe(400);
  });

  it('serves an empty list without rolloutStatus config', async () => {
    const { server } = await startTestBackend({
      features: [
        rolloutStatusPlugin,
        mockServices.rootConfig.factory({ data: {} }),
      ],
    });
    const res = await request(server).get('/api/rollout-status/targets');
    expect(res.body).toEqual({ targets: [] });
  });

  it('refuses to start on bad config, naming the key', async () => {
    await expect(
      startTestBackend({
        features: [
          rolloutStatusPlugin,
          mockServices.rootConfig.factory({
            data: {
              rolloutStatus: {
                targets: [
                  {
                    id: 'x',
                    title: 'x',
                    pgbouncer: {
                      host: 'h',
                      port: 'six',
                      user: 'u',
                      password: 'p',
                    },
                  },
                ],
              },
            },
          }),
        ],
      }),
    ).rejects.toThrow(/rolloutStatus\.targets\[0\]\.pgbouncer\.port/);
  });

  it('runs checks other plugins add through the extension point', async () => {
    const module = createBackendModule({
      pluginId: 'rollout-status',
      moduleId: 'test-checks',
      register(env) {
        env.registerInit({
          deps: { checks: rolloutStatusChecksExtensionPoint },
          async init({ checks }) {
            checks.addCheck({
              id: 'test.pool-mode',
              title: 'Pool mode',
              evaluate: ({ readings }) => ({
                verdict: readings.pgbouncer?.ok ? 'ok' : 'unknown',
                summary: `pool mode ${
                  readings.pgbouncer?.ok
                    ? readings.pgbouncer.data.config.pool_mode
                    : 'unknown'
                }`,
                reasons: [],
                evidence: [],
                sources: [],
                observedAt: readings.pgbouncer?.observedAt ?? '',
              }),
            });
          },
        });
      },
    });
    const { server } = await startTestBackend({
      features: [
        rolloutStatusPlugin,
        module,
        mockServices.rootConfig.factory({ data: config }),
      ],
    });
    const status = (await statusOf(server, 'authentik')) as TargetStatus & {
      additionalChecks?: Array<{
        id: string;
        verdict: string;
        summary: string;
      }>;
    };
    expect(
      status.additionalChecks?.map(c => [c.id, c.verdict, c.summary]),
    ).toEqual([['test.pool-mode', 'ok', 'pool mode session']]);
  });
});
