import { assertError } from '@backstage/errors';
import {
  ApiException,
  AppsV1Api,
  CoreV1Event,
  V1Deployment,
  V1Pod,
  V1PodDisruptionBudget,
  V1ReplicaSet,
  V1Secret,
  CoreV1Api,
  KubeConfig,
  Observable,
  PolicyV1Api,
  RequestContext,
  ResponseContext,
} from '@kubernetes/client-node';
import { KubernetesConnection } from '../../config/readRolloutStatusConfig';
import { KubernetesSourceConfig } from '../../config/schema';
import {
  KubernetesAnswers,
  assembleKubernetesObjects,
  outpostNodes,
} from './assemble';
import { SharedReads } from '../sharedReads';
import { KubernetesObjects, NodeStatsSummary } from './types';

/** Per-call options that hand our AbortSignal to the client's fetch. */
function abortOptions(signal: AbortSignal) {
  return {
    middleware: [
      {
        pre: (context: RequestContext) => {
          context.setSignal(signal);
          return new Observable(Promise.resolve(context));
        },
        post: (context: ResponseContext) =>
          new Observable(Promise.resolve(context)),
      },
    ],
    middlewareMergeStrategy: 'append' as const,
  };
}

export function makeKubeConfig(connection: KubernetesConnection): KubeConfig {
  const kc = new KubeConfig();
  kc.loadFromOptions({
    clusters: [
      {
        name: 'rollout-status',
        server: connection.url,
        caData: connection.caData,
        // The client refuses plain http unless skipTLSVerify is set; with
        // http there is no TLS to verify, so the flag changes nothing else.
        skipTLSVerify:
          connection.skipTLSVerify || connection.url.startsWith('http://'),
      },
    ],
    users: [{ name: 'rollout-status', token: connection.token }],
    contexts: [
      {
        name: 'rollout-status',
        cluster: 'rollout-status',
        user: 'rollout-status',
      },
    ],
    currentContext: 'rollout-status',
  });
  return kc;
}

/**
 * A reason for a failed API call that says what failed and what to fix:
 * the API URL when it cannot be reached; never echoes headers.
 */
export function describeKubernetesError(error: Error, url?: string): string {
  if (error instanceof ApiException) {
    const hint =
      error.code === 401 || error.code === 403
        ? ' (the token lacks permission: it needs get/list on deployments, replicasets, pods, poddisruptionbudgets, events, secrets and nodes/proxy)'
        : '';
    return `Kubernetes API answered HTTP ${error.code}${hint}`;
  }
  const cause = (error as { cause?: { code?: string } }).cause;
  return `Kubernetes API ${url ? `${url} ` : ''}unreachable: ${
    cause?.code ?? error.message
  }`;
}

/** The namespace-wide lists every target in the namespace shares. */
interface NamespaceLists {
  deployments: V1Deployment[];
  replicaSets: V1ReplicaSet[];
  pods: V1Pod[];
  podDisruptionBudgets: V1PodDisruptionBudget[];
  events: CoreV1Event[];
  helmSecrets: V1Secret[];
  namespaceLabels?: Record<string, string>;
  namespaceError?: string;
}

async function listNamespace(
  connection: KubernetesConnection,
  namespace: string,
  signal: AbortSignal,
): Promise<NamespaceLists> {
  const kc = makeKubeConfig(connection);
  const apps = kc.makeApiClient(AppsV1Api);
  const core = kc.makeApiClient(CoreV1Api);
  const policy = kc.makeApiClient(PolicyV1Api);
  const options = abortOptions(signal);
  const [deployments, replicaSets, pods, pdbs, events, secrets, ns] =
    await Promise.all([
      apps.listNamespacedDeployment({ namespace }, options),
      apps.listNamespacedReplicaSet({ namespace }, options),
      core.listNamespacedPod({ namespace }, options),
      policy.listNamespacedPodDisruptionBudget({ namespace }, options),
      core.listNamespacedEvent({ namespace }, options),
      core.listNamespacedSecret(
        { namespace, labelSelector: 'owner=helm' },
        options,
      ),
      // The namespace's labels say whether Keel is enrolled; best effort
      // (reading namespaces is often not granted), unknown when refused.
      core.readNamespace({ name: namespace }, options).then(
        n => ({ labels: n.metadata?.labels ?? {} }),
        (error: Error) => ({
          error: `namespace ${namespace}: ${describeKubernetesError(
            error,
            connection.url,
          )}`,
        }),
      ),
    ]);
  return {
    deployments: deployments.items,
    replicaSets: replicaSets.items,
    pods: pods.items,
    podDisruptionBudgets: pdbs.items,
    events: events.items,
    helmSecrets: secrets.items,
    namespaceLabels: 'labels' in ns ? ns.labels : undefined,
    namespaceError: 'error' in ns ? ns.error : undefined,
  };
}

/**
 * Reads the namespace's workloads through the official client: the lists the
 * checks need, the Helm release Secrets, and the kubelet stats of the nodes
 * running the outpost (through the API server's node proxy).
 */
export async function readKubernetes(
  config: KubernetesSourceConfig & { connection: KubernetesConnection },
  signal: AbortSignal,
  options: { reads?: SharedReads; helmReleases?: string[] } = {},
): Promise<KubernetesObjects> {
  const namespace = config.namespace;
  const lists = options.reads
    ? await options.reads.read(`${config.connection.url}|${namespace}`, () =>
        listNamespace(config.connection, namespace, signal),
      )
    : await listNamespace(config.connection, namespace, signal);

  // Stats are best effort: nodes/proxy is often not granted, and the
  // session-store check then says unknown rather than hiding the rest.
  const statsByNode: Record<string, NodeStatsSummary | undefined> = {};
  let statsError: string | undefined;
  const nodes = outpostNodes(
    config.workloads.outpost,
    lists.replicaSets,
    lists.pods,
  );
  if (nodes.length) {
    const core = makeKubeConfig(config.connection).makeApiClient(CoreV1Api);
    const callOptions = abortOptions(signal);
    await Promise.all(
      nodes.map(async node => {
        try {
          const raw: unknown = await core.connectGetNodeProxyWithPath(
            { name: node, path: 'stats/summary' },
            callOptions,
          );
          statsByNode[node] = (
            typeof raw === 'string' ? JSON.parse(raw) : raw
          ) as NodeStatsSummary;
        } catch (error) {
          assertError(error);
          statsError = `kubelet stats of node ${node}: ${describeKubernetesError(
            error,
            config.connection.url,
          )}`;
        }
      }),
    );
  }

  const answers: KubernetesAnswers = {
    namespace,
    ...lists,
    statsByNode,
    statsError,
  };
  return assembleKubernetesObjects(answers, {
    helmRelease: config.helmRelease,
    helmReleases: options.helmReleases,
    outpost: config.workloads.outpost,
  });
}
