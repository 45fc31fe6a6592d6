import { CORE_SCHEMA, load, loadAll } from 'js-yaml';

/** A line that starts a YAML document (`---`, alone or before content). */
const DOCUMENT_START = /^---(?=[ \t]|$)/;

/**
 * The documents of a YAML stream as plain data (YAML 1.2 core schema, as
 * Kubernetes reads manifests); a document that is not valid YAML is left
 * out and the others are kept. One pass over the stream when it is all
 * valid, one per document when it is not.
 */
export function readYamlDocuments(text: string): unknown[] {
  try {
    return loadAll(text, undefined, { schema: CORE_SCHEMA });
  } catch {
    const docs: unknown[] = [];
    for (const doc of splitDocuments(text)) {
      const value = readYaml(doc);
      if (value !== undefined) docs.push(value);
    }
    return docs;
  }
}

/** One YAML document as plain data; undefined when it is not valid YAML or not one document. */
export function readYaml(text: string): unknown {
  try {
    return load(text, { schema: CORE_SCHEMA }) ?? undefined;
  } catch {
    return undefined;
  }
}

function splitDocuments(text: string): string[] {
  const docs: string[][] = [[]];
  for (const line of text.split('\n')) {
    if (DOCUMENT_START.test(line)) docs.push([line.slice(3)]);
    else docs[docs.length - 1].push(line);
  }
  return docs.map(lines => lines.join('\n'));
}
