import { Worker } from 'node:worker_threads';
import type { InfraFile } from '../../files';
import type { EvaluatedPartition, PartitionOptions } from './evaluatePartition';
import { unpackFromThread } from './transfer';

/** Environment variable naming a JavaScript build of `stackWorker.ts`, for tools that run as bundles. */
export const STACK_WORKER_ENV = 'INFRA_NODE_STACK_WORKER';

/**
 * The script a stack worker runs, or undefined when none can run here.
 * Built packages resolve to JavaScript. TypeScript sources run in a worker
 * only under a loader the process was started with (backstage-cli's
 * `--require` transform, tsx), which a worker inherits; under Jest, with
 * no such loader, there is none and builds stay on one thread.
 */
export function defaultStackWorkerScript(): string | undefined {
  const fromEnv = process.env[STACK_WORKER_ENV];
  if (fromEnv) return fromEnv;
  let script: string;
  try {
    script = require.resolve(
      '@internal/backstage-plugin-infra-node/stackWorker',
    );
  } catch {
    return undefined;
  }
  if (/\.[cm]?js$/.test(script)) return script;
  const loaderFlag = /^--(require|import|loader|experimental-loader)\b/;
  const hasLoader =
    process.execArgv.some(a => loaderFlag.test(a)) ||
    /(^|\s)--(require|import|loader)\b/.test(process.env.NODE_OPTIONS ?? '');
  return hasLoader ? script : undefined;
}

/**
 * Evaluates a partition on a worker thread. Rejects when the worker cannot
 * start, fails, runs out of its heap or gives no answer by the deadline;
 * the worker is gone either way.
 */
export function evaluateOnWorker(
  script: string,
  files: ReadonlyArray<InfraFile>,
  options: PartitionOptions,
  limits: { deadlineMs: number; maxHeapMb: number },
): Promise<EvaluatedPartition> {
  return new Promise((resolve, reject) => {
    let settled = false;
    const worker = new Worker(script, {
      workerData: { files, options },
      resourceLimits: { maxOldGenerationSizeMb: limits.maxHeapMb },
      stdout: true,
    });
    let timer: NodeJS.Timeout | undefined = undefined;
    const finish = (outcome: () => void) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      void worker.terminate();
      outcome();
    };
    timer = setTimeout(
      () =>
        finish(() =>
          reject(
            new Error(
              `the stack worker gave no answer in ${limits.deadlineMs} ms`,
            ),
          ),
        ),
      limits.deadlineMs,
    );
    worker.once(
      'message',
      (m: { result?: EvaluatedPartition; error?: string }) =>
        finish(() =>
          m.result
            ? resolve(unpackFromThread(m.result))
            : reject(new Error(`the stack worker failed: ${m.error}`)),
        ),
    );
    worker.once('error', e => finish(() => reject(e)));
    worker.once('exit', code =>
      finish(() =>
        reject(
          new Error(`the stack worker exited (code ${code}) without an answer`),
        ),
      ),
    );
  });
}
