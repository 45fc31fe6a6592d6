import { execFile } from 'node:child_process';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { createServer, IncomingMessage, ServerResponse } from 'node:http';
import { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';

const execFileAsync = promisify(execFile);

/** An HTTP server on 127.0.0.1 that counts the requests of each path. */
export interface CountingServer {
  url: string;
  /** Requests so far, by path (query string dropped). */
  count(pathname: string): number;
  close(): Promise<void>;
}

async function listen(
  handle: (req: IncomingMessage, res: ServerResponse) => void,
): Promise<{ url: string; close(): Promise<void> }> {
  const server = createServer(handle);
  await new Promise<void>(done => server.listen(0, '127.0.0.1', done));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    close: () =>
      new Promise<void>(done => {
        server.closeAllConnections();
        server.close(() => done());
      }),
  };
}

/**
 * What the rollout checks read over HTTP: authentik's readiness URL (200)
 * and a forward-auth protected app (a 302 to the outpost's login), counted.
 */
export async function startAuthentikHttpFixture(): Promise<CountingServer> {
  const counts = new Map<string, number>();
  const server = await listen((req, res) => {
    const pathname = new URL(req.url ?? '/', 'http://x').pathname;
    counts.set(pathname, (counts.get(pathname) ?? 0) + 1);
    if (pathname === '/-/health/ready/') {
      res.writeHead(200).end();
    } else {
      res
        .writeHead(302, {
          location: '/outpost.goauthentik.io/start?rd=%2F',
        })
        .end();
    }
  });
  return { ...server, count: p => counts.get(p) ?? 0 };
}

/**
 * The infra repo served as Forgejo/Gitea serves it to Backstage's Gitea
 * integration: the branch's last commit and its tar.gz archive. `dir` is
 * packed once; every read is counted by path.
 */
export async function startInfraRepoFixture(options: {
  dir: string;
  owner: string;
  repo: string;
  ref: string;
}): Promise<CountingServer & { repoUrl: string; commitsPath: string }> {
  const { owner, repo, ref } = options;
  const work = await mkdtemp(path.join(tmpdir(), 'infra-archive-'));
  const archive = path.join(work, 'archive.tar.gz');
  // One top-level folder, as Forgejo's archives have.
  await execFileAsync('tar', [
    '-czf',
    archive,
    '-C',
    path.dirname(options.dir),
    `--transform=s,^${path.basename(options.dir)},${repo},`,
    path.basename(options.dir),
  ]);
  const body = await readFile(archive);
  const base = `/api/v1/repos/${owner}/${repo}`;
  const commitsPath = `${base}/git/commits/${ref}`;
  const archivePath = `${base}/archive/${ref}.tar.gz`;
  const counts = new Map<string, number>();
  const server = await listen((req, res) => {
    const pathname = new URL(req.url ?? '/', 'http://x').pathname;
    counts.set(pathname, (counts.get(pathname) ?? 0) + 1);
    if (pathname === commitsPath) {
      res
        .writeHead(200, { 'content-type': 'application/json' })
        .end(
          JSON.stringify({ sha: 'a1b2c3d4e5f60718293a4b5c6d7e8f9012345678' }),
        );
    } else if (pathname === archivePath) {
      res.writeHead(200, { 'content-type': 'application/gzip' }).end(body);
    } else {
      res.writeHead(404).end();
    }
  });
  return {
    ...server,
    repoUrl: `${server.url}/${owner}/${repo}/src/branch/${ref}`,
    commitsPath,
    count: p => counts.get(p) ?? 0,
    async close() {
      await server.close();
      await rm(work, { recursive: true, force: true });
    },
  };
}
