/**
 * Builders for recorded Kubernetes API objects, shaped as the API server
 * returns them in JSON (timestamps as strings). Used to generate the bundled
 * snapshots; not a runtime dependency of the engine.
 */

export type Json = Record<string, unknown>;

const at = (base: string, offsetSeconds: number) =>
  new Date(Date.parse(base) + offsetSeconds * 1000)
    .toISOString()
    .replace('.000Z', 'Z');

export interface ProbeSpec {
  failureThreshold: number;
  periodSeconds: number;
  timeoutSeconds: number;
}

export function deployment(options: {
  name: string;
  namespace: string;
  image: string;
  replicas: number;
  generation: number;
  observedGeneration?: number;
  status: {
    replicas: number;
    updated: number;
    ready: number;
    available: number;
  };
  progressDeadlineExceeded?: boolean;
  liveness?: ProbeSpec;
  env?: Array<{ name: string; value: string }>;
  maxUnavailable?: number | string;
  shmVolume?: string;
}): Json {
  // The kubernetes-id label lets the stock Kubernetes plugin find the same
  // workloads (the benchmark compares both).
  const labels = {
    'app.kubernetes.io/name': options.name,
    'backstage.io/kubernetes-id': 'authentik',
  };
  return {
    apiVersion: 'apps/v1',
    kind: 'Deployment',
    metadata: {
      name: options.name,
      namespace: options.namespace,
      generation: options.generation,
      labels,
    },
    spec: {
      replicas: options.replicas,
      selector: { matchLabels: labels },
      strategy: {
        type: 'RollingUpdate',
        rollingUpdate: {
          maxSurge: '25%',
          maxUnavailable: options.maxUnavailable ?? '25%',
        },
      },
      template: podTemplate(options.name, labels, options),
    },
    status: {
      observedGeneration: options.observedGeneration ?? options.generation,
      replicas: options.status.replicas,
      updatedReplicas: options.status.updated,
      readyReplicas: options.status.ready,
      availableReplicas: options.status.available,
      conditions: [
        {
          type: 'Available',
          status:
            options.status.available >= Math.min(options.replicas, 2)
              ? 'True'
              : 'False',
          reason: 'MinimumReplicasAvailable',
        },
        options.progressDeadlineExceeded
          ? {
              type: 'Progressing',
              status: 'False',
              reason: 'ProgressDeadlineExceeded',
              message: `ReplicaSet has timed out progressing.`,
            }
          : {
              type: 'Progressing',
              status: 'True',
              reason: 'NewReplicaSetAvailable',
            },
      ],
    },
  };
}

function podTemplate(
  name: string,
  labels: Record<string, string>,
  options: {
    image: string;
    liveness?: ProbeSpec;
    env?: Array<{ name: string; value: string }>;
    shmVolume?: string;
  },
): Json {
  return {
    metadata: { labels },
    spec: {
      containers: [
        {
          name: name.split('-').pop(),
          image: options.image,
          env: options.env ?? [],
          ...(options.liveness
            ? {
                livenessProbe: {
                  httpGet: { path: '/-/health/live/', port: 9000 },
                  ...options.liveness,
                },
              }
            : {}),
          ...(options.shmVolume
            ? {
                volumeMounts: [
                  { name: options.shmVolume, mountPath: '/dev/shm' },
                ],
              }
            : {}),
        },
      ],
      ...(options.shmVolume
        ? {
            volumes: [
              {
                name: options.shmVolume,
                emptyDir: { medium: 'Memory', sizeLimit: '512Mi' },
              },
            ],
          }
        : {}),
    },
  };
}

export function replicaSet(options: {
  deployment: Json;
  hash: string;
  revision: number;
  image: string;
  desired: number;
  ready: number;
  created: string;
}): Json {
  const d = options.deployment as {
    metadata: {
      name: string;
      namespace: string;
      labels: Record<string, string>;
    };
  };
  const name = `${d.metadata.name}-${options.hash}`;
  return {
    apiVersion: 'apps/v1',
    kind: 'ReplicaSet',
    metadata: {
      name,
      namespace: d.metadata.namespace,
      creationTimestamp: options.created,
      labels: { ...d.metadata.labels, 'pod-template-hash': options.hash },
      annotations: {
        'deployment.kubernetes.io/revision': String(options.revision),
      },
      ownerReferences: [
        {
          apiVersion: 'apps/v1',
          kind: 'Deployment',
          name: d.metadata.name,
          uid: `uid-${d.metadata.name}`,
          controller: true,
        },
      ],
    },
    spec: {
      replicas: options.desired,
      template: {
        spec: { containers: [{ name: 'main', image: options.image }] },
      },
    },
    status: {
      replicas: options.desired,
      readyReplicas: options.ready,
      availableReplicas: options.ready,
    },
  };
}

