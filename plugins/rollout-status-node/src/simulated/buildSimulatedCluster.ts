import {
  ContainerModel,
  HelmReleaseModel,
  InfraModel,
  ProbeModel,
  Val,
  WorkloadModel,
  isUnresolved,
} from '@internal/backstage-plugin-infra-node';
import { encodeHelmReleaseSecret } from '../sources/kubernetes/helmRelease';
import { RecordedKubernetes } from './fixtureApi';
import { LiveChange, LiveChanges } from './liveChanges';

type Json = Record<string, any>;

const NODES = ['sim-node-1', 'sim-node-2', 'sim-node-3'];
/** Where the simulated pods came from: an apply two days before start-up. */
const DEPLOYED_SECONDS_AGO = 2 * 86_400;
const READY_AFTER_SECONDS = 20;
const HELM_RELEASE_ANNOTATION = 'meta.helm.sh/release-name';
/** Every simulated object says what it is, for anyone reading it with kubectl-like tools. */
const SIMULATED_ANNOTATION = 'rollout-status.homelab/simulated';

function known<T>(v: Val<T> | undefined): T | undefined {
  return v === undefined || isUnresolved(v) ? undefined : v;
}

const iso = (ms: number) =>
  new Date(ms).toISOString().replace(/\.\d{3}Z$/, 'Z');

/** The handler block of each probe kind (an HTTP GET when none is written). */
const PROBE_HANDLERS: Record<NonNullable<ProbeModel['handler']>, () => Json> = {
  'http-get': () => ({ httpGet: { path: '/', port: 8080 } }),
  'tcp-socket': () => ({ tcpSocket: { port: 8080 } }),
  exec: () => ({ exec: { command: ['true'] } }),
  grpc: () => ({ grpc: { port: 8080 } }),
};

/** A probe as the API server returns it, from the Terraform's timing and handler kind. */
function liveProbe(p: ProbeModel): Json {
  const handler = PROBE_HANDLERS[p.handler ?? 'http-get']();
  const timing: Json = {};
  for (const key of [
    'initialDelaySeconds',
    'periodSeconds',
    'timeoutSeconds',
    'failureThreshold',
    'successThreshold',
  ] as const) {
    const v = known(p[key]);
    if (v !== undefined) timing[key] = v;
  }
  return { ...handler, ...timing };
}

function liveContainer(
  c: ContainerModel,
  fallbackImage: string,
): Json | undefined {
  const name = known(c.name);
  if (!name) return undefined;
  const requests: Json = {};
  const limits: Json = {};
  if (known(c.cpuRequest)) requests.cpu = known(c.cpuRequest);
  if (known(c.memoryRequest)) requests.memory = known(c.memoryRequest);
  if (known(c.cpuLimit)) limits.cpu = known(c.cpuLimit);
  if (known(c.memoryLimit)) limits.memory = known(c.memoryLimit);
  const out: Json = {
    name,
    image: known(c.image) ?? fallbackImage,
    resources: {
      ...(Object.keys(requests).length ? { requests } : {}),
      ...(Object.keys(limits).length ? { limits } : {}),
    },
  };
  if (c.probes?.liveness) out.livenessProbe = liveProbe(c.probes.liveness);
  if (c.probes?.readiness) out.readinessProbe = liveProbe(c.probes.readiness);
  if (c.probes?.startup) out.startupProbe = liveProbe(c.probes.startup);
  return out;
}

/** managedFields paths of what a writer set on each container. */
function containerFields(containers: Json[], only?: string[]): Json {
  const byName: Json = {};
  for (const c of containers) {
    const fields: Json = {};
    for (const key of Object.keys(c))
      if (key !== 'name' && (!only || only.includes(key)))
        fields[`f:${key}`] = {};
    byName[`k:{"name":"${c.name}"}`] = fields;
  }
  return {
    'f:spec': { 'f:template': { 'f:spec': { 'f:containers': byName } } },
  };
}

