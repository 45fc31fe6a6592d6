import { Config } from '@backstage/config';
import { UrlReaderService } from '@backstage/backend-plugin-api';
import { ConflictError, InputError } from '@backstage/errors';
import { createTemplateAction } from '@backstage/plugin-scaffolder-node';
import {
  buildInfraModel,
  InfraModel,
} from '@internal/backstage-plugin-infra-node';
import { addIngressLabel, addIngressPath } from '../render/renderAddIngress';
import { readTargetRepo, readTargetRepoSource } from '../repo/readTargetRepo';
import { looseningNote, loosens } from '../spec/loosening';
import { Problems } from '../spec/problems';
import { validateAddIngress } from '../spec/validateAddIngress';
import { validateNewApp } from '../spec/validateNewApp';
import { jsonValuesSchema } from './jsonValues';
import { examples } from './refuseExisting.examples';

/**
 * `infra:refuse-existing`: reads the target infra repo (a local checkout or
 * through the `UrlReaderService`) and refuses a new stack whose folder
 * exists, a host another ingress already serves, or an add-ingress whose
 * stack is missing or whose file or module name is taken.
 */
export function createRefuseExistingAction(options: {
  config: Config;
  reader: UrlReaderService;
}) {
  return createTemplateAction({
    id: 'infra:refuse-existing',
    description:
      'Refuses a stack name or ingress host that already exists in the target infra repo.',
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
        reviewNotes: z =>
          z.array(z.string(), {
            description:
              'What a reviewer must read first: each carve-out that loosens the auth tier of its host.',
          }),
      },
    },
    async handler(ctx) {
      const source = readTargetRepoSource(options.config);
      if (!source) {
        // Fail closed: without the repo there is no way to know the name is free.
        throw new InputError(
          'scaffolder.infra.repo is not configured, so the portal cannot check that the stack and host are free. Ask the portal admin to set scaffolder.infra.repo.localPath or .url.',
        );
      }
      const model = await buildInfraModel(
        await readTargetRepo(source, options.reader),
      );
      const p = new Problems();
      const notes: string[] = [];
      if (ctx.input.kind === 'new-app') {
        const spec = validateNewApp(ctx.input.values);
        if (model.stacks.some(s => s.name === spec.name)) {
          p.add(
            'name',
            `A stack named "${spec.name}" already exists at stacks/${spec.name}/.`,
            'Pick another name, or add an ingress to that stack with the add-ingress template.',
          );
        }
        if (spec.ingress) {
          checkHostFree(p, model, spec.ingress.subdomain);
          const main = spec.ingress;
          for (const c of main.carveOuts) {
            if (loosens(main.auth.tier, c.auth.tier))
              notes.push(
                looseningNote({
                  paths: [c.path],
                  host: main.subdomain,
                  from: main.auth.tier,
                  to: c.auth.tier,
                  hostIngress: 'module.ingress',
                }),
              );
          }
        }
      } else {
        const spec = validateAddIngress(ctx.input.values);
        const stack = model.stacks.find(s => s.name === spec.stack);
        if (!stack) {
          throw new InputError(
            `The add-ingress request was refused; nothing was written:\n- stack: There is no stacks/${spec.stack}/ in the infra repo. Fix: Pick an existing stack, or create it with the new-app template.`,
          );
        }
        if (
          stack.namespaces.length > 0 &&
          !stack.namespaces.includes(spec.namespace)
        ) {
          p.add(
            'namespace',
            `stacks/${spec.stack}/ deploys to ${stack.namespaces.join(
              ', ',
            )}, not "${spec.namespace}".`,
            `Use the namespace of the service the ingress sends traffic to (${stack.namespaces.join(
              ' or ',
            )}).`,
          );
        }
        const file = addIngressPath(spec);
        if (stack.files.includes(file)) {
          p.add(
            'ingressName',
            `${file} already exists.`,
            'Pick another ingress name.',
          );
        }
        const label = addIngressLabel(spec);
        if (stack.ingresses.some(i => i.moduleName === label)) {
          p.add(
            'ingressName',
            `The stack already has a module "${label}".`,
            'Pick another ingress name.',
          );
        }
        if (spec.paths.length === 0) {
          checkHostFree(p, model, spec.subdomain);
        } else {
          for (const i of ingressesOnHost(model, spec.subdomain)) {
            const wholeHost = !Array.isArray(i.paths) || i.paths.includes('/');
            if (
              wholeHost &&
              typeof i.authTier === 'string' &&
              loosens(i.authTier, spec.auth.tier)
            ) {
              notes.push(
                looseningNote({
                  paths: spec.paths,
                  host: String(i.host),
                  from: i.authTier,
                  to: spec.auth.tier,
                  hostIngress: `module.${i.moduleName} in ${i.source.file}`,
                }),
              );
            }
            const taken = Array.isArray(i.paths)
              ? spec.paths.filter(x => (i.paths as string[]).includes(x))
              : [];
            if (taken.length > 0) {
              p.add(
                'paths',
                `module.${i.moduleName} in ${
                  i.source.file
                } already routes ${taken.join(', ')} on ${spec.subdomain}.`,
                'Change that ingress instead, or carve out another path.',
              );
            }
          }
        }
      }
      p.throwIfAny(`The ${ctx.input.kind} request`, ConflictError);
      for (const n of notes) ctx.logger.warn(`Review note: ${n}`);
      ctx.output('reviewNotes', notes);
      ctx.logger.info('The stack name and host are free in the target repo');
    },
  });
}

function ingressesOnHost(model: InfraModel, subdomain: string) {
  return model.stacks
    .flatMap(s => s.ingresses)
    .filter(
      i => typeof i.host === 'string' && i.host.split('.')[0] === subdomain,
    );
}

function checkHostFree(p: Problems, model: InfraModel, subdomain: string) {
  const clash = ingressesOnHost(model, subdomain)[0];
  if (clash) {
    p.add(
      'subdomain',
      `The host ${String(clash.host)} is already served by module.${
        clash.moduleName
      } in ${clash.source.file}.`,
      'Pick another subdomain, or add a path carve-out to that stack with the add-ingress template.',
    );
  }
}
