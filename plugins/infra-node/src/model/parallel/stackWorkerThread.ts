import { Worker } from 'node:worker_threads';
import type { InfraFile } from '../../files';
import type { EvaluatedPartition, PartitionOptions } from './evaluatePartition';
import { unpackFromThread } from './transfer';

/** Environment variable naming a JavaScript build of `stackWorker.ts`, for tools that run as bundles. */
export const STACK_WORKER_ENV = 'INFRA_NODE_STACK_WORKER';

/**
 * The script a stack worker runs, or undefined when none is at hand: the
 * built package's `stackWorker` entry (JavaScript), or the one the
 * environment names. From TypeScript sources (`backstage-cli package
 * start`, Jest) builds stay on one thread: a worker would first spend
 * seconds compiling the model's modules, longer than the half it saves.
 */
export function defaultStackWorkerScript(): string | undefined {
  const fromEnv = process.env[STACK_WORKER_ENV];
  if (fromEnv) return fromEnv;
  try {
    const script = require.resolve(
      '@internal/backstage-plugin-infra-node/stackWorker',
    );
    return /\.[cm]?js$/.test(script) ? script : undefined;
  } catch {
    return undefined;
  }
}

/** How long a worker started ahead may wait for its build before it is stopped. */
const IDLE_MS = 30_000;

/**
 * A worker thread that evaluates one partition: started as early as the
 * caller can (its start-up then overlaps reading the repo), used once, and
 * gone after. Its failures (it cannot start, it throws, it runs out of its
 * heap, it is late) reject {@link StackWorker.evaluate}.
 */
export class StackWorker {
  readonly #worker: Worker;
  /** Settles with the worker's one answer, or its failure. */
  readonly #answer: Promise<{ result?: EvaluatedPartition; error?: string }>;
  #idleTimer: NodeJS.Timeout | undefined;

  constructor(readonly script: string, readonly maxHeapMb: number) {
    this.#worker = new Worker(script, {
      resourceLimits: { maxOldGenerationSizeMb: maxHeapMb },
      stdout: true,
    });
    // Waiting for work must not keep a process alive that has nothing else to do.
    this.#worker.unref();
    this.#answer = new Promise((resolve, reject) => {
      this.#worker.once('message', resolve);
      this.#worker.once('error', reject);
      this.#worker.once('exit', code =>
        reject(
          new Error(`the stack worker exited (code ${code}) without an answer`),
        ),
      );
    });
    // Not waited for until evaluate(): a failure before then is its answer.
    this.#answer.catch(() => undefined);
  }

  /** Stops the worker after `ms` unless it is given work first. */
  stopWhenIdleFor(ms: number) {
    this.#idleTimer = setTimeout(() => this.stop(), ms);
    this.#idleTimer.unref();
  }

  stop() {
    clearTimeout(this.#idleTimer);
    void this.#worker.terminate();
  }

  async evaluate(
    files: ReadonlyArray<InfraFile>,
    options: PartitionOptions,
    deadlineMs: number,
  ): Promise<EvaluatedPartition> {
    clearTimeout(this.#idleTimer);
    this.#worker.ref();
    let timer: NodeJS.Timeout | undefined;
    const late = new Promise<never>((_, reject) => {
      timer = setTimeout(
        () =>
          reject(
            new Error(`the stack worker gave no answer in ${deadlineMs} ms`),
          ),
        deadlineMs,
      );
    });
    try {
      this.#worker.postMessage({ files, options });
      const m = await Promise.race([this.#answer, late]);
      if (!m.result) throw new Error(`the stack worker failed: ${m.error}`);
      return unpackFromThread(m.result);
    } finally {
      clearTimeout(timer);
      this.stop();
    }
  }
}

let started: StackWorker | undefined;

/**
 * Starts the stack worker ahead of a cold build, so that its start-up
 * (a thread, a heap, the model's code) overlaps reading the repo; the next
 * build that goes on two threads with the same script takes it. One that
 * is not taken within 30 s is stopped. Does nothing where no worker can run.
 */
export function prestartStackWorker(
  options: { script?: string; maxHeapMb?: number } = {},
): void {
  const script = options.script ?? defaultStackWorkerScript();
  if (!script || started) return;
  try {
    started = new StackWorker(script, options.maxHeapMb ?? 1024);
  } catch {
    return; // the build starts its own, and falls back on its failure
  }
  started.stopWhenIdleFor(IDLE_MS);
}

/** Stops the worker started ahead, if any: the build did not need it. */
export function releaseStackWorker(): void {
  started?.stop();
  started = undefined;
}

/** A worker for `script`: the one started ahead if it matches, else a new one. */
export function takeStackWorker(
  script: string,
  maxHeapMb: number,
): StackWorker {
  const ahead = started;
  started = undefined;
  if (ahead?.script === script && ahead.maxHeapMb === maxHeapMb) return ahead;
  ahead?.stop();
  return new StackWorker(script, maxHeapMb);
}
