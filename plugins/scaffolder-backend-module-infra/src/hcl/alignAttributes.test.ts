import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { renderAddIngress } from '../render/renderAddIngress';
import { renderNewApp } from '../render/renderNewApp';
import { validateAddIngress } from '../spec/validateAddIngress';
import { validateNewApp } from '../spec/validateNewApp';
import { alignAttributes } from './alignAttributes';

describe('alignAttributes', () => {
  it('aligns a run of one-line attributes, object items included', () => {
    expect(
      alignAttributes(
        [
          'module "x" {',
          '  source = "../m"',
          '  tls_secret_name = var.tls',
          '  anti_ai_scraping = false',
          '  labels = { app = "x" }',
          '}',
          '',
        ].join('\n'),
      ),
    ).toBe(
      [
        'module "x" {',
        '  source           = "../m"',
        '  tls_secret_name  = var.tls',
        '  anti_ai_scraping = false',
        '  labels           = { app = "x" }',
        '}',
        '',
      ].join('\n'),
    );
  });

  it('ends a run at a comment, a blank line, a block or a multi-line value', () => {
    const text = [
      '  dns_type = "none"',
      '  # auth = "none": a public feed',
      '  auth = "none"',
      '  name      = "a"',
      '  annotations    = {',
      '    "a.b/c" = "1"',
      '    "d" = "2"',
      '  }',
      '',
      '  x = 1',
      '  longer = 2',
      '',
    ].join('\n');
    expect(alignAttributes(text)).toBe(
      [
        '  dns_type = "none"',
        '  # auth = "none": a public feed',
        '  auth = "none"',
        '  name = "a"',
        '  annotations = {',
        '    "a.b/c" = "1"',
        '    "d"     = "2"',
        '  }',
        '',
        '  x      = 1',
        '  longer = 2',
        '',
      ].join('\n'),
    );
  });

  it('leaves a string with = or brackets alone', () => {
    const line = '  command = ["/bin/sh", "-c", "a=1 && [ -d /x ]"]';
    expect(alignAttributes(line)).toBe(line);
  });
});

// The real formatter, where it is installed; the rules above hold without it.
const terraform = (() => {
  try {
    execFileSync('terraform', ['version'], { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
})();

(terraform ? describe : describe.skip)(
  'terraform fmt -check on generated files',
  () => {
    it('changes nothing in a new app with every option or an added ingress', () => {
      const none = {
        tier: 'none',
        justification: 'public site, nothing private',
      };
      const files = [
        ...renderNewApp(
          validateNewApp({
            name: 'wiki',
            owner: 'group:default/platform',
            image: 'ghcr.io/acme/wiki:1.0.0',
            containerPort: 3000,
            memory: '256Mi',
            cpu: '50m',
            authTier: none,
            anubis: true,
            carveOuts: [{ path: '/api', authTier: none }],
            database: true,
            secrets: [{ env: 'TOKEN', vaultPath: 'secret/wiki', key: 'token' }],
          }),
        ),
        ...renderNewApp(
          validateNewApp({
            name: 'vault-ui',
            owner: 'group:default/platform',
            image: 'ghcr.io/acme/v:1.0.0',
            containerPort: 80,
            memory: '64Mi',
            cpu: '10m',
            authTier: { tier: 'required' },
            persistentVolume: true,
            sensitiveData: false,
          }),
        ),
        ...renderAddIngress(
          validateAddIngress({
            stack: 'blog',
            ingressName: 'blog-feed',
            subdomain: 'blog',
            paths: ['/feed.xml'],
            authTier: none,
          }),
        ),
      ].filter(f => /\.(tf|hcl)$/.test(f.path));
      const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'fmt-'));
      for (const f of files) {
        fs.mkdirSync(path.join(dir, path.dirname(f.path)), { recursive: true });
        fs.writeFileSync(path.join(dir, f.path), f.content);
      }
      // -check exits non-zero and lists each file it would rewrite.
      let rewritten = '';
      try {
        execFileSync(
          'terraform',
          ['fmt', '-check', '-recursive', '-list=true', dir],
          {
            encoding: 'utf8',
            stdio: ['ignore', 'pipe', 'ignore'],
            env: { ...process.env, TF_CLI_CONFIG_FILE: '/dev/null' },
          },
        );
      } catch (e) {
        rewritten = (e as { stdout?: string }).stdout || String(e);
      } finally {
        fs.rmSync(dir, { recursive: true, force: true });
      }
      expect(rewritten).toBe('');
    });
  },
);
