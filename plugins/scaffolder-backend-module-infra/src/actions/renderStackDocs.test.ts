import { execFile } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { createMockDirectory } from '@backstage/backend-test-utils';
import { createMockActionContext } from '@backstage/plugin-scaffolder-node-test-utils';
import { createRenderStackAction } from './renderStack';

const execFileAsync = promisify(execFile);

describe('TechDocs of a generated stack', () => {
  const workspace = createMockDirectory();

  it('build with mkdocs into a page that names the app', async () => {
    await createRenderStackAction().handler(
      createMockActionContext({
        input: {
          values: {
            name: 'wiki',
            owner: 'group:default/platform',
            description: 'Team wiki for the homelab',
            image: 'ghcr.io/acme/wiki:1.4.2',
            containerPort: 3000,
            replicas: 1,
            memory: '512Mi',
            cpu: '50m',
            subdomain: 'wiki',
            dnsType: 'proxied',
            authTier: { tier: 'required' },
          },
        },
        workspacePath: workspace.path,
      }),
    );
    const site = fs.mkdtempSync(path.join(os.tmpdir(), 'stack-site-'));
    try {
      // The same Debian mkdocs the portal's TechDocs generator runs.
      await execFileAsync(
        'mkdocs',
        [
          'build',
          '-q',
          '-f',
          path.join(workspace.path, 'stacks/wiki/mkdocs.yml'),
          '-d',
          site,
        ],
        { timeout: 60_000 },
      );
      const html = fs.readFileSync(path.join(site, 'index.html'), 'utf8');
      expect(html).toMatch(/<h1[^>]*>wiki/);
      expect(html).toContain('Team wiki for the homelab');
    } finally {
      fs.rmSync(site, { recursive: true, force: true });
    }
  }, 90_000);
});
