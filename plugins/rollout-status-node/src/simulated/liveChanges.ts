import { readFile } from 'node:fs/promises';
import { InputError } from '@backstage/errors';
import { parse as parseYaml } from 'yaml';
import { z } from 'zod';

const change = z.object({
  namespace: z.string().min(1),
  /** The Deployment (or the Deployment a Helm release renders). */
  deployment: z.string().min(1),
  container: z.string().min(1),
  /** The container field written live, as Kubernetes names it. */
  field: z.enum(['image', 'livenessProbe', 'readinessProbe', 'startupProbe']),
  /** The new value: an image reference, or a probe object as the API has it. */
  value: z.union([z.string(), z.record(z.string(), z.unknown())]),
  /** The field manager the API server records (`kubectl-patch`, `keel`, ...). */
  manager: z.string().min(1),
  minutesAgo: z.number().nonnegative(),
  /** Why the change is in the recording (shown nowhere; for the reader of the file). */
  note: z.string().optional(),
});

const file = z.object({
  /** Labels the live namespaces carry beyond what the Terraform writes (e.g. `keel.sh/enrolled`). */
  namespaceLabels: z
    .record(z.string(), z.record(z.string(), z.string()))
    .default({}),
  changes: z.array(change).default([]),
});

/** Changes made on the live cluster that the Terraform does not have. */
export type LiveChanges = z.infer<typeof file>;
export type LiveChange = z.infer<typeof change>;

/** Reads and validates a live-changes file; errors name the file and the field. */
export async function readLiveChanges(path: string): Promise<LiveChanges> {
  let text: string;
  try {
    text = await readFile(path, 'utf8');
  } catch (error) {
    throw new InputError(
      `rolloutStatus.simulatedCluster.liveChanges: cannot read ${path} (${
        (error as Error).message
      }); point it at a live-changes YAML file or leave it out`,
    );
  }
  const parsed = file.safeParse(parseYaml(text) ?? {});
  if (!parsed.success) {
    throw new InputError(
      `${path}: ${parsed.error.issues
        .map(i => `${i.path.join('.')}: ${i.message}`)
        .join('; ')}`,
    );
  }
  return parsed.data;
}
