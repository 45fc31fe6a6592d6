import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { EXAMPLE_REPO, tempRepo } from '../__testUtils__/tempRepo';

jest.setTimeout(60_000);

// What `yarn catalog:preview` runs: the CLI bundled by the repo's launcher.
const LAUNCHER = path.resolve(
  __dirname,
  '../../../../scripts/lib/runBundled.cjs',
);
const PREVIEW = path.resolve(__dirname, 'preview.ts');

function preview(...args: string[]) {
  const res = spawnSync(process.execPath, [LAUNCHER, PREVIEW, ...args], {
    encoding: 'utf8',
    env: { ...process.env, INIT_CWD: '' },
  });
  return { code: res.status, stdout: res.stdout, stderr: res.stderr };
}

/** Two stacks of our own: one fine, one with a file that does not parse. */
const NAMESPACE = (name: string) => `resource "kubernetes_namespace" "ns" {
  metadata {
    name = "${name}"
  }
}
`;
const repo = tempRepo({
  'stacks/calm/main.tf': NAMESPACE('calm'),
  'stacks/broken/main.tf': `${NAMESPACE(
    'broken',
  )}locals {\n  a = "unterminated\n}\n`,
  // git-crypt ciphertext: listed as not read, never a parse error.
  'stacks/calm/secrets.auto.tfvars': Buffer.concat([
    Buffer.from('\0GITCRYPT\0'),
    Buffer.from([0x8f, 0x01, 0xfe, 0x22, 0x00, 0x9c]),
  ]),
});
afterAll(() => repo.cleanup());

describe('catalog:preview output', () => {
  it('prints entities, findings and a summary of the example repo as JSON', () => {
    const { stdout } = preview(EXAMPLE_REPO, '--fail-on', 'never');
    const out = JSON.parse(stdout);
    // One stack per folder under stacks/ (the example repo grows).
    expect(out.stacks).toBe(
      fs.readdirSync(path.join(EXAMPLE_REPO, 'stacks')).length,
    );
    expect(out.scope).toBe('all');
    const refs = out.entities.map((e: any) => `${e.kind}:${e.metadata.name}`);
    expect(refs).toEqual(
      expect.arrayContaining([
        'System:authentik',
        'Resource:authentik-pgbouncer',
        'Group:platform',
      ]),
    );
    expect(out.summary.entities.total).toBe(out.entities.length);
    expect(out.findings.length).toBe(out.summary.findings.total);
    expect(out.findings[0]).not.toHaveProperty('subject');
  });

  it('prints file:line: severity: message lines', () => {
    const { code, stdout } = preview(repo.dir, '--format', 'lines');
    expect(code).toBe(1);
    expect(stdout).toMatch(
      /^stacks\/broken\/main\.tf:\d+: error: .*\(parse-error\)$/m,
    );
  });

  it('prints a short summary, a report that exits 0 and says what a gate would find', () => {
    const { code, stdout } = preview(repo.dir, '--summary');
    expect(code).toBe(0);
    expect(stdout).toMatch(/^Infra preview of .*: 2 stacks$/m);
    expect(stdout).toMatch(/^Findings: \d+ \(.*error 1.*\)$/m);
    expect(stdout).toMatch(/^Dangling references: none$/m);
    expect(stdout).toMatch(
      /^Gate: none \(a summary reports\), exit 0; --fail-on error would exit 1 on 1 finding$/m,
    );
  });

  it('gates a summary when --fail-on is given', () => {
    const { code, stdout } = preview(
      repo.dir,
      '--summary',
      '--fail-on',
      'error',
    );
    expect(code).toBe(1);
    expect(stdout).toMatch(
      /^Gate --fail-on error: 1 finding at or above error, exit 1$/m,
    );
  });
});

describe('catalog:preview as a CI gate', () => {
  it('exits 1 on an error finding, 0 when told never to fail', () => {
    expect(preview(repo.dir, '--format', 'lines').code).toBe(1);
    expect(
      preview(repo.dir, '--format', 'lines', '--fail-on', 'never').code,
    ).toBe(0);
  });

  it('judges only the stacks a change touches', () => {
    const calm = preview(
      repo.dir,
      '--format',
      'lines',
      '--changed',
      'stacks/calm/main.tf',
    );
    expect(calm.code).toBe(0);
    expect(calm.stdout).not.toContain('stacks/broken');
    expect(
      preview(repo.dir, '--format', 'lines', '--stacks', 'stacks/broken').code,
    ).toBe(1);
    expect(
      preview(repo.dir, '--format', 'lines', '--changed', 'docs/notes.md').code,
    ).toBe(0);
  });

  it('lists an encrypted file as not read, and does not fail on it', () => {
    const { code, stdout } = preview(repo.dir, '--stacks', 'calm');
    const out = JSON.parse(stdout);
    expect(out.skippedFiles).toEqual([
      expect.objectContaining({
        file: 'stacks/calm/secrets.auto.tfvars',
        reason: 'encrypted',
      }),
    ]);
    expect(out.parseErrors.map((e: any) => e.file)).not.toContain(
      'stacks/calm/secrets.auto.tfvars',
    );
    expect(code).toBe(0);
  });

  it('exits 2 on bad usage, a missing path, a folder that is no infra repo or an unknown stack', () => {
    expect(preview().code).toBe(2);
    expect(preview(repo.dir, '--format', 'xml').code).toBe(2);
    expect(preview('/nonexistent/infra').code).toBe(2);
    const notInfra = preview(path.join(repo.dir, 'stacks'));
    expect(notInfra.code).toBe(2);
    expect(notInfra.stderr).toContain('is not an infra repo');
    const unknown = preview(repo.dir, '--stacks', 'stacks/nope');
    expect(unknown.code).toBe(2);
    expect(unknown.stderr).toContain('--stacks stacks/nope: no such stack');
  });
});
