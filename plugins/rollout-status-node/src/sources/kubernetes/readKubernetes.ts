import { assertError } from '@backstage/errors';
import {
  ApiException,
  AppsV1Api,
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

/** A reason for a failed API call that says what to fix; never echoes headers. */
export function describeKubernetesError(error: Error): string {
  if (error instanceof ApiException) {
    const hint =
      error.code === 401 || error.code === 403
        ? ' (the token lacks permission: it needs get/list on deployments, replicasets, pods, poddisruptionbudgets, events, secrets and nodes/proxy)'
        : '';
    return `Kubernetes API answered HTTP ${error.code}${hint}`;
  }
  const cause = (error as { cause?: { code?: string } }).cause;
  return `Kubernetes API unreachable: ${cause?.code ?? error.message}`;
}

/**
 * Reads the namespace's workloads through the official client: the lists the
 * checks need, the Helm release Secrets, and the kubelet stats of the nodes
 * running the outpost (through the API server's node proxy).
 */
export async function readKubernetes(
  config: KubernetesSourceConfig & { connection: KubernetesConnection },
  signal: AbortSignal,
): Promise<KubernetesObjects> {
  const kc = makeKubeConfig(config.connection);
  const apps = kc.makeApiClient(AppsV1Api);
  const core = kc.makeApiClient(CoreV1Api);
  const policy = kc.makeApiClient(PolicyV1Api);
  const options = abortOptions(signal);
  const namespace = config.namespace;

  const [deployments, replicaSets, pods, pdbs, events, secrets] =
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
    ]);

  // Stats are best effort: nodes/proxy is often not granted, and the
  // session-store check then says unknown rather than hiding the rest.
  const statsByNode: Record<string, NodeStatsSummary | undefined> = {};
  let statsError: string | undefined;
  const nodes = outpostNodes(
    config.workloads.outpost,
    replicaSets.items,
    pods.items,
  );
  await Promise.all(
    nodes.map(async node => {
      try {
        const raw: unknown = await core.connectGetNodeProxyWithPath(
          { name: node, path: 'stats/summary' },
          options,
        );
        statsByNode[node] = (
          typeof raw === 'string' ? JSON.parse(raw) : raw
        ) as NodeStatsSummary;
      } catch (error) {
        assertError(error);
        statsError = `kubelet stats of node ${node}: ${describeKubernetesError(
          error,
        )}`;
      }
    }),
  );

  const answers: KubernetesAnswers = {
    namespace,
    deployments: deployments.items,
    replicaSets: replicaSets.items,
    pods: pods.items,
    podDisruptionBudgets: pdbs.items,
    events: events.items,
    helmSecrets: secrets.items,
    statsByNode,
    statsError,
  };
  return assembleKubernetesObjects(answers, {
    helmRelease: config.helmRelease,
    outpost: config.workloads.outpost,
  });
}
