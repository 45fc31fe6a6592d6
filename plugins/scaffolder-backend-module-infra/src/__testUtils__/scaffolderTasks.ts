import path from 'node:path';
import type { Entity } from '@backstage/catalog-model';
import type { JsonObject, JsonValue } from '@backstage/types';
import { loadTemplate } from '../dryRun/dryRunTemplate';
import { ScaffolderBackend } from '../dryRun/startScaffolderBackend';

export const TEMPLATES_DIR = path.resolve(__dirname, '../../../../templates');

/** The repo's templates as catalog entities, for the mock catalog. */
export async function templateEntities(): Promise<Entity[]> {
  const out: Entity[] = [];
  for (const name of ['new-app', 'add-ingress']) {
    const t = (await loadTemplate(
      path.join(TEMPLATES_DIR, name),
    )) as unknown as Entity;
    out.push({ ...t, metadata: { ...t.metadata, namespace: 'default' } });
  }
  return out;
}

export interface FinishedTask {
  status: string;
  /** Every event message of the task, in order. */
  log: string[];
  output: JsonObject;
}

/**
 * Creates a task through `POST /api/scaffolder/v2/tasks`, as the portal's
 * frontend does, and waits until it completes or fails.
 */
export async function runTask(
  backend: ScaffolderBackend,
  templateRef: string,
  values: { [key: string]: JsonValue },
): Promise<FinishedTask> {
  const headers = {
    'content-type': 'application/json',
    authorization: backend.authorization,
  };
  const created = await fetch(`${backend.baseUrl}/api/scaffolder/v2/tasks`, {
    method: 'POST',
    headers,
    body: JSON.stringify({ templateRef, values }),
  });
  if (created.status !== 201)
    throw new Error(
      `Task creation answered ${created.status}: ${await created.text()}`,
    );
  const { id } = (await created.json()) as { id: string };
  const deadline = Date.now() + 60_000;
  for (;;) {
    const task = (await (
      await fetch(`${backend.baseUrl}/api/scaffolder/v2/tasks/${id}`, {
        headers,
      })
    ).json()) as {
      status: string;
    };
    if (
      task.status === 'completed' ||
      task.status === 'failed' ||
      task.status === 'cancelled'
    ) {
      const events = (await (
        await fetch(`${backend.baseUrl}/api/scaffolder/v2/tasks/${id}/events`, {
          headers,
        })
      ).json()) as Array<{
        type: string;
        body: { message?: string; output?: JsonObject };
      }>;
      return {
        status: task.status,
        log: events.map(e => e.body.message ?? '').filter(Boolean),
        output: events.find(e => e.type === 'completion')?.body.output ?? {},
      };
    }
    if (Date.now() > deadline)
      throw new Error(`Task ${id} still ${task.status} after 60 s`);
    await new Promise(r => setTimeout(r, 100));
  }
}