export function pod(options: {
  replicaSet: Json;
  suffix: string;
  node: string;
  image: string;
  started: string;
  /** Seconds from container start to Ready; undefined = not ready. */
  readyAfterSeconds?: number;
  restarts?: number;
  lastTermination?: { reason: string; exitCode: number; finishedAt: string };
  shmVolume?: string;
}): Json {
  const rs = options.replicaSet as {
    metadata: {
      name: string;
      namespace: string;
      labels: Record<string, string>;
    };
  };
  const ready = options.readyAfterSeconds !== undefined;
  return {
    apiVersion: 'v1',
    kind: 'Pod',
    metadata: {
      name: `${rs.metadata.name}-${options.suffix}`,
      namespace: rs.metadata.namespace,
      labels: rs.metadata.labels,
      creationTimestamp: options.started,
      ownerReferences: [
        {
          apiVersion: 'apps/v1',
          kind: 'ReplicaSet',
          name: rs.metadata.name,
          uid: `uid-${rs.metadata.name}`,
          controller: true,
        },
      ],
    },
    spec: {
      nodeName: options.node,
      containers: [
        {
          name: 'main',
          image: options.image,
          ...(options.shmVolume
            ? {
                volumeMounts: [
                  { name: options.shmVolume, mountPath: '/dev/shm' },
                ],
              }
            : {}),
        },
      ],
      ...(options.shmVolume
        ? {
            volumes: [
              {
                name: options.shmVolume,
                emptyDir: { medium: 'Memory', sizeLimit: '512Mi' },
              },
            ],
          }
        : {}),
    },
    status: {
      phase: 'Running',
      conditions: [
        {
          type: 'Ready',
          status: ready ? 'True' : 'False',
          lastTransitionTime: ready
            ? at(options.started, options.readyAfterSeconds ?? 0)
            : options.started,
        },
      ],
      containerStatuses: [
        {
          name: 'main',
          image: options.image,
          imageID: '',
          ready,
          restartCount: options.restarts ?? 0,
          started: true,
          state: { running: { startedAt: options.started } },
          ...(options.lastTermination
            ? { lastState: { terminated: options.lastTermination } }
            : {}),
        },
      ],
    },
  };
}

export function pdb(options: {
  name: string;
  namespace: string;
  matchLabels: Record<string, string>;
  minAvailable?: number;
  maxUnavailable?: number;
  status: {
    currentHealthy: number;
    desiredHealthy: number;
    expectedPods: number;
    disruptionsAllowed: number;
  };
}): Json {
  return {
    apiVersion: 'policy/v1',
    kind: 'PodDisruptionBudget',
    metadata: { name: options.name, namespace: options.namespace },
    spec: {
      selector: { matchLabels: options.matchLabels },
      ...(options.minAvailable !== undefined
        ? { minAvailable: options.minAvailable }
        : {}),
      ...(options.maxUnavailable !== undefined
        ? { maxUnavailable: options.maxUnavailable }
        : {}),
    },
    status: { ...options.status, observedGeneration: 1 },
  };
}

export function event(options: {
  namespace: string;
  pod: Json;
  reason: string;
  message: string;
  count: number;
  last: string;
  type?: string;
}): Json {
  const p = options.pod as { metadata: { name: string } };
  return {
    apiVersion: 'v1',
    kind: 'Event',
    metadata: {
      name: `${p.metadata.name}.${options.reason.toLowerCase()}`,
      namespace: options.namespace,
    },
    involvedObject: {
      kind: 'Pod',
      name: p.metadata.name,
      namespace: options.namespace,
    },
    reason: options.reason,
    message: options.message,
    count: options.count,
    type: options.type ?? 'Warning',
    firstTimestamp: options.last,
    lastTimestamp: options.last,
  };
}

export function list(kind: string, apiVersion: string, items: Json[]): Json {
  return {
    apiVersion,
    kind: `${kind}List`,
    metadata: { resourceVersion: '1' },
    items,
  };
}

export { at };
