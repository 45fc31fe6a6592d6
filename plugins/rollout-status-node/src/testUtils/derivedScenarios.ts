import { encodeHelmReleaseSecret } from '../sources/kubernetes/helmRelease';
import { Snapshot } from '../sources/snapshot';
import { DerivedTargetSpec, DerivedWorkload } from '../targets/types';
import {
  Json,
  at,
  deployment,
  pdb,
  pod,
  replicaSet,
} from './kubernetesObjects';

type Recorded = Exclude<NonNullable<Snapshot['kubernetes']>, { error: string }>;

/** The moment the derived scenarios are judged at. */
export const DERIVED_AT = '2026-06-15T12:00:00Z';
const STARTED = at(DERIVED_AT, -86_400);
const CRITICAL_PATH = ['^traefik$', '^cloudflared$', '^pgbouncer$'];

interface WorkloadOptions {
  name: string;
  namespace: string;
  image: string;
  /** Tag the pods run (container statuses), when it differs from the template's. */
  podImage?: string;
  helmRelease?: string;
  liveness?: {
    failureThreshold: number;
    periodSeconds: number;
    timeoutSeconds: number;
  };
  managedFields?: Json[];
}

/** A converged 3-replica Deployment with its ReplicaSet, pods on three nodes and a PDB of minAvailable 2. */
function workload(o: WorkloadOptions): Json[] {
  const d = deployment({
    name: o.name,
    namespace: o.namespace,
    image: o.image,
    replicas: 3,
    generation: 1,
    status: { replicas: 3, updated: 3, ready: 3, available: 3 },
    liveness: o.liveness ?? {
      failureThreshold: 3,
      periodSeconds: 10,
      timeoutSeconds: 1,
    },
  }) as Json & { metadata: Json };
  if (o.helmRelease)
    d.metadata.annotations = { 'meta.helm.sh/release-name': o.helmRelease };
  if (o.managedFields) d.metadata.managedFields = o.managedFields;
  const rs = replicaSet({
    deployment: d,
    hash: 'abc12',
    revision: 1,
    image: o.image,
    desired: 3,
    ready: 3,
    created: STARTED,
  });
  const pods = ['a', 'b', 'c'].map((suffix, i) =>
    pod({
      replicaSet: rs,
      suffix,
      node: `k8s-node${i + 1}`,
      image: o.podImage ?? o.image,
      started: STARTED,
      readyAfterSeconds: 20,
    }),
  );
  const budget = pdb({
    name: o.name,
    namespace: o.namespace,
    matchLabels: { 'app.kubernetes.io/name': o.name },
    minAvailable: 2,
    status: {
      currentHealthy: 3,
      desiredHealthy: 2,
      expectedPods: 3,
      disruptionsAllowed: 1,
    },
  });
  return [d, rs, ...pods, budget];
}

function recorded(
  namespace: string,
  objects: Json[],
  extras: { secrets?: Json[]; labels?: Record<string, string> } = {},
): Recorded {
  const of = (kind: string) => ({
    items: objects.filter(o => o.kind === kind),
  });
  return {
    namespace,
    lists: {
      deployments: of('Deployment'),
      replicasets: of('ReplicaSet'),
      pods: of('Pod'),
      poddisruptionbudgets: of('PodDisruptionBudget'),
      events: { items: [] },
      secrets: { items: extras.secrets ?? [] },
      namespaces: {
        items: [
          {
            apiVersion: 'v1',
            kind: 'Namespace',
            metadata: { name: namespace, labels: extras.labels ?? {} },
          },
        ],
      },
    },
    nodeStats: {},
  } as unknown as Recorded;
}

function helmSecret(
  namespace: string,
  name: string,
  appVersion: string,
  values: Json = {},
): Json {
  return encodeHelmReleaseSecret({
    namespace,
    release: {
      name,
      version: 2,
      info: { status: 'deployed' },
      chart: { metadata: { version: '1.0.0', appVersion } },
      config: values,
    },
  }) as unknown as Json;
}

const pos = (file: string, line: number) => ({ file, line });

/** Traefik: a Helm release whose chart the model cannot expand; 3 replicas and a PDB, all healthy. */
export function traefikScenario(): {
  spec: DerivedTargetSpec;
  recorded: Recorded;
} {
  const ns = 'traefik';
  return {
    spec: {
      stack: 'traefik',
      namespace: ns,
      workloads: [],
      skipped: [],
      criticalPathPatterns: CRITICAL_PATH,
      helmReleases: [
        {
          name: 'traefik',
          chart: 'traefik',
          source: pos('stacks/traefik/main.tf', 41),
        },
      ],
    },
    recorded: recorded(
      ns,
      workload({
        name: 'traefik',
        namespace: ns,
        image: 'traefik:v3.3.0',
        helmRelease: 'traefik',
      }),
      {
        secrets: [helmSecret(ns, 'traefik', 'v3.3.0')],
      },
    ),
  };
}

