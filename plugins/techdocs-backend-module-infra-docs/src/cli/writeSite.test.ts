import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { EXAMPLE_REPO } from '../__testUtils__/docsBackend';
import { writeSite } from './writeSite';

describe('writeSite (the MkDocs project CI builds for production)', () => {
  const out = fs.mkdtempSync(path.join(os.tmpdir(), 'infra-docs-cli-'));
  afterAll(() => fs.rmSync(out, { recursive: true, force: true }));

  it('writes a project that the real mkdocs builds, outside the repo', async () => {
    const site = await writeSite(EXAMPLE_REPO, out);
    expect(site.unreadable).toEqual([]);
    execFileSync('mkdocs', ['build', '-q', '-d', path.join(out, 'site')], {
      cwd: out,
      stdio: 'pipe',
    });
    const html = fs.readFileSync(
      path.join(out, 'site/runbooks/restore-postgresql/index.html'),
      'utf8',
    );
    expect(html).toMatch(/<h1[^>]*>Restore PostgreSQL from a backup/);
    expect(fs.existsSync(path.join(EXAMPLE_REPO, 'mkdocs.yml'))).toBe(false);
  });

  it('refuses an out dir inside the infra repo', async () => {
    await expect(
      writeSite(EXAMPLE_REPO, path.join(EXAMPLE_REPO, 'site')),
    ).rejects.toThrow(/must be outside the infra repo/);
  });
});
