/**
 * Runs the simulated viewers in their own process, so the load generator's
 * own work neither queues on the backend's event loop nor counts in its RSS.
 * Reads the options as JSON from argv, prints the LoadResult as JSON.
 */
import { runViewers } from './loadGenerator';

runViewers(JSON.parse(process.argv[2])).then(
  result => process.stdout.write(JSON.stringify(result)),
  error => {
    process.stderr.write(String(error));
    process.exitCode = 1;
  },
);
