/**
 * Entry of the worker thread that evaluates a share of a build's stacks
 * (see `buildInParallel`). It gets the files and options as `workerData`,
 * posts back `{ result }` or `{ error }`, and is terminated after.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { evaluatePartition } from './evaluatePartition';
import { packForThread } from './transfer';

if (parentPort) {
  const port = parentPort;
  evaluatePartition(workerData.files, workerData.options).then(
    result => port.postMessage({ result: packForThread(result) }),
    error => port.postMessage({ error: String(error?.stack ?? error) }),
  );
}
