import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { copyExampleRepo, EXAMPLE_REPO } from '../__testUtils__/tempRepo';

jest.setTimeout(60_000);

const TSX = path.join(
  path.dirname(require.resolve('tsx/package.json')),
  'dist/cli.mjs',
);
const PREVIEW = path.resolve(__dirname, 'preview.ts');

function preview(...args: string[]) {
  const res = spawnSync(process.execPath, [TSX, PREVIEW, ...args], {
    encoding: 'utf8',
    env: { ...process.env, INIT_CWD: '' },
  });
  return { code: res.status, stdout: res.stdout, stderr: res.stderr };
}

describe('catalog:preview', () => {
  it('prints the entities and findings of the example repo and exits 0', () => {
    const { code, stdout, stderr } = preview(EXAMPLE_REPO);
    expect(stderr).toBe('');
    expect(code).toBe(0);
    const out = JSON.parse(stdout);
    expect(out.stacks).toBe(8);
    expect(out.parseErrors).toEqual([]);
    const refs = out.entities.map((e: any) => `${e.kind}:${e.metadata.name}`);
    expect(refs).toEqual(
      expect.arrayContaining([
        'System:authentik',
        'Component:authentik-server',
        'Component:authentik-worker',
        'Resource:authentik-pgbouncer',
        'Resource:dbaas-pg-cluster',
        'Resource:blog-ingress-net-diag',
        'Component:dbaas-postgresql-backup-per-db',
        'Group:platform',
      ]),
    );
    expect(out.findings.map((f: any) => f.rule)).toContain(
      'auth-justification',
    );
    expect(out.findings[0]).not.toHaveProperty('subject');
  });

  it('exits 1 and names file and line on a parse error', () => {
    const repo = copyExampleRepo();
    try {
      repo.write(
        'stacks/echo/main.tf',
        repo
          .read('stacks/echo/main.tf')
          .replace('namespace = "echo"', 'namespace = "echo'),
      );
      const { code, stdout, stderr } = preview(repo.dir);
      expect(code).toBe(1);
      expect(JSON.parse(stdout).parseErrors).toEqual([
        expect.objectContaining({ file: 'stacks/echo/main.tf', line: 9 }),
      ]);
      expect(stderr).toContain('stacks/echo/main.tf:9');
    } finally {
      repo.cleanup();
    }
  });

  it('exits 2 on a path that does not exist or bad usage', () => {
    expect(preview('/nonexistent/infra').code).toBe(2);
    expect(preview().code).toBe(2);
  });
});
