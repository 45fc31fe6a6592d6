import path from 'node:path';
import { HclBlock, HclFile } from '../hcl/types';
import { ModuleDef } from './scope';

export function emptyDef(dir: string): ModuleDef {
  return {
    dir,
    locals: new Map(),
    variables: new Map(),
    outputs: new Map(),
    resources: new Map(),
    moduleCalls: new Map(),
  };
}

/** Adds a file's top-level blocks to a module definition (Terraform reads every `.tf` of a directory as one module). */
export function addBlocks(def: ModuleDef, blocks: ReadonlyArray<HclBlock>) {
  for (const b of blocks) {
    const [first, second] = b.labels;
    if (b.type === 'locals') {
      for (const [k, a] of Object.entries(b.attributes))
        def.locals.set(k, a.expr);
    } else if (b.type === 'variable' && first) {
      def.variables.set(first, {
        default: b.attributes.default?.expr,
        block: b,
      });
    } else if (b.type === 'output' && first) {
      const v = b.attributes.value;
      if (v) def.outputs.set(first, v.expr);
    } else if (b.type === 'resource' && first && second) {
      def.resources.set(`${first}.${second}`, b);
    } else if (b.type === 'module' && first) {
      def.moduleCalls.set(first, b);
    }
  }
}

/** Module definitions by directory, from every parsed `.tf` file. */
export function buildModuleDefs(
  files: ReadonlyArray<HclFile>,
): Map<string, ModuleDef> {
  const defs = new Map<string, ModuleDef>();
  for (const f of files) {
    if (!f.path.endsWith('.tf')) continue;
    const dir = path.posix.dirname(f.path);
    let def = defs.get(dir);
    if (!def) {
      def = emptyDef(dir);
      defs.set(dir, def);
    }
    addBlocks(def, f.blocks);
  }
  return defs;
}

/** A copy of a definition with more blocks (files a Terragrunt `generate` block writes). */
export function withGenerated(
  def: ModuleDef | undefined,
  dir: string,
  generated: ReadonlyArray<HclFile>,
): ModuleDef {
  const out: ModuleDef = {
    dir,
    locals: new Map(def?.locals ?? []),
    variables: new Map(def?.variables ?? []),
    outputs: new Map(def?.outputs ?? []),
    resources: new Map(def?.resources ?? []),
    moduleCalls: new Map(def?.moduleCalls ?? []),
  };
  for (const f of generated) addBlocks(out, f.blocks);
  return out;
}
