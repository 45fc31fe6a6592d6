import { Expr, HclBlock } from '../hcl/types';
import { asRecord, HclValue } from '../hcl/values';
import { renderPartial } from '../eval/evaluate';
import { attr } from '../model/blocks';
import { ResourceSite } from './walk';
import { readYamlDocuments } from './yamlDocuments';

/** Commands a block runs: `local-exec` provisioners, container `command` / `args`. */
export function commandExprs(block: HclBlock): Expr[] {
  const out: Expr[] = [];
  for (const p of block.blocks.filter(b => b.type === 'provisioner')) {
    const c = attr(p, 'command');
    if (c) out.push(c.expr);
  }
  const visit = (b: HclBlock) => {
    if (b.type === 'container' || b.type === 'init_container') {
      for (const k of ['command', 'args']) {
        const a = attr(b, k);
        if (!a) continue;
        if (a.expr.kind === 'tuple') out.push(...a.expr.items);
        else out.push(a.expr);
      }
    }
    for (const c of b.blocks) visit(c);
  };
  for (const c of block.blocks) if (c.type !== 'provisioner') visit(c);
  return out;
}

/**
 * A command as text, static parts filled in and unknown parts as NUL
 * characters, and as written (where an unknown part's expression still shows).
 */
export interface CommandText {
  text: string;
  raw: string;
}

/** Each command a site runs (see {@link CommandText}). */
export function commands(site: ResourceSite): CommandText[] {
  return commandExprs(site.block).flatMap(e => {
    const text = renderPartial(e, site.scope);
    return text ? [{ text, raw: e.raw }] : [];
  });
}

/** What `renderPartial` puts where a value is unknown. */
const UNKNOWN_PART = String.fromCharCode(0);

const API_VERSION = /^(\s*)apiVersion:\s*\S+\s*$/;

/**
 * Kubernetes objects a command applies from inline YAML (`kubectl apply -f -
 * <<EOF ... EOF`): each run of lines from an `apiVersion:` line while the
 * indentation holds, read as YAML documents. Text that is not YAML is skipped.
 */
export function manifestsInCommand(
  text: string,
): Array<Record<string, HclValue>> {
  const lines = text.split('\n');
  const out: Array<Record<string, HclValue>> = [];
  for (let i = 0; i < lines.length; i++) {
    const m = API_VERSION.exec(lines[i]);
    if (!m) continue;
    const indent = m[1].length;
    const body: string[] = [];
    let j = i;
    for (; j < lines.length; j++) {
      const line = lines[j];
      const lead = /^\s*/.exec(line)![0].length;
      if (
        line.trim() &&
        (lead < indent || (lead === indent && /^\s*[A-Z_]+\s*$/.test(line)))
      )
        break;
      body.push(line.slice(Math.min(indent, lead)));
    }
    i = j - 1;
    for (const doc of readYamlDocuments(
      body.join('\n').split(UNKNOWN_PART).join('""'),
    )) {
      const obj = asRecord(doc as HclValue);
      if (obj) out.push(obj);
    }
  }
  return out;
}
