import { Config } from '@backstage/config';
import { InputError } from '@backstage/errors';
import { createTemplateAction } from '@backstage/plugin-scaffolder-node';
import { readPublisher } from '../publish/publisherSettings';
import { examples } from './publishTarget.examples';

/**
 * `infra:publish-target`: tells a template which pull request step to run
 * (Forgejo or GitHub), from config, so the same template works on either.
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
          z.enum(['forgejo', 'github'], {
            description: 'Which pull request step to run.',
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
      const publisher = readPublisher(options.config);
      if (!publisher) {
        throw new InputError(
          'No publisher is configured: ask the portal admin to set scaffolder.infra.forgejo or scaffolder.infra.github.',
        );
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
