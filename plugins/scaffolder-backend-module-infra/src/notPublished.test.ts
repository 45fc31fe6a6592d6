import type { JsonObject } from '@backstage/types';
import { createInfraGitRepo, InfraGitRepo } from './__testUtils__/infraGitRepo';
import { runTask, templateEntities } from './__testUtils__/scaffolderTasks';
import {
  ScaffolderBackend,
  startScaffolderBackend,
} from './dryRun/startScaffolderBackend';

jest.setTimeout(120_000);

const NEW_APP = {
  name: 'status-page',
  owner: 'group:default/platform',
  image: 'ghcr.io/homelab/status-page:1.4.2',
  containerPort: 8080,
  memory: '256Mi',
  cpu: '50m',
  authTier: { tier: 'required' },
};

// The bundled app-config has a Forgejo block whose base URL and token come
// from unset environment variables: that is no forge, not a broken one.
describe('a new app with no forge configured', () => {
  let repo: InfraGitRepo;
  let backend: ScaffolderBackend;

  beforeAll(async () => {
    repo = createInfraGitRepo();
    const config: JsonObject = {
      backend: { baseUrl: 'http://localhost:7007', listen: { port: 0 } },
      scaffolder: {
        infra: {
          publisher: 'forgejo',
          repo: { localPath: repo.checkout },
          forgejo: { owner: 'homelab', repo: 'infra' },
        },
      },
    };
    backend = await startScaffolderBackend(config, {
      entities: await templateEntities(),
    });
  });

  afterAll(async () => {
    await backend?.stop();
    repo?.remove();
  });

  it('completes as not published, with the checked files and the pull request text, and no stack trace', async () => {
    const task = await runTask(
      backend,
      'template:default/infra-new-app',
      NEW_APP,
    );
    expect(task.status).toBe('completed');
    expect(task.output.publisher).toBe('none');
    expect(task.output.pullRequestTitle).toBe('New app: status-page');
    expect(task.output.branchName).toBe('portal/new-app-status-page');
    expect(task.output.pullRequestBody).toContain('## Generated files');
    const generated = task.output.generated as Array<{
      path: string;
      content: string;
    }>;
    expect(generated.map(f => f.path)).toContain('stacks/status-page/main.tf');
    expect(
      generated.find(f => f.path === 'stacks/status-page/deployment.tf')
        ?.content,
    ).toContain('resource "kubernetes_deployment"');

    const log = task.log.join('\n');
    expect(log).toContain(
      'Not published: the portal has no forge (Forgejo or GitHub)',
    );
    expect(log).not.toMatch(/\n\s+at /);
    expect(log).not.toContain('Missing required config value');
    // Nothing pushed: the branch does not exist.
    expect(() => repo.changedFiles('portal/new-app-status-page')).toThrow(
      /unknown revision/,
    );
  });
});
