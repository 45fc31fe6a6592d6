import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import http from 'node:http';
import { AddressInfo } from 'node:net';
import path from 'node:path';

/** Hash of every file's path and content: a stand-in for the commit SHA. */
function treeHash(dir: string): string {
  const hash = createHash('sha1');
  const files = fs
    .readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter(e => e.isFile())
    .map(e => path.join(e.parentPath, e.name))
    .sort();
  for (const f of files) hash.update(f).update(fs.readFileSync(f));
  return hash.digest('hex');
}

/**
 * A Forgejo (Gitea API) fixture serving one repository from a folder: the
 * two REST paths Backstage's Gitea UrlReader calls for `readTree` (the
 * branch's latest commit, and the branch's `.tar.gz` archive, made by the
 * system's `tar`). Everything else answers 404.
 */
export async function startForgejoFixture(options: {
  repoDir: string;
  owner: string;
  repo: string;
  branch: string;
}): Promise<{
  baseUrl: string;
  host: string;
  requests: string[];
  close(): Promise<void>;
}> {
  const { repoDir, owner, repo, branch } = options;
  const requests: string[] = [];
  const server = http.createServer((req, res) => {
    requests.push(req.url ?? '');
    const prefix = `/api/v1/repos/${owner}/${repo}`;
    if (req.url === `${prefix}/git/commits/${branch}`) {
      res.setHeader('content-type', 'application/json');
      res.end(JSON.stringify({ sha: treeHash(repoDir) }));
      return;
    }
    if (req.url === `${prefix}/archive/${branch}.tar.gz`) {
      // Forgejo's archives hold one top folder named after the repo.
      const tarball = execFileSync(
        'tar',
        [
          '-czf',
          '-',
          '-C',
          path.dirname(repoDir),
          '--transform',
          `s,^${path.basename(repoDir)},${repo},`,
          path.basename(repoDir),
        ],
        { maxBuffer: 256 * 1024 * 1024 },
      );
      res.setHeader('content-type', 'application/gzip');
      res.end(tarball);
      return;
    }
    res.statusCode = 404;
    res.end('not found');
  });
  await new Promise<void>(resolve => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    baseUrl: `http://localhost:${port}`,
    host: `localhost:${port}`,
    requests,
    close: () => new Promise(resolve => server.close(() => resolve())),
  };
}
