import path from 'node:path';
import githubModule from '@backstage/plugin-scaffolder-backend-module-github';
import { TEMPLATES_DIR } from './__testUtils__/scaffolderTasks';
import { dryRunTemplate, loadTemplate } from './dryRun/dryRunTemplate';
import {
  ScaffolderBackend,
  startScaffolderBackend,
} from './dryRun/startScaffolderBackend';

jest.setTimeout(60_000);

const EXAMPLE_REPO = path.resolve(__dirname, '../../../examples/infra');

describe('publisher chosen by config: github', () => {
  let backend: ScaffolderBackend;

  beforeAll(async () => {
    backend = await startScaffolderBackend(
      {
        backend: { baseUrl: 'http://localhost:7007', listen: { port: 0 } },
        integrations: {
          github: [{ host: 'github.com', token: 'not-a-real-token' }],
        },
        scaffolder: {
          infra: {
            repo: { localPath: EXAMPLE_REPO },
            github: {
              repoUrl: 'github.com?owner=acme&repo=infra',
              baseBranch: 'master',
            },
          },
        },
      },
      { features: [githubModule] },
    );
  });

  afterAll(() => backend?.stop());

  it('runs publish:github:pull-request with the configured repo and skips Forgejo', async () => {
    const result = await dryRunTemplate(
      backend,
      await loadTemplate(path.join(TEMPLATES_DIR, 'add-ingress')),
      {
        stack: 'blog',
        ingressName: 'blog-api',
        subdomain: 'blog',
        paths: ['/api'],
        serviceName: 'blog',
        authTier: {
          tier: 'app',
          justification: 'the API checks its own bearer tokens',
        },
        clients: 'native',
      },
    );
    const log = result.log.join('\n');
    expect(log).toContain(
      'Skipping step pr-forgejo because its if condition was false',
    );
    expect(log).toContain('Performing dry run of creating pull request');
    expect(result.output.links).toEqual([
      { title: 'Pull request', url: 'github.com?owner=acme&repo=infra' },
    ]);
  });
});
