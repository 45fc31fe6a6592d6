import {
  createServer,
  IncomingMessage,
  Server,
  ServerResponse,
} from 'node:http';
import { AddressInfo } from 'node:net';
import { Snapshot } from '../sources/snapshot';

type Json = Record<string, unknown>;
type RecordedKubernetes = Exclude<
  NonNullable<Snapshot['kubernetes']>,
  { error: string }
>;

/** How the fixture misbehaves, for fault tests. */
export type KubernetesFault =
  | { kind: 'none' }
  | { kind: 'status'; status: 500 | 403 | 401; onlyPaths?: RegExp }
  | { kind: 'slow'; delayMs: number };

export interface KubernetesFixtureServer {
  url: string;
  /** Requests served, by resource (`deployments`, `pods`, `stats/summary`, ...). */
  requests: Map<string, number>;
  totalRequests(): number;
  /** Every Authorization header seen (to check what the client sent). */
  serve(recorded: RecordedKubernetes): void;
  setFault(fault: KubernetesFault): void;
  close(): Promise<void>;
}

const NAMESPACED =
  /^\/(?:api\/v1|apis\/([a-z0-9.]+)\/(v[0-9a-z]+))\/namespaces\/([^/]+)\/([a-z]+)$/;
const CLUSTER_WIDE =
  /^\/(?:api\/v1|apis\/([a-z0-9.]+)\/(v[0-9a-z]+))\/([a-z]+)$/;
const NAMESPACE_OBJECT = /^\/api\/v1\/namespaces\/([^/]+)$/;
const NODE_STATS = /^\/api\/v1\/nodes\/([^/]+)\/proxy\/stats\/summary$/;

/** `a=b,c=d` equality selectors (all the clients here send). */
function matchesSelector(object: Json, selector: string | null): boolean {
  if (!selector) return true;
  const labels = ((object.metadata as Json | undefined)?.labels ??
    {}) as Record<string, string>;
  return selector.split(',').every(term => {
    const [key, value] = term.split('=');
    return labels[key] === value;
  });
}

/**
 * A stand-in Kubernetes API server: serves the real REST paths the official
 * client calls (namespaced lists, the cluster-wide lists the stock
 * Kubernetes plugin issues, and the kubelet summary through the node
 * proxy) from a recorded scenario, over HTTP/1.1 keep-alive. Resources it
 * has no recording for answer an empty list, as a real API server would.
 */
export async function startKubernetesFixtureServer(options: {
  recorded: RecordedKubernetes;
  /** When set, requests without `Authorization: Bearer <token>` get 401. */
  token?: string;
}): Promise<KubernetesFixtureServer> {
  let recorded = options.recorded;
  let fault: KubernetesFault = { kind: 'none' };
  const requests = new Map<string, number>();
  const count = (key: string) =>
    requests.set(key, (requests.get(key) ?? 0) + 1);

  const send = (res: ServerResponse, status: number, body: unknown) => {
    const text = JSON.stringify(body);
    res.writeHead(status, {
      'content-type': 'application/json',
      'content-length': Buffer.byteLength(text),
    });
    res.end(text);
  };
  const statusBody = (code: number, reason: string, message: string) => ({
    kind: 'Status',
    apiVersion: 'v1',
    metadata: {},
    status: 'Failure',
    message,
    reason,
    code,
  });

  const lists = () => recorded.lists as Record<string, { items: Json[] }>;

  const handle = (req: IncomingMessage, res: ServerResponse) => {
    const url = new URL(req.url ?? '/', 'http://fixture');
    // The client escapes the proxied path (stats%2Fsummary), as the API server accepts.
    const path = decodeURIComponent(url.pathname);
    if (
      options.token &&
      req.headers.authorization !== `Bearer ${options.token}`
    ) {
      send(res, 401, statusBody(401, 'Unauthorized', 'Unauthorized'));
      return;
    }
    if (
      fault.kind === 'status' &&
      (!fault.onlyPaths || fault.onlyPaths.test(path))
    ) {
      send(
        res,
        fault.status,
        statusBody(
          fault.status,
          fault.status === 403 ? 'Forbidden' : 'InternalError',
          `fixture fault ${fault.status}`,
        ),
      );
      return;
    }
    const stats = NODE_STATS.exec(path);
    if (stats) {
      count('stats/summary');
      const summary = (recorded.nodeStats as Record<string, unknown>)[stats[1]];
      if (summary) send(res, 200, summary);
      else
        send(
          res,
          404,
          statusBody(404, 'NotFound', `node ${stats[1]} not found`),
        );
      return;
    }
    const namespaceObject = NAMESPACE_OBJECT.exec(path);
    if (namespaceObject) {
      count('namespace');
      const found = (lists().namespaces?.items ?? []).find(
        n => (n.metadata as Json | undefined)?.name === namespaceObject[1],
      );
      if (found) send(res, 200, found);
      else
        send(
          res,
          404,
          statusBody(404, 'NotFound', `namespaces "${namespaceObject[1]}" not found`),
        );
      return;
    }
    const namespaced = NAMESPACED.exec(path);
    const clusterWide = namespaced ? null : CLUSTER_WIDE.exec(path);
    const resource = namespaced?.[4] ?? clusterWide?.[3];
    if (!resource) {
      send(res, 404, statusBody(404, 'NotFound', `no route ${path}`));
      return;
    }
    count(resource);
    const namespace = namespaced?.[3];
    const source = lists()[resource];
    const items = (source?.items ?? []).filter(
      item =>
        (!namespace ||
          (item.metadata as Json | undefined)?.namespace === namespace) &&
        matchesSelector(item, url.searchParams.get('labelSelector')),
    );
    send(res, 200, {
      apiVersion: 'v1',
      kind: 'List',
      metadata: { resourceVersion: '1' },
      items,
    });
  };

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
