import { buildInfraModel } from '../model/buildInfraModel';
import { InfraModel, StackModel } from '../model/types';

/** The model of a repo written inline: paths to file contents. */
export async function modelOf(
  files: Record<string, string>,
): Promise<InfraModel> {
  return buildInfraModel(
    Object.entries(files).map(([path, content]) => ({ path, content })),
  );
}

export function stackOf(model: InfraModel, name: string): StackModel {
  const s = model.stacks.find(x => x.name === name);
  if (!s)
    throw new Error(
      `no stack ${name} in ${model.stacks.map(x => x.name).join(', ')}`,
    );
  return s;
}