/** A Keel-enrolled namespace whose chart pin is behind the image Keel rolled: an apply would downgrade. */
export function keelSplitScenario(): {
  spec: DerivedTargetSpec;
  recorded: Recorded;
} {
  const ns = 'forgejo';
  return {
    spec: {
      stack: 'forgejo',
      namespace: ns,
      workloads: [],
      skipped: [],
      criticalPathPatterns: CRITICAL_PATH,
      helmReleases: [
        {
          name: 'forgejo',
          chart: 'forgejo',
          version: '12.0.0',
          imageTag: {
            value: '10.0.1',
            key: 'image.tag',
            at: pos('stacks/forgejo/values.yaml', 7),
          },
          source: pos('stacks/forgejo/main.tf', 20),
        },
      ],
    },
    recorded: recorded(
      ns,
      workload({
        name: 'forgejo',
        namespace: ns,
        image: 'codeberg.org/forgejo/forgejo:10.0.3',
        helmRelease: 'forgejo',
      }),
      {
        secrets: [
          helmSecret(ns, 'forgejo', '10.0.0', { image: { tag: '10.0.1' } }),
        ],
        labels: { 'keel.sh/enrolled': 'true' },
      },
    ),
  };
}

const TF = 'stacks/cloudflared/main.tf';
const declaredCloudflared: DerivedWorkload = {
  name: 'cloudflared',
  kind: 'deployment',
  criticalPath: true,
  replicas: 3,
  replicasAt: pos(TF, 14),
  containers: [
    {
      name: 'cloudflared',
      image: 'cloudflare/cloudflared:2025.4.0',
      resourcesAt: pos(TF, 30),
      at: pos(TF, 26),
      probes: {
        liveness: {
          handler: 'http-get',
          periodSeconds: 10,
          failureThreshold: 3,
          timeoutSeconds: 1,
          at: pos(TF, 40),
        },
      },
    },
  ],
  liveManaged: [],
  source: pos(TF, 2),
};
const declaredPgbouncer: DerivedWorkload = {
  name: 'pgbouncer',
  kind: 'deployment',
  criticalPath: true,
  replicas: 3,
  replicasAt: pos('stacks/cloudflared/pgbouncer.tf', 9),
  containers: [
    {
      name: 'pgbouncer',
      image: 'edoburu/pgbouncer:latest',
      resourcesAt: pos('stacks/cloudflared/pgbouncer.tf', 20),
      at: pos('stacks/cloudflared/pgbouncer.tf', 18),
      probes: {
        liveness: {
          handler: 'tcp-socket',
          periodSeconds: 10,
          failureThreshold: 3,
          timeoutSeconds: 1,
          at: pos('stacks/cloudflared/pgbouncer.tf', 25),
        },
      },
    },
  ],
  liveManaged: [
    {
      field: 'image',
      manager: 'Keel',
      evidence:
        'ignore_changes: spec[0].template[0].spec[0].container[0].image',
    },
  ],
  source: pos('stacks/cloudflared/pgbouncer.tf', 2),
};

/**
 * A live `kubectl patch` of cloudflared's liveness probe that the
 * Terraform does not have (drift on a critical-path service), beside a
 * PgBouncer whose image Keel bumped (managed live by design, not drift).
 */
export function patchedProbeScenario(
  options: { patched: boolean } = { patched: true },
): { spec: DerivedTargetSpec; recorded: Recorded } {
  const ns = 'cloudflared';
  const patchTime = at(DERIVED_AT, -3600);
  const probeFields = {
    'f:livenessProbe': { 'f:failureThreshold': {}, 'f:periodSeconds': {} },
  };
  const container = (name: string, fields: Json) => ({
    'f:spec': {
      'f:template': {
        'f:spec': { 'f:containers': { [`k:{"name":"${name}"}`]: fields } },
      },
    },
  });
  const cloudflared = workload({
    name: 'cloudflared',
    namespace: ns,
    image: 'cloudflare/cloudflared:2025.4.0',
    liveness: {
      failureThreshold: options.patched ? 6 : 3,
      periodSeconds: 10,
      timeoutSeconds: 1,
    },
    managedFields: [
      {
        manager: 'Terraform',
        operation: 'Update',
        time: STARTED,
        fieldsV1: container('cloudflared', { 'f:image': {}, ...probeFields }),
      },
      ...(options.patched
        ? [
            {
              manager: 'kubectl-patch',
              operation: 'Update',
              time: patchTime,
              fieldsV1: container('cloudflared', probeFields),
            },
          ]
        : []),
    ],
  });
  // The deployment builder names the container after the last dash-part of the name.
  const pgbouncer = workload({
    name: 'pgbouncer',
    namespace: ns,
    image: 'edoburu/pgbouncer:v1.24.1-p1',
    managedFields: [
      {
        manager: 'Terraform',
        operation: 'Update',
        time: STARTED,
        fieldsV1: container('pgbouncer', { 'f:livenessProbe': {} }),
      },
      {
        manager: 'keel',
        operation: 'Update',
        time: at(DERIVED_AT, -7200),
        fieldsV1: container('pgbouncer', { 'f:image': {} }),
      },
    ],
  });
  return {
    spec: {
      stack: 'cloudflared',
      namespace: ns,
      workloads: [declaredCloudflared, declaredPgbouncer],
      helmReleases: [],
      skipped: [],
      criticalPathPatterns: CRITICAL_PATH,
    },
    recorded: recorded(ns, [...cloudflared, ...pgbouncer]),
  };
}
