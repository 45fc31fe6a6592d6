/**
 * Runs startSimulatedPortal in its own Node process, for Jest: the stock
 * Kubernetes backend loads `@kubernetes/client-node` with a dynamic
 * `import()`, which Jest's module sandbox refuses. Options come as JSON in
 * argv; prints `{"baseUrl": ...}` on one line once serving, stops on SIGTERM.
 */
import { startSimulatedPortal } from './simulatedPortal';

startSimulatedPortal(JSON.parse(process.argv[2])).then(
  portal => {
    process.stdout.write(`${JSON.stringify({ baseUrl: portal.baseUrl })}\n`);
    process.on('SIGTERM', () => {
      // The stock Kubernetes backend and the scheduler leave timers behind.
      portal.stop().finally(() => process.exit(0));
    });
  },
  error => {
    process.stderr.write(`${error instanceof Error ? error.stack : error}\n`);
    process.exit(1);
  },
);
