import { Config } from '@backstage/config';
import { UrlReaderService } from '@backstage/backend-plugin-api';
import { InputError } from '@backstage/errors';
import { createTemplateAction } from '@backstage/plugin-scaffolder-node';
import {
  checkModuleCalls,
  formatModuleCallProblem,
} from '../conventions/checkModuleCalls';
import { readTargetRepo, readTargetRepoSource } from '../repo/readTargetRepo';
import { readWorkspaceFiles } from '../workspace/readWorkspaceFiles';
import { examples } from './checkModuleCalls.examples';

/**
 * `infra:check-module-calls`: reads every module the generated files call
 * from the target infra repo (the reader `infra:refuse-existing` uses) and
 * stops the task when an argument is not a variable, a required variable is
 * not set, or a value is of the wrong kind; so `terraform plan` does not
 * fail only after the pull request was opened and reviewed.
 */
export function createCheckModuleCallsAction(options: {
  config: Config;
  reader: UrlReaderService;
}) {
  return createTemplateAction({
    id: 'infra:check-module-calls',
    description:
      'Checks the generated module calls against the modules of the target infra repo; a mismatch stops the task.',
    examples,
    supportsDryRun: true,
    schema: {
      output: {
        summary: z =>
          z.string({
            description:
              'One line for the pull request body: how many calls and arguments matched which modules.',
          }),
      },
    },
    async handler(ctx) {
      const source = readTargetRepoSource(options.config);
      if (!source) {
        // Fail closed: without the repo the signatures are guesses.
        throw new InputError(
          'scaffolder.infra.repo is not configured, so the portal cannot check the generated module calls against the infra repo. Ask the portal admin to set scaffolder.infra.repo.localPath or .url.',
        );
      }
      const generated = await readWorkspaceFiles(ctx.workspacePath, 'stacks');
      const target = await readTargetRepo(source, options.reader);
      const check = checkModuleCalls(generated, target);
      if (check.problems.length > 0) {
        throw new InputError(
          `${check.problems.length} generated module argument${
            check.problems.length === 1 ? '' : 's'
          } do${
            check.problems.length === 1 ? 'es' : ''
          } not match the module in the infra repo; nothing was published:\n${check.problems
            .map(p => `- ${formatModuleCallProblem(p)}`)
            .join('\n')}`,
        );
      }
      for (const m of check.notChecked)
        ctx.logger.info(
          `Note: ${m} has a registry or git source; its arguments were not checked.`,
        );
      const summary =
        check.callsChecked === 0
          ? 'No module call to check against the infra repo.'
          : `Every module call (${check.callsChecked}, ${
              check.argumentsChecked
            } arguments) matches the variables of its module in the infra repo (${check.modules.join(
              ', ',
            )})`;
      ctx.logger.info(summary);
      ctx.output('summary', summary);
    },
  });
}
