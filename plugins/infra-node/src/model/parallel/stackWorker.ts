/**
 * Entry of the worker thread that evaluates a share of a build's stacks
 * (see `buildInParallel`). It may start before the files are read: it
 * waits for one message with the files and options, posts back `{ result }`
 * or `{ error }`, and is terminated after.
 */
import { parentPort } from 'node:worker_threads';
import { evaluatePartition } from './evaluatePartition';
import { packForThread } from './transfer';

if (parentPort) {
  const port = parentPort;
  port.once('message', ({ files, options }) =>
    evaluatePartition(files, options).then(
      result => port.postMessage({ result: packForThread(result) }),
      error => port.postMessage({ error: String(error?.stack ?? error) }),
    ),
  );
}
