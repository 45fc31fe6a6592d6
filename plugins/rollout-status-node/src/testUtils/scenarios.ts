import { encodeHelmReleaseSecret } from '../sources/kubernetes/helmRelease';
import { Snapshot } from '../sources/snapshot';
import {
  Json,
  at,
  deployment,
  event,
  list,
  pdb,
  pod,
  replicaSet,
} from './kubernetesObjects';

/**
 * The scenarios behind the bundled snapshots (examples/rollout-snapshots)
 * and the Kubernetes fixture server. Facts from the post-mortems: the
 * 2026-06-10 downgrade boot storm and the 2026-04-18 /dev/shm ENOSPC.
 */
export type ScenarioName = 'healthy' | 'boot-storm' | 'shm-full';

const NS = 'authentik';
const SERVER_IMAGE = (tag: string) => `ghcr.io/goauthentik/server:${tag}`;
const PGBOUNCER_IMAGE = 'docker.io/edoburu/pgbouncer:v1.23.1-p3';
const OUTPOST_IMAGE = 'ghcr.io/goauthentik/proxy:2026.2.4';
const HARDENED_LIVENESS = {
  failureThreshold: 6,
  periodSeconds: 10,
  timeoutSeconds: 5,
};
const CHART_DEFAULT_LIVENESS = {
  failureThreshold: 3,
  periodSeconds: 10,
  timeoutSeconds: 3,
};
const NODES = ['k8s-node1', 'k8s-node2', 'k8s-node3', 'k8s-node4'];

interface Parts {
  items: {
    deployments: Json[];
    replicasets: Json[];
    pods: Json[];
    pdbs: Json[];
    events: Json[];
  };
}

/** A converged deployment: one ReplicaSet, all pods ready on distinct nodes. */
function steady(
  parts: Parts,
  options: {
    name: string;
    image: string;
    replicas: number;
    nodes: string[];
    created: string;
    revision: number;
    hash: string;
    bootSeconds: number;
    liveness?: typeof HARDENED_LIVENESS;
    env?: Array<{ name: string; value: string }>;
    shmVolume?: string;
  },
) {
  const d = deployment({
    name: options.name,
    namespace: NS,
    image: options.image,
    replicas: options.replicas,
    generation: options.revision,
    liveness: options.liveness,
    env: options.env,
    shmVolume: options.shmVolume,
    status: {
      replicas: options.replicas,
      updated: options.replicas,
      ready: options.replicas,
      available: options.replicas,
    },
  });
  const rs = replicaSet({
    deployment: d,
    hash: options.hash,
    revision: options.revision,
    image: options.image,
    desired: options.replicas,
    ready: options.replicas,
    created: options.created,
  });
  parts.items.deployments.push(d);
  parts.items.replicasets.push(rs);
  options.nodes.slice(0, options.replicas).forEach((node, i) =>
    parts.items.pods.push(
      pod({
        replicaSet: rs,
        suffix: `p${i}x${options.hash.slice(0, 3)}`,
        node,
        image: options.image,
        started: at(options.created, 20 * i),
        readyAfterSeconds: options.bootSeconds,
        shmVolume: options.shmVolume,
      }),
    ),
  );
  return d;
}

function pdbs(parts: Parts, serverHealthy: number) {
  parts.items.pdbs.push(
    pdb({
      name: 'goauthentik-server',
      namespace: NS,
      matchLabels: { 'app.kubernetes.io/name': 'goauthentik-server' },
      minAvailable: 2,
      status: {
        currentHealthy: serverHealthy,
        desiredHealthy: 2,
        expectedPods: 3,
        disruptionsAllowed: Math.max(0, serverHealthy - 2),
      },
    }),
    pdb({
      name: 'goauthentik-worker',
      namespace: NS,
      matchLabels: { 'app.kubernetes.io/name': 'goauthentik-worker' },
      maxUnavailable: 1,
      status: {
        currentHealthy: 3,
        desiredHealthy: 2,
        expectedPods: 3,
        disruptionsAllowed: 1,
      },
    }),
    pdb({
      name: 'pgbouncer',
      namespace: NS,
      matchLabels: { 'app.kubernetes.io/name': 'pgbouncer' },
      minAvailable: 2,
      status: {
        currentHealthy: 3,
        desiredHealthy: 2,
        expectedPods: 3,
        disruptionsAllowed: 1,
      },
    }),
  );
}

