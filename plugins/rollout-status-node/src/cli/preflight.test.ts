import { spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { SNAPSHOT_DIR } from '../testUtils';

const REPO = resolve(__dirname, '../../../..');
const TSX = join(REPO, 'node_modules/.bin/tsx');
const CLI = resolve(__dirname, 'preflight.ts');

function run(
  yaml: string,
  extra: string[] = [],
  env: Record<string, string> = {},
) {
  const dir = mkdtempSync(join(tmpdir(), 'preflight-'));
  const file = join(dir, 'app-config.yaml');
  writeFileSync(file, yaml);
  const result = spawnSync(TSX, [CLI, '--config', file, ...extra], {
    encoding: 'utf8',
    env: { ...process.env, ...env },
    timeout: 60_000,
  });
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}

const targets = `
rolloutStatus:
  targets:
    - id: healthy
      title: healthy
      snapshot: ${join(SNAPSHOT_DIR, 'healthy.json')}
    - id: storm
      title: storm
      snapshot: ${join(SNAPSHOT_DIR, 'boot-storm.json')}
`;

describe('rollout preflight CLI', () => {
  it('exits 1 for a snapshot, however healthy: it says nothing about now', () => {
    const { code, stdout } = run(targets, ['--target', 'healthy']);
    expect(code).toBe(1);
    const output = JSON.parse(stdout);
    expect(output.safeToApply).toBe(false);
    expect(output.reasons).toEqual([
      expect.stringMatching(
        /^healthy: snapshot data \(.*healthy\.json\), not the cluster now$/,
      ),
    ]);
    expect(output.targets[0].preflight).toMatchObject({
      verdict: 'ok',
      safeToApply: true,
    });
  }, 60_000);

  it('exits 0 and prints ok verdicts for the healthy snapshot when snapshots are allowed', () => {
    const { code, stdout } = run(targets, [
      '--target',
      'healthy',
      '--allow-snapshot',
    ]);
    expect(code).toBe(0);
    const output = JSON.parse(stdout);
    expect(output.safeToApply).toBe(true);
    expect(output.targets[0]).toMatchObject({
      targetId: 'healthy',
      mode: 'snapshot',
      preflight: { verdict: 'ok', safeToApply: true },
    });
    expect(output.targets[0].checks).toHaveLength(11);
  }, 60_000);

  it('exits 1 with the reasons for the boot-storm snapshot, without query text', () => {
    const { code, stdout } = run(targets, [
      '--target',
      'storm',
      '--allow-snapshot',
    ]);
    expect(code).toBe(1);
    const output = JSON.parse(stdout);
    expect(output.targets[0].preflight.reasons.join('\n')).toMatch(
      /DOWNGRADES 2026\.2\.4 to 2026\.2\.2/,
    );
    expect(stdout).not.toContain('authentik_version_history');
  }, 60_000);

  it('exits 2 naming the key on bad config, and on an unknown target', () => {
    const bad = run('rolloutStatus:\n  deadlineMs: soon\n');
    expect(bad.code).toBe(2);
    expect(bad.stderr).toMatch(/rolloutStatus\.deadlineMs/);
    const unknown = run(targets, ['--target', 'nope']);
    expect(unknown.code).toBe(2);
    expect(unknown.stderr).toMatch(/--target nope: no such target/);
  }, 60_000);

  it('exits 1 when a live source is unreachable (unknown is not safe), keeping the password out', () => {
    const { code, stdout, stderr } = run(
      `rolloutStatus:\n  deadlineMs: 500\n  targets:\n    - id: live\n      title: live\n      postgres:\n        host: 127.0.0.1\n        port: 1\n        user: ro\n        password: \${PG_PW}\n`,
      [],
      { PG_PW: 'cli-secret-pw-0042' },
    );
    expect({ code, stderr }).toEqual({ code: 1, stderr: '' });
    expect(JSON.parse(stdout).targets[0].preflight.verdict).toBe('unknown');
    expect(stdout).not.toContain('cli-secret-pw-0042');
  }, 60_000);
});