interface LiveWorkload {
  kind: 'Deployment' | 'StatefulSet' | 'DaemonSet';
  name: string;
  namespace: string;
  replicas: number;
  labels: Record<string, string>;
  annotations: Record<string, string>;
  containers: Json[];
  strategy: string;
  /** The manager of the declaring apply: Terraform, or helm for what a chart renders. */
  appliedBy: string;
}

function workloadObjects(w: LiveWorkload, deployedAt: number): Json[] {
  const created = iso(deployedAt);
  const metadata = {
    name: w.name,
    namespace: w.namespace,
    generation: 1,
    labels: w.labels,
    annotations: { ...w.annotations, [SIMULATED_ANNOTATION]: 'true' },
    creationTimestamp: created,
    uid: `uid-${w.namespace}-${w.name}`,
    managedFields: [
      {
        manager: w.appliedBy,
        operation: 'Update',
        apiVersion: 'apps/v1',
        time: created,
        fieldsType: 'FieldsV1',
        fieldsV1: {
          ...containerFields(w.containers),
          'f:spec': {
            ...containerFields(w.containers)['f:spec'],
            'f:replicas': {},
            'f:strategy': {},
          },
        },
      },
    ],
  };
  const template = {
    metadata: { labels: w.labels },
    spec: { containers: w.containers },
  };
  const owner = (kind: string, name: string) => [
    {
      apiVersion: 'apps/v1',
      kind,
      name,
      uid: `uid-${w.namespace}-${name}`,
      controller: true,
    },
  ];
  const objects: Json[] = [];
  let podOwner = owner(w.kind, w.name);
  let podLabels = w.labels;
  const status = {
    observedGeneration: 1,
    replicas: w.replicas,
    updatedReplicas: w.replicas,
    readyReplicas: w.replicas,
    availableReplicas: w.replicas,
  };
  if (w.kind === 'Deployment') {
    objects.push({
      apiVersion: 'apps/v1',
      kind: 'Deployment',
      metadata,
      spec: {
        replicas: w.replicas,
        selector: { matchLabels: w.labels },
        strategy:
          w.strategy === 'Recreate'
            ? { type: 'Recreate' }
            : {
                type: 'RollingUpdate',
                rollingUpdate: { maxSurge: '25%', maxUnavailable: '25%' },
              },
        template,
      },
      status: {
        ...status,
        conditions: [
          {
            type: 'Available',
            status: 'True',
            reason: 'MinimumReplicasAvailable',
          },
          {
            type: 'Progressing',
            status: 'True',
            reason: 'NewReplicaSetAvailable',
          },
        ],
      },
    });
    const hash = 'sim1';
    const rsName = `${w.name}-${hash}`;
    podLabels = { ...w.labels, 'pod-template-hash': hash };
    objects.push({
      apiVersion: 'apps/v1',
      kind: 'ReplicaSet',
      metadata: {
        name: rsName,
        namespace: w.namespace,
        creationTimestamp: created,
        labels: podLabels,
        annotations: {
          'deployment.kubernetes.io/revision': '1',
          [SIMULATED_ANNOTATION]: 'true',
        },
        uid: `uid-${w.namespace}-${rsName}`,
        ownerReferences: owner('Deployment', w.name),
      },
      spec: {
        replicas: w.replicas,
        selector: { matchLabels: podLabels },
        template,
      },
      status: {
        replicas: w.replicas,
        readyReplicas: w.replicas,
        availableReplicas: w.replicas,
      },
    });
    podOwner = owner('ReplicaSet', rsName);
  } else {
    objects.push({
      apiVersion: 'apps/v1',
      kind: w.kind,
      metadata,
      spec: {
        ...(w.kind === 'StatefulSet' ? { replicas: w.replicas } : {}),
        selector: { matchLabels: w.labels },
        template,
      },
      status:
        w.kind === 'DaemonSet'
          ? {
              currentNumberScheduled: w.replicas,
              desiredNumberScheduled: w.replicas,
              numberReady: w.replicas,
              numberAvailable: w.replicas,
              updatedNumberScheduled: w.replicas,
            }
          : status,
    });
  }
  for (let i = 0; i < w.replicas; i++) {
    const podName = `${podOwner[0].name}-${String.fromCharCode(97 + (i % 26))}${
      i >= 26 ? i : ''
    }`;
    objects.push({
      apiVersion: 'v1',
      kind: 'Pod',
      metadata: {
        name: podName,
        namespace: w.namespace,
        labels: podLabels,
        annotations: { [SIMULATED_ANNOTATION]: 'true' },
        creationTimestamp: created,
        uid: `uid-${w.namespace}-${podName}`,
        ownerReferences: podOwner,
      },
      spec: { nodeName: NODES[i % NODES.length], containers: w.containers },
      status: {
        phase: 'Running',
        startTime: created,
        conditions: [
          {
            type: 'Ready',
            status: 'True',
            lastTransitionTime: iso(deployedAt + READY_AFTER_SECONDS * 1000),
          },
        ],
        containerStatuses: w.containers.map(c => ({
          name: c.name,
          image: c.image,
          imageID: '',
          ready: true,
          started: true,
          restartCount: 0,
          state: { running: { startedAt: created } },
        })),
      },
    });
  }
  return objects;
}