function helmSecret(options: {
  revision: number;
  chart: string;
  values: Json;
}): Json {
  return encodeHelmReleaseSecret({
    namespace: NS,
    release: {
      // As the Terraform names it (helm_release "authentik" { name = "goauthentik" }).
      name: 'goauthentik',
      version: options.revision,
      info: { status: 'deployed' },
      chart: {
        metadata: { version: options.chart, appVersion: options.chart },
      },
      config: options.values,
    },
  }) as Json;
}

function nodeStats(node: string, podName: string, usedBytes: number): Json {
  return {
    node: { nodeName: node },
    pods: [
      {
        podRef: { name: podName, namespace: NS },
        volume: [{ name: 'dshm', usedBytes, capacityBytes: 512 * 1024 * 1024 }],
      },
    ],
  };
}

function pgbouncerConfig(idleTransactionTimeout: number) {
  return [
    {
      key: 'pool_mode',
      value: 'session',
      default: 'session',
      changeable: 'yes',
    },
    { key: 'default_pool_size', value: '20', default: '20', changeable: 'yes' },
    { key: 'reserve_pool_size', value: '5', default: '0', changeable: 'yes' },
    { key: 'max_client_conn', value: '200', default: '100', changeable: 'yes' },
    {
      key: 'idle_transaction_timeout',
      value: String(idleTransactionTimeout),
      default: '0',
      changeable: 'yes',
    },
    {
      key: 'server_idle_timeout',
      value: '600',
      default: '600',
      changeable: 'yes',
    },
  ];
}

function poolRow(
  clActive: number,
  clWaiting: number,
  svActive: number,
  svIdle: number,
  maxwait: number,
) {
  return {
    database: 'authentik',
    user: 'authentik',
    cl_active: clActive,
    cl_waiting: clWaiting,
    cl_active_cancel_req: 0,
    cl_waiting_cancel_req: 0,
    sv_active: svActive,
    sv_active_cancel: 0,
    sv_being_canceled: 0,
    sv_idle: svIdle,
    sv_used: 0,
    sv_tested: 0,
    sv_login: 0,
    maxwait,
    maxwait_us: 0,
    pool_mode: 'session',
  };
}

function clients(active: number, waiting: number) {
  return [
    ...Array.from({ length: active }, (_, i) => ({
      type: 'C',
      user: 'authentik',
      database: 'authentik',
      state: 'active',
      application_name: 'authentik',
      port: 40000 + i,
    })),
    ...Array.from({ length: waiting }, (_, i) => ({
      type: 'C',
      user: 'authentik',
      database: 'authentik',
      state: 'waiting',
      application_name: 'authentik',
      port: 41000 + i,
    })),
  ];
}

const FORWARD_AUTH_URL = 'https://wealthfolio.homelab.example/';
const LOGIN_REDIRECT =
  'https://wealthfolio.homelab.example/outpost.goauthentik.io/start?rd=https%3A%2F%2Fwealthfolio.homelab.example%2F';
const READY_URL = 'https://authentik.homelab.example/-/health/ready/';

function emptyParts(): Parts {
  return {
    items: { deployments: [], replicasets: [], pods: [], pdbs: [], events: [] },
  };
}

function kubernetesSection(
  parts: Parts,
  secrets: Json[],
  stats: Record<string, Json>,
) {
  return {
    namespace: NS,
    lists: {
      deployments: list('Deployment', 'apps/v1', parts.items.deployments),
      replicasets: list('ReplicaSet', 'apps/v1', parts.items.replicasets),
      pods: list('Pod', 'v1', parts.items.pods),
      poddisruptionbudgets: list(
        'PodDisruptionBudget',
        'policy/v1',
        parts.items.pdbs,
      ),
      events: list('Event', 'v1', parts.items.events),
      secrets: list('Secret', 'v1', secrets),
    },
    nodeStats: stats,
  } as Snapshot['kubernetes'];
}

