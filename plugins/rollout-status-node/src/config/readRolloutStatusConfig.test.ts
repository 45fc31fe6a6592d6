import { DEFAULT_THRESHOLDS } from './schema';
import { readRolloutStatusConfig } from './readRolloutStatusConfig';

describe('readRolloutStatusConfig', () => {
  it('applies defaults: 3 s deadline, 30 s interval, stale after 3 intervals, the documented thresholds', () => {
    const config = readRolloutStatusConfig({
      targets: [
        {
          id: 'authentik',
          title: 'authentik',
          pgbouncer: { host: 'pgbouncer', user: 'stats', password: 'x' },
        },
      ],
    });
    expect(config).toMatchObject({
      deadlineMs: 3000,
      intervalSeconds: 30,
      staleAfterSeconds: 90,
    });
    expect(config.targets[0].thresholds).toEqual(DEFAULT_THRESHOLDS);
    expect(config.targets[0].pgbouncer).toMatchObject({
      port: 6432,
      database: 'authentik',
    });
  });

  it('reuses a cluster of the stock Kubernetes plugin by name', () => {
    const config = readRolloutStatusConfig(
      {
        targets: [
          { id: 'a', title: 'a', kubernetes: { clusterName: 'homelab' } },
        ],
      },
      [
        {
          type: 'config',
          clusters: [
            {
              name: 'homelab',
              url: 'https://10.0.20.100:6443',
              authProvider: 'serviceAccount',
              serviceAccountToken: 'tok',
              caData: 'Y2E=',
            },
          ],
        },
      ],
    );
    expect(config.targets[0].kubernetes?.connection).toEqual({
      url: 'https://10.0.20.100:6443',
      token: 'tok',
      caData: 'Y2E=',
      skipTLSVerify: false,
    });
    expect(config.targets[0].kubernetes?.workloads.server).toBe(
      'goauthentik-server',
    );
  });

  it.each([
    [
      {
        targets: [{ id: 'a', title: 'a', kubernetes: { clusterName: 'nope' } }],
      },
      /rolloutStatus\.targets\[0\]\.kubernetes\.clusterName: no cluster named "nope".*set rolloutStatus\.targets\[0\]\.kubernetes\.url/,
    ],
    [
      { targets: [{ id: 'a', title: 'a', kubernetes: {} }] },
      /rolloutStatus\.targets\[0\]\.kubernetes: set exactly one of `url`/,
    ],
    [{ deadlineMs: -1 }, /rolloutStatus\.deadlineMs/],
    [
      { targets: [{ id: 'A b', title: 'a' }] },
      /rolloutStatus\.targets\[0\]\.id: use lower-case letters/,
    ],
    [
      {
        targets: [{ id: 'a', title: 'a', thresholds: { shmWarnPercent: 99 } }],
      },
      /thresholds\.shmWarnPercent: must not exceed shmCriticalPercent \(95\)/,
    ],
    [
      {
        targets: [
          { id: 'a', title: 'a' },
          { id: 'a', title: 'b' },
        ],
      },
      /rolloutStatus\.targets\[1\]\.id: "a" is used twice/,
    ],
    [
      {
        targets: [
          {
            id: 'a',
            title: 'a',
            postgres: { host: 'h', user: 'u', password: 'p', sslmode: 'x' },
          },
        ],
      },
      /rolloutStatus\.targets\[0\]\.postgres/,
    ],
  ])('rejects bad input naming the key: %j', (input, message) => {
    expect(() => readRolloutStatusConfig(input)).toThrow(message);
  });
});