/** The API kind of each model kind that is not a Deployment. */
const LIVE_KINDS: Partial<Record<WorkloadModel['kind'], LiveWorkload['kind']>> =
  {
    'stateful-set': 'StatefulSet',
    'daemon-set': 'DaemonSet',
  };

function declaredWorkload(w: WorkloadModel): LiveWorkload | undefined {
  const name = known(w.name);
  const namespace = known(w.namespace);
  if (!name || !namespace || w.kind === 'job') return undefined;
  const labels = { ...w.podLabels, ...(w.selector ?? {}) };
  if (!Object.keys(labels).length) labels['app.kubernetes.io/name'] = name;
  const containers = w.containers.flatMap(
    c => liveContainer(c, `${name}:latest`) ?? [],
  );
  if (!containers.length)
    containers.push({ name, image: `${name}:latest`, resources: {} });
  const release = w.helm ? known(w.helm.release) : undefined;
  return {
    kind: LIVE_KINDS[w.kind] ?? 'Deployment',
    name,
    namespace,
    replicas: w.kind === 'daemon-set' ? NODES.length : known(w.replicas) ?? 1,
    labels,
    annotations: release ? { [HELM_RELEASE_ANNOTATION]: release } : {},
    containers,
    strategy: known(w.strategy) ?? 'RollingUpdate',
    appliedBy: release ? 'helm' : 'Terraform',
  };
}

/** Sets `a.b.c` in a values object. */
function setPath(target: Json, key: string, value: unknown) {
  const parts = key.split('.');
  let node = target;
  for (const part of parts.slice(0, -1)) node = node[part] ??= {};
  node[parts[parts.length - 1]] = value;
}

function helmObjects(
  h: HelmReleaseModel,
  namespace: string,
  name: string,
): { secret: Json; rendered?: LiveWorkload } {
  const tag = known(h.declared.imageTag?.value);
  const chart = known(h.chart) ?? name;
  const appVersion = tag ?? known(h.version) ?? '0.0.0';
  const values: Json = {};
  if (h.declared.imageTag && tag) setPath(values, h.declared.imageTag.key, tag);
  const secret = encodeHelmReleaseSecret({
    namespace,
    release: {
      name,
      version: 1,
      info: { status: 'deployed' },
      chart: { metadata: { version: known(h.version) ?? '0.0.0', appVersion } },
      config: values,
    },
  }) as unknown as Json;
  if (h.workloadIds.length) return { secret };
  // A chart the model does not expand: render one Deployment named after
  // the release, as most charts do, so the release has pods to compare.
  const repository =
    known(h.declared.imageRepository?.value) ?? chart.split('/').pop()!;
  const container = chart
    .split('/')
    .pop()!
    .replace(/[^a-z0-9-]+/g, '-');
  return {
    secret,
    rendered: {
      kind: 'Deployment',
      name,
      namespace,
      replicas: known(h.declared.replicas?.value) ?? 1,
      labels: {
        'app.kubernetes.io/instance': name,
        'app.kubernetes.io/name': container,
      },
      annotations: { [HELM_RELEASE_ANNOTATION]: name },
      containers: [
        {
          name: container,
          image: `${repository}:${appVersion}`,
          resources: {},
        },
      ],
      strategy: 'RollingUpdate',
      appliedBy: 'helm',
    },
  };
}