function healthyLike(
  recordedAt: string,
  options: { outpostShmVolume: boolean; shmUsedBytes: number },
) {
  const parts = emptyParts();
  const created = at(recordedAt, -3 * 86400);
  steady(parts, {
    name: 'goauthentik-server',
    image: SERVER_IMAGE('2026.2.4'),
    replicas: 3,
    nodes: [NODES[1], NODES[2], NODES[0]],
    created,
    revision: 7,
    hash: '5fc69b6cc6',
    bootSeconds: 51,
    liveness: HARDENED_LIVENESS,
  });
  steady(parts, {
    name: 'goauthentik-worker',
    image: SERVER_IMAGE('2026.2.4'),
    replicas: 3,
    nodes: [NODES[1], NODES[0], NODES[3]],
    created,
    revision: 5,
    hash: '5cfb7dc9bf',
    bootSeconds: 40,
    liveness: HARDENED_LIVENESS,
  });
  steady(parts, {
    name: 'pgbouncer',
    image: PGBOUNCER_IMAGE,
    replicas: 3,
    nodes: [NODES[3], NODES[1], NODES[2]],
    created,
    revision: 3,
    hash: '64746f955f',
    bootSeconds: 4,
    liveness: { failureThreshold: 3, periodSeconds: 30, timeoutSeconds: 1 },
  });
  steady(parts, {
    name: 'ak-outpost-authentik-embedded-outpost',
    image: OUTPOST_IMAGE,
    replicas: 2,
    nodes: [NODES[2], NODES[3]],
    created,
    revision: 4,
    hash: '7d9f8c6b5a',
    bootSeconds: 6,
    shmVolume: options.outpostShmVolume ? 'dshm' : undefined,
  });
  pdbs(parts, 3);
  const outpostPods = parts.items.pods.filter(p =>
    String((p.metadata as Json).name).startsWith('ak-outpost'),
  );
  const stats: Record<string, Json> = {};
  if (options.outpostShmVolume) {
    for (const p of outpostPods) {
      const name = String((p.metadata as Json).name);
      const node = String((p.spec as Json).nodeName);
      stats[node] = nodeStats(node, name, options.shmUsedBytes);
    }
  }
  const secrets = [
    helmSecret({ revision: 11, chart: '2026.2.2', values: {} }),
    helmSecret({
      revision: 12,
      chart: '2026.2.2',
      values: {
        global: { image: { tag: '2026.2.4' } },
        server: { replicas: 3 },
      },
    }),
  ];
  // Superseded revisions are labelled so, as Helm does.
  ((secrets[0].metadata as Json).labels as Json).status = 'superseded';
  return { parts, secrets, stats };
}

