import { InputError } from '@backstage/errors';
import { z } from 'zod';
import { DerivedTargetSpec } from '../targets/types';
import {
  DEFAULT_THRESHOLDS,
  DeriveConfig,
  KubernetesSourceConfig,
  RawTargetConfig,
  Thresholds,
  SimulatedClusterConfig,
  rolloutStatusConfigSchema,
} from './schema';

/** The API server connection, resolved from the target or a shared cluster entry. */
export interface KubernetesConnection {
  url: string;
  token?: string;
  caData?: string;
  skipTLSVerify: boolean;
}

/** One target with every default applied and cluster references resolved. */
export interface TargetConfig
  extends Omit<RawTargetConfig, 'thresholds' | 'kubernetes'> {
  thresholds: Thresholds;
  kubernetes?: KubernetesSourceConfig & { connection: KubernetesConnection };
  /** Set on targets derived from the infra model: what the Terraform declares. */
  derived?: DerivedTargetSpec;
  /** Shown with every source of the target, e.g. `simulated cluster`. */
  sourceLabel?: string;
}

/** Where derived targets come from: the infra repo and the cluster that runs it. */
export interface DeriveSettings
  extends Omit<
    DeriveConfig,
    'clusterName' | 'url' | 'token' | 'caData' | 'skipTLSVerify'
  > {
  connection: KubernetesConnection;
}

export interface RolloutStatusConfig {
  deadlineMs: number;
  intervalSeconds: number;
  staleAfterSeconds: number;
  targets: TargetConfig[];
  derive?: DeriveSettings;
  /** Set when the backend serves the bundled simulated cluster itself. */
  simulatedCluster?: SimulatedClusterConfig;
}

/** The stock Kubernetes plugin's cluster entries, by the fields we reuse. */
const clusterEntrySchema = z.object({
  name: z.string(),
  url: z.string(),
  serviceAccountToken: z.string().optional(),
  caData: z.string().optional(),
  skipTLSVerify: z.boolean().optional(),
});

function formatIssues(error: z.ZodError, root: string): string {
  return error.issues
    .map(issue => {
      const path = issue.path.reduce<string>(
        (acc, part) =>
          typeof part === 'number'
            ? `${acc}[${part}]`
            : `${acc}.${String(part)}`,
        root,
      );
      return `${path}: ${issue.message}`;
    })
    .join('; ');
}

function findCluster(
  clusterLocatorMethods: unknown,
  name: string,
  keyPath: string,
): KubernetesConnection {
  const methods = Array.isArray(clusterLocatorMethods)
    ? clusterLocatorMethods
    : [];
  for (const method of methods) {
    const clusters: unknown[] =
      method &&
      typeof method === 'object' &&
      Array.isArray((method as { clusters?: unknown }).clusters)
        ? (method as { clusters: unknown[] }).clusters
        : [];
    for (const candidate of clusters) {
      const parsed = clusterEntrySchema.safeParse(candidate);
      if (parsed.success && parsed.data.name === name) {
        return {
          url: parsed.data.url,
          token: parsed.data.serviceAccountToken,
          caData: parsed.data.caData,
          skipTLSVerify: parsed.data.skipTLSVerify ?? false,
        };
      }
    }
  }
  throw new InputError(
    `${keyPath}.clusterName: no cluster named "${name}" in kubernetes.clusterLocatorMethods[].clusters[]; add it there or set ${keyPath}.url and ${keyPath}.token instead`,
  );
}

/**
 * Validates the `rolloutStatus` config block (plain JSON, as read from
 * app-config). Errors name the key path and what to change.
 *
 * @param rolloutStatus - the value under `rolloutStatus`
 * @param clusterLocatorMethods - the value under `kubernetes.clusterLocatorMethods`, for `clusterName`
 */
export function readRolloutStatusConfig(
  rolloutStatus: unknown,
  clusterLocatorMethods?: unknown,
): RolloutStatusConfig {
  const parsed = rolloutStatusConfigSchema.safeParse(rolloutStatus ?? {});
  if (!parsed.success) {
    throw new InputError(
      `Invalid rollout-status config: ${formatIssues(
        parsed.error,
        'rolloutStatus',
      )} (see plugins/rollout-status-node/config.d.ts)`,
    );
  }
  const raw = parsed.data;
  const seen = new Set<string>();
  const targets = raw.targets.map((target, index): TargetConfig => {
    const keyPath = `rolloutStatus.targets[${index}]`;
    if (seen.has(target.id)) {
      throw new InputError(
        `${keyPath}.id: "${target.id}" is used twice; target ids must be unique`,
      );
    }
    seen.add(target.id);
    const thresholds = { ...DEFAULT_THRESHOLDS, ...target.thresholds };
    if (thresholds.shmWarnPercent > thresholds.shmCriticalPercent) {
      throw new InputError(
        `${keyPath}.thresholds.shmWarnPercent: must not exceed shmCriticalPercent (${thresholds.shmCriticalPercent})`,
      );
    }
    if (
      thresholds.connectionsWarnPercent > thresholds.connectionsCriticalPercent
    ) {
      throw new InputError(
        `${keyPath}.thresholds.connectionsWarnPercent: must not exceed connectionsCriticalPercent (${thresholds.connectionsCriticalPercent})`,
      );
    }
    const { kubernetes, ...rest } = target;
    let resolvedKubernetes: TargetConfig['kubernetes'];
    if (kubernetes) {
      const connection: KubernetesConnection = kubernetes.clusterName
        ? findCluster(
            clusterLocatorMethods,
            kubernetes.clusterName,
            `${keyPath}.kubernetes`,
          )
        : {
            url: kubernetes.url ?? '',
            token: kubernetes.token,
            caData: kubernetes.caData,
            skipTLSVerify: kubernetes.skipTLSVerify ?? false,
          };
      resolvedKubernetes = { ...kubernetes, connection };
    }
    return { ...rest, thresholds, kubernetes: resolvedKubernetes };
  });
  let derive: DeriveSettings | undefined;
  if (raw.derive) {
    const { clusterName, url, token, caData, skipTLSVerify, ...rest } =
      raw.derive;
    derive = {
      ...rest,
      connection: clusterName
        ? findCluster(
            clusterLocatorMethods,
            clusterName,
            'rolloutStatus.derive',
          )
        : {
            url: url ?? '',
            token,
            caData,
            skipTLSVerify: skipTLSVerify ?? false,
          },
    };
  }
  return {
    deadlineMs: raw.deadlineMs,
    intervalSeconds: raw.intervalSeconds,
    staleAfterSeconds: raw.staleAfterSeconds ?? raw.intervalSeconds * 3,
    targets,
    ...(derive ? { derive } : {}),
    ...(raw.simulatedCluster?.enabled
      ? { simulatedCluster: raw.simulatedCluster }
      : {}),
  };
}