function matchesLabels(
  selector: Record<string, string>,
  labels: Record<string, string>,
) {
  return Object.entries(selector).every(([k, v]) => labels[k] === v);
}

function applyChange(objects: Json[], change: LiveChange, now: number) {
  const target = objects.find(
    o =>
      o.kind !== 'Pod' &&
      o.kind !== 'ReplicaSet' &&
      o.metadata.namespace === change.namespace &&
      o.metadata.name === change.deployment &&
      o.spec?.template,
  );
  const container = target?.spec.template.spec.containers.find(
    (c: Json) => c.name === change.container,
  );
  if (!target || !container) {
    throw new Error(
      `live change ${change.field} of ${change.namespace}/${change.deployment} container ${change.container}: no such workload or container in the simulated cluster; fix the namespace, deployment or container in the live-changes file`,
    );
  }
  if (change.field === 'image' && typeof change.value !== 'string')
    throw new Error(
      `live change image of ${change.namespace}/${change.deployment}: value must be an image reference`,
    );
  container[change.field] = change.value;
  target.metadata.generation += 1;
  target.status.observedGeneration = target.metadata.generation;
  target.metadata.managedFields.push({
    manager: change.manager,
    operation: 'Update',
    apiVersion: 'apps/v1',
    time: iso(now - change.minutesAgo * 60_000),
    fieldsType: 'FieldsV1',
    fieldsV1: containerFields([container], [change.field]),
  });
  // The pods the change rolled out run it too (template and container status).
  for (const o of objects) {
    if (o.kind !== 'Pod' || o.metadata.namespace !== change.namespace) continue;
    if (!matchesLabels(target.spec.selector.matchLabels, o.metadata.labels))
      continue;
    const podContainer = o.spec.containers.find(
      (c: Json) => c.name === change.container,
    );
    if (podContainer) podContainer[change.field] = change.value;
    const status = o.status.containerStatuses.find(
      (c: Json) => c.name === change.container,
    );
    if (status && change.field === 'image') status.image = change.value;
  }
}

/** The healthy pods a budget wants, as the disruption controller computes it for integers. */
function desiredHealthy(
  minAvailable: unknown,
  maxUnavailable: unknown,
  pods: number,
): number {
  if (typeof minAvailable === 'number') return minAvailable;
  if (typeof maxUnavailable === 'number')
    return Math.max(pods - maxUnavailable, 0);
  return pods;
}

/**
 * A simulated cluster that runs what the infra model declares: every
 * workload converged with its pods on three nodes, a release Secret per
 * Helm release (a chart the model does not expand renders one Deployment
 * named after its release), the PDBs the Terraform writes, and the
 * namespaces with their labels. Then the live changes (a `kubectl patch`,
 * a Keel image bump) are applied on top, each recorded in managedFields
 * with its manager and time, as the API server does. Objects are copies
 * built per call, with times relative to `now`.
 */
