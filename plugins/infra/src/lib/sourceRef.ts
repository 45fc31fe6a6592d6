import { parseText } from './readValue';

/** Where something is written (`SourceRef` in infra-common), read defensively. */
export interface SourceRefFacts {
  file: string;
  line?: number;
  url?: string;
}

export function readSourceRef(raw: unknown): SourceRefFacts | undefined {
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw))
    return undefined;
  const o = raw as Record<string, unknown>;
  const file = parseText(o.file);
  if (!file) return undefined;
  return {
    file,
    line: typeof o.line === 'number' ? o.line : undefined,
    url: parseText(o.url),
  };
}