export function buildScenario(name: ScenarioName): Snapshot {
  if (name === 'healthy') {
    const recordedAt = '2026-06-12T10:00:00Z';
    const { parts, secrets, stats } = healthyLike(recordedAt, {
      outpostShmVolume: true,
      shmUsedBytes: 58 * 1024 * 1024,
    });
    return {
      format: 'rollout-status-snapshot/v1',
      scenario: 'healthy',
      description:
        'After the hardening: 3 replicas on distinct nodes, image pinned to the live tag, liveness 6×10 s/5 s, idle_transaction_timeout 300, no persistent connections, /dev/shm at 11 %.',
      recordedAt,
      kubernetes: kubernetesSection(parts, secrets, stats),
      pgbouncer: {
        pools: [poolRow(12, 0, 12, 6, 0)],
        stats: [
          {
            database: 'authentik',
            total_wait_time: 1200,
            total_query_count: 81234,
          },
        ],
        config: pgbouncerConfig(300),
        clients: clients(12, 0),
        databases: [{ name: 'authentik', pool_size: 20 }],
      },
      postgres: {
        lockHolders: [],
        advisoryWaiters: 0,
        connections: [
          { application: 'authentik', database: 'authentik', count: 18 },
          { application: 'grafana', database: 'grafana', count: 6 },
          { application: 'immich', database: 'immich', count: 9 },
        ],
        maxConnections: 100,
        migratedVersion: '2026.2.4',
      },
      http: {
        ready: { url: READY_URL, status: 200, elapsedMs: 38 },
        forwardAuth: {
          url: FORWARD_AUTH_URL,
          status: 302,
          location: LOGIN_REDIRECT,
          elapsedMs: 21,
        },
      },
    };
  }
  if (name === 'shm-full') {
    const recordedAt = '2026-04-18T09:30:00Z';
    const { parts, secrets, stats } = healthyLike(recordedAt, {
      outpostShmVolume: false,
      shmUsedBytes: 0,
    });
    return {
      format: 'rollout-status-snapshot/v1',
      scenario: 'shm-full',
      description:
        "2026-04-18: the embedded outpost keeps session files on the runtime's default 64 MB /dev/shm; it filled (ENOSPC) and every cookie-less forward-auth request got HTTP 400.",
      recordedAt,
      kubernetes: kubernetesSection(parts, secrets, stats),
      pgbouncer: {
        pools: [poolRow(10, 0, 10, 8, 0)],
        stats: [
          {
            database: 'authentik',
            total_wait_time: 900,
            total_query_count: 70211,
          },
        ],
        config: pgbouncerConfig(300),
        clients: clients(10, 0),
        databases: [{ name: 'authentik', pool_size: 20 }],
      },
      postgres: {
        lockHolders: [],
        advisoryWaiters: 0,
        connections: [
          { application: 'authentik', database: 'authentik', count: 16 },
        ],
        maxConnections: 100,
        migratedVersion: '2026.2.4',
      },
      http: {
        ready: { url: READY_URL, status: 200, elapsedMs: 41 },
        forwardAuth: { url: FORWARD_AUTH_URL, status: 400, elapsedMs: 9 },
      },
    };
  }
  return bootStorm();
}

