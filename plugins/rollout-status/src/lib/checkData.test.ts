import {
  groupByDeployment,
  isLive,
  readPoolUse,
  readReplicaSets,
} from './checkData';

describe('readReplicaSets', () => {
  it('reads the documented shape', () => {
    const replicaSets = readReplicaSets({
      replicaSets: [
        {
          name: 'server-a',
          revision: 7,
          imageTag: '2026.2.4',
          desired: 3,
          ready: 2,
          createdAt: 'x',
        },
      ],
    });
    expect(replicaSets).toEqual([
      {
        name: 'server-a',
        revision: '7',
        imageTag: '2026.2.4',
        desired: 3,
        ready: 2,
        createdAt: 'x',
      },
    ]);
  });

  it('returns undefined rather than guess when the shape is off', () => {
    expect(readReplicaSets(undefined)).toBeUndefined();
    expect(readReplicaSets({ replicaSets: 'three' })).toBeUndefined();
    expect(
      readReplicaSets({ replicaSets: [{ name: 'a', desired: '3', ready: 1 }] }),
    ).toBeUndefined();
    expect(
      readReplicaSets({ replicaSets: [{ name: 'a', desired: -1, ready: 1 }] }),
    ).toBeUndefined();
  });

  it("reads the backend's shape: numeric revision, `created`, owning deployment", () => {
    expect(
      readReplicaSets({
        replicaSets: [
          {
            deployment: 'authentik-server',
            name: 'rs-1',
            revision: 14,
            desired: 3,
            ready: 3,
            created: '2026-06-10T22:00:00.000Z',
          },
        ],
      }),
    ).toEqual([
      {
        deployment: 'authentik-server',
        name: 'rs-1',
        revision: '14',
        imageTag: '?',
        desired: 3,
        ready: 3,
        createdAt: '2026-06-10T22:00:00.000Z',
      },
    ]);
  });

  it('groups ReplicaSets by deployment in first-seen order', () => {
    const base = { revision: '1', imageTag: 't', desired: 1, ready: 1 };
    const groups = groupByDeployment([
      { ...base, name: 'a1', deployment: 'server' },
      { ...base, name: 'b1', deployment: 'worker' },
      { ...base, name: 'a2', deployment: 'server' },
    ]);
    expect(
      groups.map(g => [g.deployment, g.replicaSets.map(r => r.name)]),
    ).toEqual([
      ['server', ['a1', 'a2']],
      ['worker', ['b1']],
    ]);
  });

  it('calls a ReplicaSet live while it wants or holds pods', () => {
    const base = { name: 'a', revision: '1', imageTag: 't' };
    expect(isLive({ ...base, desired: 0, ready: 0 })).toBe(false);
    expect(isLive({ ...base, desired: 0, ready: 1 })).toBe(true);
    expect(isLive({ ...base, desired: 3, ready: 0 })).toBe(true);
  });
});

describe('readPoolUse', () => {
  it('reads the documented shape', () => {
    expect(
      readPoolUse({
        poolSize: 25,
        active: 25,
        waiting: 4,
        maxWaitSeconds: 58,
        poolMode: 'session',
      }),
    ).toEqual({
      poolSize: 25,
      reservePoolSize: 0,
      pools: 1,
      active: 25,
      waiting: 4,
      maxWaitSeconds: 58,
      poolMode: 'session',
    });
  });

  it("reads the backend's field names, pools and reserve", () => {
    expect(
      readPoolUse({
        database: 'authentik',
        poolMode: 'session',
        pools: 3,
        poolSize: 20,
        reservePoolSize: 5,
        serverActive: 75,
        serverIdle: 0,
        clientActive: 80,
        clientWaiting: 12,
        maxWaitSeconds: 58.25,
        saturationPercent: 100,
      }),
    ).toEqual({
      poolSize: 20,
      reservePoolSize: 5,
      pools: 3,
      active: 75,
      waiting: 12,
      maxWaitSeconds: 58.25,
      poolMode: 'session',
    });
  });

  it('returns undefined for a missing or zero pool size or non-numbers', () => {
    expect(
      readPoolUse({ poolSize: 0, active: 0, waiting: 0, maxWaitSeconds: 0 }),
    ).toBeUndefined();
    expect(
      readPoolUse({
        poolSize: 25,
        active: 'lots',
        waiting: 0,
        maxWaitSeconds: 0,
      }),
    ).toBeUndefined();
    expect(readPoolUse(undefined)).toBeUndefined();
  });
});
