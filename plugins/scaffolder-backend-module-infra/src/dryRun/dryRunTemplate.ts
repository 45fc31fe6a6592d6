import fs from 'node:fs/promises';
import path from 'node:path';
import type { JsonObject, JsonValue } from '@backstage/types';
import { parse } from 'yaml';
import { SchemaError, schemaErrorsInWords } from '../spec/schemaErrors';
import { ScaffolderBackend } from './startScaffolderBackend';

/** One file the dry run produced. */
export interface DryRunFile {
  path: string;
  content: Buffer;
}

export interface DryRunResult {
  files: DryRunFile[];
  output: JsonObject;
  /** The task log, one message per line. */
  log: string[];
}

/** Thrown when a step of the template failed; `message` is the step's error. */
export class DryRunStepError extends Error {
  constructor(message: string, readonly log: string[]) {
    super(message);
    this.name = 'DryRunStepError';
  }
}

export async function loadTemplate(templateDir: string): Promise<JsonObject> {
  const text = await fs.readFile(
    path.join(templateDir, 'template.yaml'),
    'utf8',
  );
  return parse(text) as JsonObject;
}

interface DryRunResponse {
  log: Array<{ body: { message?: string; status?: string; stepId?: string } }>;
  directoryContents: Array<{ path: string; base64Content: string }>;
  output: JsonObject;
}

/**
 * `POST /api/scaffolder/v2/dry-run` with the template and values: the
 * scaffolder runs every step that supports dry runs in a scratch workspace
 * and returns the files. A failed step becomes a {@link DryRunStepError}.
 */
export async function dryRunTemplate(
  backend: ScaffolderBackend,
  template: JsonObject,
  values: { [key: string]: JsonValue },
): Promise<DryRunResult> {
  const res = await fetch(`${backend.baseUrl}/api/scaffolder/v2/dry-run`, {
    method: 'POST',
    headers: {
      'content-type': 'application/json',
      authorization: backend.authorization,
    },
    body: JSON.stringify({ template, values, directoryContents: [] }),
    signal: AbortSignal.timeout(60_000),
  });
  if (!res.ok) {
    // A failing step comes back as the error's status (an action's
    // InputError is a 400, ConflictError a 409) with Backstage's error body;
    // values that break the parameters' JSON schema as a 400 with `errors`.
    const text = await res.text();
    let body: {
      errors?: SchemaError[];
      error?: { name?: string; message?: string };
    } = {};
    try {
      body = JSON.parse(text);
    } catch {
      throw new Error(
        `The dry run answered ${res.status} ${res.statusText}: ${text.slice(
          0,
          500,
        )}`,
      );
    }
    if (body.errors) {
      throw new DryRunStepError(schemaErrorsInWords(template, body.errors), []);
    }
    if (body.error?.message) throw new DryRunStepError(body.error.message, []);
    throw new Error(`The dry run answered ${res.status} ${res.statusText}`);
  }
  const body = (await res.json()) as DryRunResponse;
  const log = body.log.map(l => l.body.message ?? '').filter(Boolean);
  const failed = body.log.find(l => l.body.status === 'failed');
  if (failed) {
    throw new DryRunStepError(
      failed.body.message ?? `Step ${failed.body.stepId ?? '?'} failed`,
      log,
    );
  }
  return {
    files: body.directoryContents.map(f => ({
      path: f.path,
      content: Buffer.from(f.base64Content, 'base64'),
    })),
    output: body.output,
    log,
  };
}
