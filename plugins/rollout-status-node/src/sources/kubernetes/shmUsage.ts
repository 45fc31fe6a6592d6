import { V1Pod } from '@kubernetes/client-node';
import { parseQuantity } from '@internal/backstage-plugin-infra-common';
import { EmptyDirUsage, NodeStatsSummary } from './types';

/** The outpost pods' memory-backed emptyDir volumes mounted at /dev/shm. */
export function findShmVolumes(pods: V1Pod[]): {
  volumes: Array<
    Omit<EmptyDirUsage, 'usedBytes' | 'capacityBytes'> & {
      sizeLimitBytes?: number;
    }
  >;
  podsWithDefaultShm: string[];
} {
  const volumes: Array<
    Omit<EmptyDirUsage, 'usedBytes' | 'capacityBytes'> & {
      sizeLimitBytes?: number;
    }
  > = [];
  const podsWithDefaultShm: string[] = [];
  for (const pod of pods) {
    const podName = pod.metadata?.name ?? '';
    const mounts = (pod.spec?.containers ?? []).flatMap(
      c => c.volumeMounts ?? [],
    );
    const shmMount = mounts.find(m => m.mountPath === '/dev/shm');
    const volume =
      shmMount &&
      pod.spec?.volumes?.find(v => v.name === shmMount.name && v.emptyDir);
    if (!shmMount || !volume) {
      podsWithDefaultShm.push(podName);
      continue;
    }
    volumes.push({
      pod: podName,
      node: pod.spec?.nodeName ?? '',
      volume: volume.name,
      mountPath: '/dev/shm',
      sizeLimitBytes: parseQuantity(volume.emptyDir?.sizeLimit),
    });
  }
  return { volumes, podsWithDefaultShm };
}

/** Joins the volumes with the kubelet's stats; capacity falls back to the sizeLimit. */
export function joinShmStats(
  volumes: ReturnType<typeof findShmVolumes>['volumes'],
  statsByNode: Record<string, NodeStatsSummary | undefined>,
  namespace: string,
): EmptyDirUsage[] {
  return volumes.map(({ sizeLimitBytes, ...volume }) => {
    const podStats = statsByNode[volume.node]?.pods?.find(
      p => p.podRef?.name === volume.pod && p.podRef?.namespace === namespace,
    );
    const stats = podStats?.volume?.find(v => v.name === volume.volume);
    return {
      ...volume,
      usedBytes: stats?.usedBytes,
      capacityBytes: sizeLimitBytes ?? stats?.capacityBytes,
    };
  });
}
