import { IncomingMessage, ServerResponse } from 'node:http';
import { Snapshot } from '../sources/snapshot';

type Json = Record<string, unknown>;

/** Recorded API objects: lists by resource (`deployments`, `pods`, ...), across any namespaces. */
export type RecordedKubernetes = Exclude<
  NonNullable<Snapshot['kubernetes']>,
  { error: string }
>;

/** How the fixture misbehaves, for fault tests. */
export type KubernetesFault =
  | { kind: 'none' }
  | { kind: 'status'; status: 500 | 403 | 401; onlyPaths?: RegExp }
  | { kind: 'slow'; delayMs: number };

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

function send(res: ServerResponse, status: number, body: unknown) {
  const text = JSON.stringify(body);
  res.writeHead(status, {
    'content-type': 'application/json',
    'content-length': Buffer.byteLength(text),
  });
  res.end(text);
}

function statusBody(code: number, reason: string, message: string) {
  return {
    kind: 'Status',
    apiVersion: 'v1',
    metadata: {},
    status: 'Failure',
    message,
    reason,
    code,
  };
}

/**
 * A request handler that answers the Kubernetes API's REST paths the
 * official client calls (namespaced lists, the cluster-wide lists the stock
 * Kubernetes plugin issues, a namespace object, and the kubelet summary
 * through the node proxy) from recorded objects. Resources without a
 * recording answer an empty list, as a real API server does for a kind with
 * no objects. The path is taken relative to where the handler is mounted.
 */
export function createFixtureApiHandler(options: {
  recorded: () => RecordedKubernetes;
  fault?: () => KubernetesFault;
  /** When set, requests without `Authorization: Bearer <token>` get 401. */
  token?: string;
  /**
   * Called with the resource of every request served, and its namespace
   * when the request names one (for counting).
   */
  onRequest?: (resource: string, namespace?: string) => void;
}): (req: IncomingMessage, res: ServerResponse) => void {
  const count = (resource: string, namespace?: string) =>
    options.onRequest?.(resource, namespace);
  return (req, res) => {
    const url = new URL(req.url ?? '/', 'http://fixture');
    // The client escapes the proxied path (stats%2Fsummary), as the API server accepts.
    const path = decodeURIComponent(url.pathname);
    const recorded = options.recorded();
    const lists = recorded.lists as Record<string, { items: Json[] }>;
    const fault = options.fault?.() ?? { kind: 'none' };
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
      count('namespace', namespaceObject[1]);
      const found = (lists.namespaces?.items ?? []).find(
        n => (n.metadata as Json | undefined)?.name === namespaceObject[1],
      );
      if (found) send(res, 200, found);
      else
        send(
          res,
          404,
          statusBody(
            404,
            'NotFound',
            `namespaces "${namespaceObject[1]}" not found`,
          ),
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
    const namespace = namespaced?.[3];
    count(resource, namespace);
    const items = (lists[resource]?.items ?? []).filter(
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
}