/** 2026-06-10 ~22:35 UTC, mid-storm. */
function bootStorm(): Snapshot {
  const recordedAt = '2026-06-10T22:35:00Z';
  const parts = emptyParts();
  const old = at(recordedAt, -5 * 86400);
  const connMaxAge = [
    { name: 'AUTHENTIK_POSTGRESQL__CONN_MAX_AGE', value: '60' },
  ];
  // Server: Keel's re-upgrade (rev 9, 2026.2.4) on top of Helm's downgrade
  // (rev 8, 2026.2.2) on top of the original (rev 7, 2026.2.4).
  const server = deployment({
    name: 'goauthentik-server',
    namespace: NS,
    image: SERVER_IMAGE('2026.2.4'),
    replicas: 3,
    generation: 9,
    liveness: CHART_DEFAULT_LIVENESS,
    env: connMaxAge,
    progressDeadlineExceeded: true,
    status: { replicas: 5, updated: 2, ready: 1, available: 1 },
  });
  const rs7 = replicaSet({
    deployment: server,
    hash: '5fc69b6cc6',
    revision: 7,
    image: SERVER_IMAGE('2026.2.4'),
    desired: 1,
    ready: 1,
    created: old,
  });
  const rs8 = replicaSet({
    deployment: server,
    hash: '6b8d9f7c44',
    revision: 8,
    image: SERVER_IMAGE('2026.2.2'),
    desired: 2,
    ready: 0,
    created: at(recordedAt, -900),
  });
  const rs9 = replicaSet({
    deployment: server,
    hash: '7c4e2a9d81',
    revision: 9,
    image: SERVER_IMAGE('2026.2.4'),
    desired: 2,
    ready: 0,
    created: at(recordedAt, -420),
  });
  parts.items.deployments.push(server);
  parts.items.replicasets.push(rs7, rs8, rs9);
  const kill = (finishedOffset: number) => ({
    reason: 'Error',
    exitCode: 137,
    finishedAt: at(recordedAt, finishedOffset),
  });
  const serverPods = [
    pod({
      replicaSet: rs7,
      suffix: 'ctvkp',
      node: NODES[1],
      image: SERVER_IMAGE('2026.2.4'),
      started: at(old, 0),
      readyAfterSeconds: 51,
    }),
    pod({
      replicaSet: rs8,
      suffix: 'q2m7z',
      node: NODES[2],
      image: SERVER_IMAGE('2026.2.2'),
      started: at(recordedAt, -40),
      restarts: 6,
      lastTermination: kill(-45),
    }),
    pod({
      replicaSet: rs8,
      suffix: 'h9w4r',
      node: NODES[0],
      image: SERVER_IMAGE('2026.2.2'),
      started: at(recordedAt, -25),
      restarts: 5,
      lastTermination: kill(-30),
    }),
    pod({
      replicaSet: rs9,
      suffix: 'x8k2d',
      node: NODES[3],
      image: SERVER_IMAGE('2026.2.4'),
      started: at(recordedAt, -35),
      restarts: 3,
      lastTermination: kill(-40),
    }),
    pod({
      replicaSet: rs9,
      suffix: 'n5t6v',
      node: NODES[2],
      image: SERVER_IMAGE('2026.2.4'),
      started: at(recordedAt, -10),
      restarts: 2,
      lastTermination: kill(-15),
    }),
  ];
  parts.items.pods.push(...serverPods);
  for (const p of serverPods.slice(1)) {
    parts.items.events.push(
      event({
        namespace: NS,
        pod: p,
        reason: 'Unhealthy',
        message:
          'Liveness probe failed: HTTP probe failed with statuscode: 503',
        count: 9,
        last: at(recordedAt, -20),
      }),
      event({
        namespace: NS,
        pod: p,
        reason: 'Killing',
        message: 'Container server failed liveness probe, will be restarted',
        count: 3,
        last: at(recordedAt, -20),
      }),
    );
  }
  // Worker: the downgrade ReplicaSet still rolling.
  const worker = deployment({
    name: 'goauthentik-worker',
    namespace: NS,
    image: SERVER_IMAGE('2026.2.2'),
    replicas: 3,
    generation: 6,
    liveness: CHART_DEFAULT_LIVENESS,
    env: connMaxAge,
    status: { replicas: 4, updated: 2, ready: 2, available: 2 },
  });
  const w5 = replicaSet({
    deployment: worker,
    hash: '5cfb7dc9bf',
    revision: 5,
    image: SERVER_IMAGE('2026.2.4'),
    desired: 2,
    ready: 2,
    created: old,
  });
  const w6 = replicaSet({
    deployment: worker,
    hash: '8a1b3c5d7e',
    revision: 6,
    image: SERVER_IMAGE('2026.2.2'),
    desired: 2,
    ready: 0,
    created: at(recordedAt, -900),
  });
  parts.items.deployments.push(worker);
  parts.items.replicasets.push(w5, w6);
  parts.items.pods.push(
    pod({
      replicaSet: w5,
      suffix: 'b2rlr',
      node: NODES[1],
      image: SERVER_IMAGE('2026.2.4'),
      started: old,
      readyAfterSeconds: 40,
    }),
    pod({
      replicaSet: w5,
      suffix: 'hxdg6',
      node: NODES[3],
      image: SERVER_IMAGE('2026.2.4'),
      started: old,
      readyAfterSeconds: 44,
    }),
    pod({
      replicaSet: w6,
      suffix: 'fkfm4',
      node: NODES[0],
      image: SERVER_IMAGE('2026.2.2'),
      started: at(recordedAt, -50),
      restarts: 4,
      lastTermination: kill(-55),
    }),
    pod({
      replicaSet: w6,
      suffix: 'r7j3s',
      node: NODES[2],
      image: SERVER_IMAGE('2026.2.2'),
      started: at(recordedAt, -30),
      restarts: 3,
      lastTermination: kill(-35),
    }),
  );
  steady(parts, {
    name: 'pgbouncer',
    image: PGBOUNCER_IMAGE,
    replicas: 3,
    nodes: [NODES[3], NODES[1], NODES[2]],
    created: old,
    revision: 3,
    hash: '64746f955f',
    bootSeconds: 4,
    liveness: { failureThreshold: 3, periodSeconds: 30, timeoutSeconds: 1 },
  });
  steady(parts, {
    name: 'ak-outpost-authentik-embedded-outpost',
    image: OUTPOST_IMAGE,
    replicas: 2,
    nodes: [NODES[2], NODES[3]],
    created: old,
    revision: 4,
    hash: '7d9f8c6b5a',
    bootSeconds: 6,
    shmVolume: 'dshm',
  });
  pdbs(parts, 1);
  const stats: Record<string, Json> = {};
  for (const p of parts.items.pods.filter(x =>
    String((x.metadata as Json).name).startsWith('ak-outpost'),
  )) {
    const node = String((p.spec as Json).nodeName);
    stats[node] = nodeStats(
      node,
      String((p.metadata as Json).name),
      61 * 1024 * 1024,
    );
  }
  // Revision 13 is the values-only apply: chart 2026.2.2, no image pin.
  const secrets = [
    helmSecret({
      revision: 12,
      chart: '2026.2.2',
      values: { server: { replicas: 3 } },
    }),
    helmSecret({
      revision: 13,
      chart: '2026.2.2',
      values: {
        server: { replicas: 3, env: connMaxAge },
        worker: { env: connMaxAge },
      },
    }),
  ];
  ((secrets[0].metadata as Json).labels as Json).status = 'superseded';
  return {
    format: 'rollout-status-snapshot/v1',
    scenario: 'boot-storm',
    description:
      '2026-06-10 mid-storm: Helm chart pin 2026.2.2 under a Keel-managed live 2026.2.4 (downgrade against a migrated DB), chart-default liveness kill-looping boots, ghost idle-in-transaction advisory lock holders, CONN_MAX_AGE=60 saturating the session-mode pool, three live server ReplicaSets.',
    recordedAt,
    kubernetes: kubernetesSection(parts, secrets, stats),
    pgbouncer: {
      pools: [poolRow(25, 37, 25, 0, 58)],
      stats: [
        {
          database: 'authentik',
          total_wait_time: 58_000_000,
          total_query_count: 90112,
        },
      ],
      config: pgbouncerConfig(0),
      clients: clients(25, 37),
      databases: [{ name: 'authentik', pool_size: 20 }],
    },
    postgres: {
      lockHolders: [
        {
          pid: 48213,
          application_name: 'authentik',
          usename: 'authentik',
          state: 'idle in transaction',
          idle_seconds: 143,
          transaction_seconds: 151,
          lock_key: '0:2026',
          query: 'SELECT * FROM authentik_version_history',
        },
        {
          pid: 48377,
          application_name: 'authentik',
          usename: 'authentik',
          state: 'idle in transaction',
          idle_seconds: 131,
          transaction_seconds: 138,
          lock_key: '0:2026',
          query: 'SELECT * FROM authentik_version_history',
        },
      ],
      advisoryWaiters: 4,
      connections: [
        { application: 'authentik', database: 'authentik', count: 75 },
        { application: 'grafana', database: 'grafana', count: 6 },
        { application: 'immich', database: 'immich', count: 9 },
      ],
      maxConnections: 100,
      migratedVersion: '2026.2.4',
    },
    http: {
      ready: { url: READY_URL, status: 503, elapsedMs: 2200 },
      forwardAuth: { url: FORWARD_AUTH_URL, status: 401, elapsedMs: 1800 },
    },
  };
}

export const SCENARIOS: ScenarioName[] = ['healthy', 'boot-storm', 'shm-full'];
