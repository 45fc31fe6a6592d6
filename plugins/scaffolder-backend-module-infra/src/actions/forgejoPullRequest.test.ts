import {
  createMockDirectory,
  mockServices,
} from '@backstage/backend-test-utils';
import { ConflictError, ResponseError } from '@backstage/errors';
import { createMockActionContext } from '@backstage/plugin-scaffolder-node-test-utils';
import {
  createInfraGitRepo,
  InfraGitRepo,
} from '../__testUtils__/infraGitRepo';
import { startFakeForgejo } from '../__testUtils__/fakeForgejo';
import { createForgejoPullRequestAction } from './forgejoPullRequest';

const TOKEN = 'forgejo-secret-token-1234';

describe('infra:forgejo-pull-request', () => {
  const workspace = createMockDirectory();
  let repo: InfraGitRepo;
  beforeEach(() => {
    workspace.clear();
    repo = createInfraGitRepo();
  });
  afterEach(() => repo.remove());

  async function run(
    forgejo: { baseUrl: string },
    extra: Record<string, number> = {},
  ) {
    const logger = mockServices.logger.mock();
    const action = createForgejoPullRequestAction({
      config: mockServices.rootConfig({
        data: {
          scaffolder: {
            infra: {
              forgejo: {
                baseUrl: forgejo.baseUrl,
                owner: 'homelab',
                repo: 'infra',
                token: TOKEN,
                gitUrl: repo.remote,
                ...extra,
              },
            },
          },
        },
      }),
    });
    const ctx = createMockActionContext({
      input: {
        title: 'New app: wiki',
        description: 'The body',
        branchName: 'portal/new-app-wiki',
      },
      workspacePath: workspace.path,
      logger,
    });
    const error = await action.handler(ctx).catch(e => e);
    const logged = JSON.stringify([
      logger.info.mock.calls,
      logger.warn.mock.calls,
      logger.error.mock.calls,
    ]);
    return { ctx, error, logged };
  }

  it('pushes the workspace files on a branch and opens the pull request', async () => {
    const forgejo = await startFakeForgejo({ token: TOKEN });
    try {
      workspace.setContent({
        'stacks/wiki/main.tf': '# wiki\n',
        'stacks/wiki/docs/index.md': '# wiki\n',
      });
      const { ctx, error, logged } = await run(forgejo);
      expect(error).toBeUndefined();
      expect(repo.changedFiles('portal/new-app-wiki').sort()).toEqual([
        'stacks/wiki/docs/index.md',
        'stacks/wiki/main.tf',
      ]);
      expect(repo.filesOf('portal/new-app-wiki')['stacks/wiki/main.tf']).toBe(
        '# wiki\n',
      );
      expect(forgejo.received).toEqual([
        {
          path: '/api/v1/repos/homelab/infra/pulls',
          authorization: `token ${TOKEN}`,
          body: {
            head: 'portal/new-app-wiki',
            base: 'main',
            title: 'New app: wiki',
            body: 'The body',
          },
        },
      ]);
      expect(ctx.output).toHaveBeenCalledWith(
        'pullRequestUrl',
        'http://forgejo.test/homelab/infra/pulls/1',
      );
      expect(ctx.output).toHaveBeenCalledWith('pullRequestNumber', 1);
      expect(logged).not.toContain(TOKEN);
    } finally {
      await forgejo.close();
    }
  });

  it('refuses to overwrite a file of the base branch: no branch pushed, no pull request', async () => {
    const forgejo = await startFakeForgejo({ token: TOKEN });
    try {
      workspace.setContent({ 'stacks/blog/main.tf': '# replaced\n' });
      const { error } = await run(forgejo);
      expect(error).toBeInstanceOf(ConflictError);
      expect(error.message).toBe(
        'stacks/blog/main.tf already exists on main; the template never overwrites a file.',
      );
      expect(repo.branches()).toEqual(['main']);
      expect(forgejo.received).toEqual([]);
    } finally {
      await forgejo.close();
    }
  });

  it('reports a refused pull request with its status and without the token', async () => {
    const forgejo = await startFakeForgejo({
      token: TOKEN,
      respond: { status: 422, message: 'pull request already exists' },
    });
    try {
      workspace.setContent({ 'stacks/wiki/main.tf': '# wiki\n' });
      const { error, logged } = await run(forgejo);
      expect(error).toBeInstanceOf(ResponseError);
      expect(error.message).toContain('422');
      expect(error.message).not.toContain(TOKEN);
      expect(logged).not.toContain(TOKEN);
    } finally {
      await forgejo.close();
    }
  });

  it('gives up on a Forgejo that does not answer, at the configured deadline', async () => {
    const forgejo = await startFakeForgejo({ token: TOKEN, respond: 'hang' });
    try {
      workspace.setContent({ 'stacks/wiki/main.tf': '# wiki\n' });
      const started = Date.now();
      const { error } = await run(forgejo, { timeoutSeconds: 1 });
      expect(error?.name).toBe('TimeoutError');
      expect(Date.now() - started).toBeLessThan(10_000);
    } finally {
      await forgejo.close();
    }
  });

  it('refuses an unsafe branch name before pushing', async () => {
    const logger = mockServices.logger.mock();
    const action = createForgejoPullRequestAction({
      config: mockServices.rootConfig({
        data: {
          scaffolder: {
            infra: {
              forgejo: {
                baseUrl: 'http://127.0.0.1:9',
                owner: 'o',
                repo: 'r',
                token: TOKEN,
                gitUrl: repo.remote,
              },
            },
          },
        },
      }),
    });
    workspace.setContent({ 'stacks/wiki/main.tf': '# wiki\n' });
    await expect(
      action.handler(
        createMockActionContext({
          input: {
            title: 't',
            description: 'b',
            branchName: '--upload-pack=touch /tmp/x',
          },
          workspacePath: workspace.path,
          logger,
        }),
      ),
    ).rejects.toThrow(/branchName .* is not a safe branch name\. Fix: /);
    expect(repo.branches()).toEqual(['main']);
  });
});
