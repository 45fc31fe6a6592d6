import path from 'node:path';
import { Config } from '@backstage/config';
import { InputError } from '@backstage/errors';
import { createTemplateAction } from '@backstage/plugin-scaffolder-node';
import {
  createForgejoPullRequest,
  readForgejoSettings,
} from '../publish/forgejoClient';
import { pushBranchWithFiles } from '../publish/pushBranch';
import { readWorkspaceFiles } from '../workspace/readWorkspaceFiles';
import { examples } from './forgejoPullRequest.examples';

const BRANCH = /^(?!-)(?!.*\.\.)(?!.*\/\/)[A-Za-z0-9._/-]{1,100}(?<![./])$/;

/**
 * `infra:forgejo-pull-request`: pushes the workspace files on a new branch
 * of the infra repo and opens a pull request through Forgejo's API. Host,
 * repo and token come from `scaffolder.infra.forgejo`; every git command
 * and API call has a deadline. Each side effect runs in a checkpoint, so a
 * retried task does not push or open the pull request twice.
 */
export function createForgejoPullRequestAction(options: { config: Config }) {
  return createTemplateAction({
    id: 'infra:forgejo-pull-request',
    description:
      'Pushes the generated files on a branch and opens a Forgejo pull request.',
    examples,
    schema: {
      input: {
        title: z =>
          z.string({ description: 'Pull request title.' }).min(1).max(200),
        description: z =>
          z.string({ description: 'Pull request body (Markdown).' }).max(60000),
        branchName: z =>
          z.string({
            description: 'Branch to push, e.g. portal/new-app-wiki.',
          }),
        commitMessage: z =>
          z
            .string({ description: 'Commit message; defaults to the title.' })
            .max(2000)
            .optional(),
      },
      output: {
        pullRequestUrl: z =>
          z.string({ description: 'Web URL of the pull request.' }),
        pullRequestNumber: z =>
          z.number({ description: 'Number of the pull request.' }),
        commitHash: z => z.string({ description: 'The pushed commit.' }),
      },
    },
    async handler(ctx) {
      const settings = readForgejoSettings(options.config);
      if (!settings) {
        throw new InputError(
          'scaffolder.infra.forgejo is not configured; ask the portal admin to set it or to use the GitHub publisher.',
        );
      }
      const { branchName, title, description } = ctx.input;
      if (!BRANCH.test(branchName)) {
        throw new InputError(
          `branchName ${JSON.stringify(
            branchName,
          )} is not a safe branch name. Fix: use letters, digits, ".", "_", "-" and "/", e.g. "portal/new-app-wiki".`,
        );
      }
      const files = await readWorkspaceFiles(ctx.workspacePath);
      if (files.length === 0)
        throw new InputError('The workspace is empty: nothing to publish.');
      const auth = /^https?:/.test(settings.gitUrl)
        ? { username: settings.username, token: settings.token }
        : undefined;

      const { commit } = await ctx.checkpoint({
        key: `forgejo-push-${branchName}`,
        fn: async () => {
          const checkoutDir = path.join(
            await ctx.createTemporaryDirectory(),
            'infra-checkout',
          );
          return pushBranchWithFiles({
            gitUrl: settings.gitUrl,
            baseBranch: settings.baseBranch,
            branch: branchName,
            files,
            commitMessage: ctx.input.commitMessage ?? title,
            checkoutDir,
            timeoutMs: settings.timeoutMs,
            auth,
            signal: ctx.signal,
          });
        },
      });
      ctx.logger.info(
        `Pushed ${files.length} files on ${branchName} (${commit})`,
      );

      const pr = await ctx.checkpoint({
        key: `forgejo-pr-${branchName}`,
        fn: async () => {
          const created = await createForgejoPullRequest(
            settings,
            { head: branchName, title, body: description },
            ctx.signal,
          );
          return { number: created.number, url: created.url };
        },
      });
      ctx.logger.info(`Opened pull request #${pr.number}: ${pr.url}`);
      ctx.output('pullRequestUrl', pr.url);
      ctx.output('pullRequestNumber', pr.number);
      ctx.output('commitHash', commit);
    },
  });
}
