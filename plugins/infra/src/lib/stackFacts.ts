import { describeSkipReason } from '@internal/backstage-plugin-infra-common';
import { LinkFacts, readLink } from './details';
import { parseText } from './readValue';

const asObject = (value: unknown): Record<string, unknown> | undefined =>
  typeof value === 'object' && value !== null && !Array.isArray(value)
    ? (value as Record<string, unknown>)
    : undefined;

export interface SkippedFileFacts {
  file: string;
  /** `encrypted, not read`, ... */
  why: string;
}

export function readSkippedFiles(raw: unknown): SkippedFileFacts[] {
  if (!Array.isArray(raw)) return [];
  return raw.flatMap(item => {
    const o = asObject(item);
    const file = parseText(o?.file);
    const reason = parseText(o?.reason) ?? 'unknown';
    return file ? [{ file, why: describeSkipReason(reason) }] : [];
  });
}

export interface StackDependencyFacts {
  name: string;
  configPath: string;
  stack?: string;
  target?: LinkFacts;
}

export function readStackDependencies(raw: unknown): StackDependencyFacts[] {
  if (!Array.isArray(raw)) return [];
  return raw.flatMap(item => {
    const o = asObject(item);
    const name = parseText(o?.name);
    const configPath = parseText(o?.configPath);
    return name && configPath
      ? [
          {
            name,
            configPath,
            stack: parseText(o?.stack),
            target: readLink(o?.target),
          },
        ]
      : [];
  });
}