export function buildSimulatedCluster(
  model: InfraModel,
  liveChanges: LiveChanges,
  now: number = Date.now(),
): RecordedKubernetes {
  const deployedAt =
    Math.floor((now - DEPLOYED_SECONDS_AGO * 1000) / 1000) * 1000;
  const objects: Json[] = [];
  const secrets: Json[] = [];
  const namespaces = new Map<string, Record<string, string>>();
  const addNamespace = (name: string, labels: Record<string, string> = {}) =>
    namespaces.set(name, { ...(namespaces.get(name) ?? {}), ...labels });
  for (const stack of model.stacks) {
    for (const ns of stack.namespaces)
      addNamespace(
        ns,
        stack.namespaceTiers[ns] ? { tier: stack.namespaceTiers[ns] } : {},
      );
    for (const w of stack.workloads) {
      const live = declaredWorkload(w);
      if (!live) continue;
      addNamespace(live.namespace);
      objects.push(...workloadObjects(live, deployedAt));
    }
    for (const h of stack.helmReleases) {
      const name = known(h.name);
      const namespace = known(h.namespace);
      if (!name || !namespace) continue;
      addNamespace(namespace);
      const { secret, rendered } = helmObjects(h, namespace, name);
      secrets.push(secret);
      if (rendered) objects.push(...workloadObjects(rendered, deployedAt));
    }
  }
  for (const [ns, labels] of Object.entries(liveChanges.namespaceLabels))
    addNamespace(ns, labels);
  for (const change of liveChanges.changes) applyChange(objects, change, now);

  const pdbs: Json[] = [];
  for (const stack of model.stacks) {
    const declaredPdbs = [
      ...stack.pdbs.map(p => ({
        ...p,
        name: known(p.name),
        namespace: known(p.namespace),
      })),
      // The budget a chart renders from its values (`inlinePdb`), named after the workload.
      ...stack.workloads.flatMap(w =>
        w.inlinePdb
          ? [
              {
                ...w.inlinePdb,
                name: known(w.name),
                namespace: known(w.namespace),
                selector: w.selector,
              },
            ]
          : [],
      ),
    ];
    for (const p of declaredPdbs) {
      const { name, namespace } = p;
      if (!name || !namespace || !p.selector) continue;
      const pods = objects.filter(
        o =>
          o.kind === 'Pod' &&
          o.metadata.namespace === namespace &&
          matchesLabels(p.selector!, o.metadata.labels),
      );
      const minAvailable = known(p.minAvailable);
      const maxUnavailable = known(p.maxUnavailable);
      const desired = desiredHealthy(minAvailable, maxUnavailable, pods.length);
      pdbs.push({
        apiVersion: 'policy/v1',
        kind: 'PodDisruptionBudget',
        metadata: {
          name,
          namespace,
          annotations: { [SIMULATED_ANNOTATION]: 'true' },
        },
        spec: {
          selector: { matchLabels: p.selector },
          ...(minAvailable !== undefined ? { minAvailable } : {}),
          ...(maxUnavailable !== undefined ? { maxUnavailable } : {}),
        },
        status: {
          observedGeneration: 1,
          currentHealthy: pods.length,
          desiredHealthy: desired,
          expectedPods: pods.length,
          disruptionsAllowed: Math.max(pods.length - desired, 0),
        },
      });
    }
  }

  const of = (kind: string) => ({
    items: objects.filter(o => o.kind === kind),
  });
  return {
    namespace: '*',
    lists: {
      deployments: of('Deployment'),
      replicasets: of('ReplicaSet'),
      statefulsets: of('StatefulSet'),
      daemonsets: of('DaemonSet'),
      pods: of('Pod'),
      poddisruptionbudgets: { items: pdbs },
      events: { items: [] },
      secrets: { items: secrets },
      namespaces: {
        items: [...namespaces].map(([name, labels]) => ({
          apiVersion: 'v1',
          kind: 'Namespace',
          metadata: {
            name,
            labels: { 'kubernetes.io/metadata.name': name, ...labels },
            annotations: { [SIMULATED_ANNOTATION]: 'true' },
          },
        })),
      },
    },
    nodeStats: {},
  } as unknown as RecordedKubernetes;
}
