import { createTemplateAction } from '@backstage/plugin-scaffolder-node';
import { renderAddIngress } from '../render/renderAddIngress';
import { validateAddIngress } from '../spec/validateAddIngress';
import type { NamespaceCheckOptions } from '../permissions/namespaceCheck';
import { writeNewFiles } from '../workspace/writeNewFiles';
import { jsonValuesSchema } from './jsonValues';
import { examples } from './renderIngress.examples';

/**
 * `infra:render-ingress`: writes one new file with one more
 * `ingress_factory` call for an existing stack. Existing files are never
 * rewritten; the values are validated again before writing.
 */
export function createRenderIngressAction(options: NamespaceCheckOptions = {}) {
  return createTemplateAction({
    id: 'infra:render-ingress',
    description:
      'Generates a new file with one ingress_factory call (a carve-out or a second host) for an existing stack.',
    examples,
    supportsDryRun: true,
    schema: {
      input: {
        values: z => jsonValuesSchema(z),
      },
      output: {
        stack: z =>
          z.string({ description: 'The stack folder under stacks/.' }),
        files: z =>
          z.array(z.string(), {
            description: 'Workspace-relative paths of the written files.',
          }),
      },
    },
    async handler(ctx) {
      const spec = validateAddIngress(ctx.input.values);
      await options.namespaceAccess?.assertMayScaffoldInto(
        spec.namespace,
        await ctx.getInitiatorCredentials(),
      );
      const written = await writeNewFiles(
        ctx.workspacePath,
        renderAddIngress(spec),
      );
      ctx.logger.info(`Wrote ${written.join(', ')}`);
      ctx.output('stack', spec.stack);
      ctx.output('files', written);
    },
  });
}
