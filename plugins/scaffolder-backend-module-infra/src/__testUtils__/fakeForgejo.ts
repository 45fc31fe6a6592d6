import http from 'node:http';
import { AddressInfo } from 'node:net';

/** A pull request request the fake received. */
export interface ReceivedPullRequest {
  path: string;
  authorization?: string;
  body: { head?: string; base?: string; title?: string; body?: string };
}

/**
 * A local HTTP server implementing the one Forgejo endpoint the action uses,
 * `POST /api/v1/repos/{owner}/{repo}/pulls`, with Forgejo's response shape.
 * `respond` can replace the answer (an error status, or never answering).
 */
export async function startFakeForgejo(options: {
  token: string;
  respond?: 'created' | { status: number; message: string } | 'hang';
}) {
  const received: ReceivedPullRequest[] = [];
  const server = http.createServer((req, res) => {
    let data = '';
    req.on('data', chunk => {
      data += chunk;
    });
    req.on('end', () => {
      const m = /^\/api\/v1\/repos\/([^/]+)\/([^/]+)\/pulls$/.exec(
        req.url ?? '',
      );
      if (req.method !== 'POST' || !m) {
        res
          .writeHead(404, { 'content-type': 'application/json' })
          .end('{"message":"not found"}');
        return;
      }
      received.push({
        path: req.url!,
        authorization: req.headers.authorization,
        body: JSON.parse(data),
      });
      if (req.headers.authorization !== `token ${options.token}`) {
        res
          .writeHead(401, { 'content-type': 'application/json' })
          .end('{"message":"token is required"}');
        return;
      }
      const respond = options.respond ?? 'created';
      if (respond === 'hang') return;
      if (respond !== 'created') {
        res
          .writeHead(respond.status, { 'content-type': 'application/json' })
          .end(JSON.stringify({ message: respond.message }));
        return;
      }
      const number = received.length;
      res.writeHead(201, { 'content-type': 'application/json' }).end(
        JSON.stringify({
          number,
          html_url: `http://forgejo.test/${m[1]}/${m[2]}/pulls/${number}`,
          state: 'open',
        }),
      );
    });
  });
  await new Promise<void>(resolve => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    baseUrl: `http://127.0.0.1:${port}`,
    received,
    close: () =>
      new Promise<void>(resolve => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
