import { V1Pod } from '@kubernetes/client-node';
import { timeOf } from '../sources/kubernetes/workloads';

/**
 * First Ready seen per container start, across polls: a pod that turns
 * NotReady and Ready again later (a readiness blip) keeps the boot time of
 * its first Ready after that start.
 */
export class BootHistory {
  private readonly firstReady = new Map<string, number>();

  /** The earliest Ready time recorded for this start, recording `readyAt` if it is the first. */
  firstReadyAfter(key: string, readyAt: number): number {
    const seen = this.firstReady.get(key);
    if (seen !== undefined && seen <= readyAt) return seen;
    this.firstReady.set(key, readyAt);
    return readyAt;
  }
}

export type BootReading =
  | { known: true; seconds: number }
  | { known: false; reason: string };

/** The latest start among the pod's containers: a restart of any of them begins a new boot. */
function lastContainerStart(pod: V1Pod): number | undefined {
  const starts = (pod.status?.containerStatuses ?? [])
    .map(c => timeOf(c.state?.running?.startedAt))
    .filter((t): t is number => t !== undefined);
  return starts.length ? Math.max(...starts) : undefined;
}

/**
 * A pod's boot: the time from its containers' (last) start to the first
 * Ready after that start. A Ready transition long after the start
 * (beyond `blipAfterSeconds`) without an earlier Ready recorded is a
 * readiness blip on a running pod, not a boot: a pod that has run for a
 * day and blipped did not take a day to boot.
 */
export function bootOf(
  pod: V1Pod,
  options: { history?: BootHistory; blipAfterSeconds: number },
): BootReading {
  const started = lastContainerStart(pod);
  const ready = pod.status?.conditions?.find(
    c => c.type === 'Ready' && c.status === 'True',
  );
  const readyAt = timeOf(ready?.lastTransitionTime);
  if (started === undefined)
    return { known: false, reason: 'no running container' };
  if (readyAt === undefined)
    return { known: false, reason: 'not ready since its start' };
  if (readyAt < started)
    return { known: false, reason: 'Ready was recorded before the start' };
  const key = `${pod.metadata?.uid ?? pod.metadata?.name}@${started}`;
  const first = options.history
    ? options.history.firstReadyAfter(key, readyAt)
    : readyAt;
  const seconds = (first - started) / 1000;
  if (first === readyAt && seconds > options.blipAfterSeconds) {
    return {
      known: false,
      reason: `Ready changed ${Math.round(
        seconds / 60,
      )} min after its start: a readiness blip on a running pod, not a boot`,
    };
  }
  return { known: true, seconds };
}
