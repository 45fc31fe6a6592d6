import { createTemplateAction } from '@backstage/plugin-scaffolder-node';
import {
  addIngressPullRequest,
  newAppPullRequest,
} from '@internal/backstage-plugin-infra-common';
import { validateAddIngress } from '../spec/validateAddIngress';
import { validateNewApp } from '../spec/validateNewApp';
import { jsonValuesSchema } from './jsonValues';
import { examples } from './validateInput.examples';
import type { NamespaceCheckOptions } from '../permissions/namespaceCheck';

/**
 * `infra:validate-input`: the first step of both templates. Checks every
 * parameter against the infra's rules (names, reserved namespaces, image
 * tags, quantities, auth tier and justification, Anubis, paths, Vault
 * references) and stops the task with one message listing each bad field
 * and its fix, before any file is written or branch pushed.
 */
export function createValidateInputAction(options: NamespaceCheckOptions = {}) {
  return createTemplateAction({
    id: 'infra:validate-input',
    description:
      'Checks new-app or add-ingress parameters against the infra rules; refuses with the field and the fix.',
    examples,
    supportsDryRun: true,
    schema: {
      input: {
        kind: z =>
          z.enum(['new-app', 'add-ingress'], {
            description: 'Which template the values are for.',
          }),
        values: z => jsonValuesSchema(z),
      },
      output: {
        stack: z =>
          z.string({ description: 'The stack folder under stacks/.' }),
        authTier: z =>
          z.string({
            description:
              'The auth tier of the (main) ingress, or "" without one.',
          }),
        pullRequestTitle: z =>
          z.string({
            description:
              'The pull request title, as the wizard review shows it.',
          }),
        branchName: z =>
          z.string({
            description:
              'The pull request branch, as the wizard review shows it.',
          }),
      },
    },
    async handler(ctx) {
      if (ctx.input.kind === 'new-app') {
        const spec = validateNewApp(ctx.input.values);
        await options.namespaceAccess?.assertMayScaffoldInto(
          spec.namespace,
          await ctx.getInitiatorCredentials(),
        );
        ctx.output('stack', spec.name);
        ctx.output('authTier', spec.ingress?.auth.tier ?? '');
        const pr = newAppPullRequest(spec.name);
        ctx.output('pullRequestTitle', pr.title);
        ctx.output('branchName', pr.branch);
      } else {
        const spec = validateAddIngress(ctx.input.values);
        await options.namespaceAccess?.assertMayScaffoldInto(
          spec.namespace,
          await ctx.getInitiatorCredentials(),
        );
        ctx.output('stack', spec.stack);
        ctx.output('authTier', spec.auth.tier);
        const pr = addIngressPullRequest(spec.stack, spec.ingressName);
        ctx.output('pullRequestTitle', pr.title);
        ctx.output('branchName', pr.branch);
      }
      ctx.logger.info(`Input for ${ctx.input.kind} passed every rule`);
    },
  });
}
