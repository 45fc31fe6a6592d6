import { Config } from '@backstage/config';
import { createTemplateAction } from '@backstage/plugin-scaffolder-node';
import { Publisher, readPublisher } from '../publish/publisherSettings';
import { examples } from './publishTarget.examples';

/** What the result page says when no forge is configured: to the user, then to the admin. */
export const NOT_PUBLISHED = {
  reason:
    'Not published: the portal has no forge (Forgejo or GitHub) to open the pull request on. The stack was generated and passed every check; the files and the pull request text are below.',
  whatToDo:
    'Ask the portal admins to connect the infra repo, then run the wizard again; or open the pull request yourself with these files and this text.',
  adminSetting:
    'For the admin: set scaffolder.infra.forgejo (baseUrl, owner, repo, token) or scaffolder.infra.github (repoUrl) in app-config; see the Scaffolder page of the portal docs, Publishing.',
};

/**
 * `infra:publish-target`: tells a template which pull request step to run
 * (Forgejo or GitHub), from config, so the same template works on either.
 * With neither configured it says `none`: the template skips the pull
 * request steps and the task ends as "not published", not as a failure,
 * because everything the portal can check was checked.
 */
export function createPublishTargetAction(options: { config: Config }) {
  return createTemplateAction({
    id: 'infra:publish-target',
    description:
      'Outputs the configured publisher (forgejo or github) and, for GitHub, the repo URL.',
    examples,
    supportsDryRun: true,
    schema: {
      output: {
        publisher: z =>
          z.enum(['forgejo', 'github', 'none'], {
            description:
              'Which pull request step to run; none when no forge is configured.',
          }),
        repoUrl: z =>
          z.string({
            description:
              'For GitHub: the repoUrl for publish:github:pull-request.',
          }),
        targetBranchName: z =>
          z.string({ description: 'For GitHub: the base branch.' }),
      },
    },
    async handler(ctx) {
      const publisher = usablePublisher(options.config);
      if (!publisher) {
        ctx.logger.info(NOT_PUBLISHED.reason);
        ctx.logger.info(NOT_PUBLISHED.whatToDo);
        ctx.output('publisher', 'none');
        ctx.output('repoUrl', '');
        ctx.output('targetBranchName', '');
        return;
      }
      ctx.output('publisher', publisher);
      ctx.output(
        'repoUrl',
        options.config.getOptionalString('scaffolder.infra.github.repoUrl') ??
          '',
      );
      ctx.output(
        'targetBranchName',
        options.config.getOptionalString(
          'scaffolder.infra.github.baseBranch',
        ) ?? 'main',
      );
    },
  });
}

// What readForgejoSettings requires; a missing one would throw there.
const FORGEJO_KEYS = ['baseUrl', 'owner', 'repo', 'token'];

/**
 * The configured publisher when it can open a pull request: a Forgejo block
 * whose base URL or token is unset (as the bundled app-config has it until
 * FORGEJO_BASE_URL and FORGEJO_PORTAL_TOKEN are set) is no forge.
 */
function usablePublisher(config: Config): Publisher | undefined {
  const publisher = readPublisher(config);
  if (publisher === 'forgejo')
    return FORGEJO_KEYS.every(k => config.has(`scaffolder.infra.forgejo.${k}`))
      ? publisher
      : undefined;
  if (publisher === 'github')
    return config.has('scaffolder.infra.github.repoUrl')
      ? publisher
      : undefined;
  return undefined;
}
