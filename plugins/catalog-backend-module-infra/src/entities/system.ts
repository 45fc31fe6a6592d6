import {
  ANNOTATION_EDIT_URL,
  ANNOTATION_SOURCE_LOCATION,
  Entity,
} from '@backstage/catalog-model';
import {
  describeSkipReason,
  StackDependencyDetails,
  SystemDetails,
} from '@internal/backstage-plugin-infra-common';
import { SkippedFile, StackModel } from '@internal/backstage-plugin-infra-node';
import { EntityContext } from './context';
import { infraEntity } from './metadata';

function describeSkipped(files: SkippedFile[]): string {
  if (!files.length) return '';
  const counts = new Map<string, number>();
  for (const f of files) counts.set(f.reason, (counts.get(f.reason) ?? 0) + 1);
  const parts = [...counts].map(
    ([reason, n]) =>
      `${n} ${n === 1 ? 'file' : 'files'} ${describeSkipReason(reason)}`,
  );
  return ` ${parts.join('; ')}.`;
}

function dependencyDetails(
  ctx: EntityContext,
  stack: StackModel,
): StackDependencyDetails[] {
  return stack.dependencies.map(d => {
    const target = d.stack ? ctx.refs.system(d.stack) : undefined;
    const out: StackDependencyDetails = {
      name: d.name,
      configPath: d.configPath,
      source: ctx.src(d.source),
    };
    if (d.stack) out.stack = d.stack;
    if (target) out.target = { ref: target.ref, name: target.display };
    return out;
  });
}

/**
 * A System per stack: its files, namespaces, the files not read (listed as
 * such, never as parse errors) and `dependsOn` the stacks whose outputs its
 * Terragrunt `dependency` blocks read. Stack-level findings (parse errors)
 * land here.
 */
export function systemEntity(ctx: EntityContext, stack: StackModel): Entity {
  const system = ctx.refs.system(stack.name)!;
  const dependencies = dependencyDetails(ctx, stack);
  const dependsOn = [
    ...new Set(
      dependencies
        .map(d => d.target?.ref)
        .filter((r): r is string => !!r && r !== system.ref),
    ),
  ];
  const details: SystemDetails = {
    kind: 'system',
    stack: stack.name,
    source: {
      file: stack.dir,
      line: 1,
      url: ctx.links.webUrl(`${stack.dir}/`),
    },
    files: stack.files,
    namespaces: stack.namespaces,
    hasParseErrors: stack.parseErrors.length > 0,
    skippedFiles: stack.skippedFiles.map(f => ({
      file: f.file,
      reason: f.reason,
      message: f.message,
    })),
    dependencies,
  };
  const entity = infraEntity(ctx, {
    kind: 'System',
    name: system.name,
    stack: stack.name,
    source: { file: stack.dir, line: 1 },
    details,
    findingsOf: `stack:${stack.name}`,
    title: stack.name,
    description: `Terraform stack ${stack.dir}${
      stack.parseErrors.length ? ' (has parse errors: see findings)' : ''
    }.${describeSkipped(stack.skippedFiles)}`,
    tags: ['infra-stack'],
    spec: {
      owner: ctx.ownerOf(stack.name),
      // Not read by the stock processors; SystemDependenciesProcessor
      // turns it into dependsOn / dependencyOf relations.
      ...(dependsOn.length ? { dependsOn } : {}),
    },
  });
  // A folder: its source location ends in `/`, and there is no line to edit.
  const annotations = entity.metadata.annotations!;
  annotations[ANNOTATION_SOURCE_LOCATION] = ctx.links.sourceLocation(
    `${stack.dir}/`,
  );
  delete annotations[ANNOTATION_EDIT_URL];
  return entity;
}
