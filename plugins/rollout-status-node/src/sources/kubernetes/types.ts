import {
  CoreV1Event,
  V1Deployment,
  V1Pod,
  V1PodDisruptionBudget,
  V1ReplicaSet,
} from '@kubernetes/client-node';

/** The Helm release authentik was last deployed with, decoded from its Secret. */
export interface HelmReleaseInfo {
  name: string;
  revision: number;
  status: string;
  chartVersion?: string;
  /** The chart's appVersion: the image tag an apply renders unless values pin one. */
  appVersion?: string;
  /** The user-supplied values of the release (`helm get values`). */
  values: Record<string, unknown>;
}

/** Usage of one emptyDir volume, from the kubelet summary via the node proxy. */
export interface EmptyDirUsage {
  pod: string;
  node: string;
  volume: string;
  mountPath: string;
  usedBytes?: number;
  capacityBytes?: number;
}

/** Everything the checks need from the Kubernetes API for one namespace. */
export interface KubernetesObjects {
  namespace: string;
  deployments: V1Deployment[];
  replicaSets: V1ReplicaSet[];
  pods: V1Pod[];
  podDisruptionBudgets: V1PodDisruptionBudget[];
  events: CoreV1Event[];
  /** Missing when no `sh.helm.release.v1.<release>.*` Secret was found. */
  helmRelease?: HelmReleaseInfo;
  /** Every release the target names, by release name; undefined when no deployed Secret was found. */
  helmReleases?: Record<string, HelmReleaseInfo | undefined>;
  /** Labels of the namespace (Keel enrolment); undefined when it could not be read. */
  namespaceLabels?: Record<string, string>;
  /** Why the namespace could not be read. */
  namespaceError?: string;
  /** `/dev/shm` emptyDir volumes of the outpost pods; missing entries mean "not observed". */
  shmUsage: EmptyDirUsage[];
  /** Outpost pods that mount no emptyDir at /dev/shm (they use the runtime's 64 MB default). */
  podsWithDefaultShm: string[];
  /** Why kubelet stats could not be read (e.g. no nodes/proxy permission). */
  statsError?: string;
}

/** The part of the kubelet `/stats/summary` answer we read. */
export interface NodeStatsSummary {
  node?: { nodeName?: string };
  pods?: Array<{
    podRef?: { name?: string; namespace?: string };
    volume?: Array<{
      name?: string;
      usedBytes?: number;
      capacityBytes?: number;
    }>;
  }>;
}
