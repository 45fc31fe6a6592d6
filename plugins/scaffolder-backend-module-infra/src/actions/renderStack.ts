import { createTemplateAction } from '@backstage/plugin-scaffolder-node';
import { renderNewApp } from '../render/renderNewApp';
import { validateNewApp } from '../spec/validateNewApp';
import { writeNewFiles } from '../workspace/writeNewFiles';
import { jsonValuesSchema } from './jsonValues';
import { examples } from './renderStack.examples';
import type { NamespaceCheckOptions } from '../permissions/namespaceCheck';

/**
 * `infra:render-stack`: writes `stacks/<name>/` (Terraform, catalog-info,
 * TechDocs) into the workspace. Validates the values again before writing
 * (the step can be used without `infra:validate-input`), renders every
 * value through the HCL escaping, and never overwrites a file.
 */
export function createRenderStackAction(options: NamespaceCheckOptions = {}) {
  return createTemplateAction({
    id: 'infra:render-stack',
    description:
      'Generates a new Terraform stack under stacks/<name>/ following the infra conventions.',
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
      const spec = validateNewApp(ctx.input.values);
      await options.namespaceAccess?.assertMayScaffoldInto(
        spec.namespace,
        await ctx.getInitiatorCredentials(),
      );
      const files = renderNewApp(spec);
      const written = await writeNewFiles(ctx.workspacePath, files);
      const dir = `stacks/${spec.name}/`;
      ctx.logger.info(
        `Wrote ${written.length} files under ${dir}: ${written
          .map(f => f.slice(dir.length))
          .join(', ')}`,
      );
      ctx.output('stack', spec.name);
      ctx.output('files', written);
    },
  });
}
