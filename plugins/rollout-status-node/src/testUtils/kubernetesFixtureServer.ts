import { createServer, Server } from 'node:http';
import { AddressInfo } from 'node:net';
import {
  KubernetesFault,
  RecordedKubernetes,
  createFixtureApiHandler,
} from '../simulated/fixtureApi';

export type { KubernetesFault } from '../simulated/fixtureApi';

export interface KubernetesFixtureServer {
  url: string;
  /** Requests served, by resource (`deployments`, `pods`, `stats/summary`, ...). */
  requests: Map<string, number>;
  /**
   * Requests served that name a namespace, by `<namespace>/<resource>`
   * (`authentik/deployments`, `authentik/namespace` for the object itself).
   */
  namespacedRequests: Map<string, number>;
  totalRequests(): number;
  serve(recorded: RecordedKubernetes): void;
  setFault(fault: KubernetesFault): void;
  close(): Promise<void>;
}

/**
 * A stand-in Kubernetes API server on its own port: the fixture API
 * handler (the same one the simulated cluster mounts in the backend) over
 * HTTP/1.1 keep-alive, with request counts and fault injection.
 */
export async function startKubernetesFixtureServer(options: {
  recorded: RecordedKubernetes;
  /** When set, requests without `Authorization: Bearer <token>` get 401. */
  token?: string;
}): Promise<KubernetesFixtureServer> {
  let recorded = options.recorded;
  let fault: KubernetesFault = { kind: 'none' };
  const requests = new Map<string, number>();
  const namespacedRequests = new Map<string, number>();
  const bump = (counts: Map<string, number>, key: string) =>
    counts.set(key, (counts.get(key) ?? 0) + 1);
  const handle = createFixtureApiHandler({
    recorded: () => recorded,
    fault: () => fault,
    token: options.token,
    onRequest: (resource, namespace) => {
      bump(requests, resource);
      if (namespace) bump(namespacedRequests, `${namespace}/${resource}`);
    },
  });
  const server: Server = createServer((req, res) => {
    if (fault.kind === 'slow') {
      const timer = setTimeout(() => handle(req, res), fault.delayMs);
      res.on('close', () => clearTimeout(timer));
      return;
    }
    handle(req, res);
  });
  server.keepAliveTimeout = 60_000;
  await new Promise<void>(resolve => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    requests,
    namespacedRequests,
    totalRequests: () => [...requests.values()].reduce((a, b) => a + b, 0),
    serve(next) {
      recorded = next;
    },
    setFault(next) {
      fault = next;
    },
    close: () =>
      new Promise<void>(resolve => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
