import type { InfraFile } from '../../files';
import type { ParseCache } from '../../hcl/ParseCache';
import type { StackCache } from '../stackCache';
import {
  EvaluatedPartition,
  evaluatePartition,
  mergePartitions,
  PartitionOptions,
} from './evaluatePartition';
import { partitionByStack } from './partition';
import {
  defaultStackWorkerScript,
  releaseStackWorker,
  takeStackWorker,
} from './stackWorkerThread';

/** How a cold build may use a second thread; see {@link buildInParallel}. */
export interface ParallelBuildOptions {
  /** Script of the worker; default {@link defaultStackWorkerScript}. `false`: one thread. */
  workerScript?: string | false;
  /** Below this many bytes of stack files one thread is done before a worker has started. */
  minStackBytes?: number;
  /** Share of the stack bytes the worker evaluates; it starts later than the main thread. */
  workerShare?: number;
  /** How long the worker may take before its share is evaluated here instead. */
  deadlineMs?: number;
  /** Heap limit of the worker. */
  maxHeapMb?: number;
  /** Told when a build planned for two threads ran on one after all, and why. */
  onFallback?: (reason: string) => void;
}

const DEFAULTS = {
  minStackBytes: 1 << 20,
  workerShare: 0.45,
  deadlineMs: 60_000,
  maxHeapMb: 1024,
};

/**
 * A cold build's plan for two threads, or undefined for one (a worker
 * started ahead for nothing is stopped then).
 */
export function planParallelBuild(
  files: ReadonlyArray<InfraFile>,
  stackCache: StackCache | undefined,
  options: ParallelBuildOptions,
):
  | { script: string; options: typeof DEFAULTS & ParallelBuildOptions }
  | undefined {
  const plan = planFor(files, stackCache, options);
  if (!plan) releaseStackWorker();
  return plan;
}

function planFor(
  files: ReadonlyArray<InfraFile>,
  stackCache: StackCache | undefined,
  options: ParallelBuildOptions,
):
  | { script: string; options: typeof DEFAULTS & ParallelBuildOptions }
  | undefined {
  // A refresh re-evaluates the few stacks that changed: one thread is faster.
  if (stackCache && stackCache.size > 0) return undefined;
  const merged = { ...DEFAULTS, ...options };
  const script =
    options.workerScript === false
      ? undefined
      : options.workerScript ?? defaultStackWorkerScript();
  if (!script) return undefined;
  let stackBytes = 0;
  for (const f of files)
    if (f.path.startsWith('stacks/')) stackBytes += f.content.length;
  return stackBytes >= merged.minStackBytes
    ? { script, options: merged }
    : undefined;
}

/**
 * A cold build on two threads: the stacks are split by folder (each part
 * also gets every file outside `stacks/<name>/`), a worker evaluates one
 * part while this thread evaluates the other, and the two merge into what
 * one thread would have built. The result is one thread's whenever that is
 * not certain: when the worker fails or is late, its part is evaluated
 * here; when a stack read into another stack's folder, which its part may
 * not hold, the whole build runs again on this thread. With a parse cache,
 * the worker's part is then evaluated here in the background, so the next
 * refresh finds every stack cached ({@link ParseCache.settled} says when).
 */
export async function buildInParallel(
  files: ReadonlyArray<InfraFile>,
  plan: NonNullable<ReturnType<typeof planParallelBuild>>,
  partOptions: PartitionOptions,
  caches: { cache?: ParseCache; stackCache?: StackCache },
): Promise<EvaluatedPartition> {
  const { options } = plan;
  const [mine, theirs] = partitionByStack(files, [
    1 - options.workerShare,
    options.workerShare,
  ]);
  const onOneThread = () =>
    evaluatePartition(files, { ...partOptions, ...caches });
  let fromWorker: Promise<{ result: EvaluatedPartition } | { error: Error }>;
  try {
    fromWorker = takeStackWorker(plan.script, options.maxHeapMb)
      .evaluate(theirs.files, partOptions, options.deadlineMs)
      .then(
        result => ({ result }),
        (error: Error) => ({ error }),
      );
  } catch (error) {
    fromWorker = Promise.resolve({ error: error as Error });
  }
  const own = await evaluatePartition(mine.files, {
    ...partOptions,
    ...caches,
  });
  const other = await fromWorker;
  if ('error' in other) {
    options.onFallback?.(other.error.message);
    if (caches.cache) return onOneThread();
    return mergePartitions(files, [
      own,
      await evaluatePartition(theirs.files, partOptions),
    ]);
  }
  const merged = mergePartitions(files, [own, other.result]);
  if (merged.readOtherStacks.length > 0) {
    options.onFallback?.(
      `stack ${merged.readOtherStacks[0]} reads another stack's folder`,
    );
    return onOneThread();
  }
  caches.cache?.runInBackground(async () => {
    await new Promise(resolve => setImmediate(resolve));
    await onOneThread();
  });
  return merged;
}
