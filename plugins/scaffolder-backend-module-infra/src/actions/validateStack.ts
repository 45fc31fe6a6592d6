import { InputError } from '@backstage/errors';
import { createTemplateAction } from '@backstage/plugin-scaffolder-node';
import {
  checkGeneratedStack,
  formatFinding,
} from '../conventions/checkGeneratedStack';
import { pullRequestBody } from '../publish/pullRequestBody';
import { readWorkspaceFiles } from '../workspace/readWorkspaceFiles';
import { examples } from './validateStack.examples';

/**
 * `infra:validate-stack`: parses every generated file under `stacks/` with
 * infra-node's HCL parser and runs the infra's convention checks on it (the
 * catalog's own code). Any finding stops the task with the file, line and
 * fix; otherwise the step outputs the pull request body.
 */
export function createValidateStackAction() {
  return createTemplateAction({
    id: 'infra:validate-stack',
    description:
      'Parses the generated Terraform and checks the infra conventions; a finding stops the task.',
    examples,
    supportsDryRun: true,
    schema: {
      input: {
        summary: z =>
          z
            .string({
              description:
                'First paragraph of the pull request body: what this change is.',
            })
            .max(500),
        reviewNotes: z =>
          z
            .array(z.string().max(1000), {
              description:
                'What the reviewer must read first (e.g. a carve-out that loosens a gated host), shown at the top of the pull request body.',
            })
            .max(20)
            .optional(),
        moreChecks: z =>
          z
            .array(z.string().max(500), {
              description:
                'Checks an earlier step passed (e.g. the module calls against the infra repo), listed in the pull request body.',
            })
            .max(10)
            .optional(),
      },
      output: {
        pullRequestBody: z =>
          z.string({
            description:
              'Markdown: generated files, auth tiers with justifications, checks passed.',
          }),
        checksPassed: z =>
          z.array(z.string(), { description: 'Convention checks that held.' }),
        files: z => z.array(z.string(), { description: 'The checked files.' }),
        generated: z =>
          z.array(z.object({ path: z.string(), content: z.string() }), {
            description:
              'The checked files with their content, for the result page when nothing is published (they hold Vault paths, never a secret).',
          }),
      },
    },
    async handler(ctx) {
      const files = await readWorkspaceFiles(ctx.workspacePath, 'stacks');
      if (files.length === 0) {
        throw new InputError(
          'There is nothing under stacks/ in the workspace to validate; run infra:render-stack or infra:render-ingress first.',
        );
      }
      const check = await checkGeneratedStack(files);
      // An info note says what could not be judged here (a namespace tier the
      // root terragrunt.hcl generates): it is shown, and does not stop the task.
      const broken = check.findings.filter(f => f.severity !== 'info');
      for (const note of check.findings.filter(f => f.severity === 'info'))
        ctx.logger.info(`Note: ${formatFinding(note)}`);
      if (broken.length > 0) {
        throw new InputError(
          `The generated stack breaks ${broken.length} infra convention${
            broken.length === 1 ? '' : 's'
          }; nothing was published:\n${broken
            .map(f => `- ${formatFinding(f)}`)
            .join('\n')}`,
        );
      }
      const paths = files.map(f => f.path);
      ctx.logger.info(
        `Checked ${paths.length} files: ${check.passed.length} conventions hold`,
      );
      ctx.output(
        'pullRequestBody',
        pullRequestBody({
          summary: ctx.input.summary,
          files: paths,
          check,
          moreChecks: ctx.input.moreChecks ?? [],
          reviewNotes: ctx.input.reviewNotes ?? [],
        }),
      );
      ctx.output('checksPassed', check.passed);
      ctx.output('files', paths);
      ctx.output(
        'generated',
        files.map(f => ({ path: f.path, content: f.content })),
      );
    },
  });
}
