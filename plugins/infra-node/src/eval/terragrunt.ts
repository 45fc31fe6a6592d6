import path from 'node:path';
import { HclBlock, HclFile } from '../hcl/types';
import { HclValue, Unresolved, isUnresolved } from '../hcl/values';
import { resolve } from './evaluate';
import { FunctionHost } from './functions';
import { ModuleInstance, RepoContext, Scope } from './scope';
import { emptyDef, addBlocks } from './defs';

/**
 * Terragrunt's own functions, as far as they are static for a stack: the
 * paths it computes from where the stack sits in the repo. The environment
 * (`get_env`, `run_cmd`) stays unknown.
 */
export function terragruntFunctions(
  stackDir: string,
  includePath: string | undefined,
): FunctionHost['call'] {
  return (name, args) => {
    switch (name) {
      case 'get_repo_root':
      case 'get_parent_terragrunt_dir':
        return '.';
      case 'get_terragrunt_dir':
      case 'get_original_terragrunt_dir':
        return stackDir;
      case 'path_relative_to_include':
        return includePath
          ? path.posix.relative(path.posix.dirname(includePath), stackDir)
          : '.';
      case 'path_relative_from_include':
        return includePath
          ? path.posix.relative(stackDir, path.posix.dirname(includePath))
          : '.';
      case 'find_in_parent_folders': {
        const wanted = typeof args[0] === 'string' ? args[0] : 'terragrunt.hcl';
        return includePath && path.posix.basename(includePath) === wanted
          ? includePath
          : new Unresolved(
              `find_in_parent_folders(${JSON.stringify(wanted)})`,
              'other',
            );
      }
      case 'get_terraform_commands_that_need_vars':
        return [
          'apply',
          'console',
          'destroy',
          'import',
          'plan',
          'push',
          'refresh',
        ];
      default:
        return undefined;
    }
  };
}

/** A scope over one terragrunt file: its `locals`, Terragrunt's functions. */
export function terragruntScope(
  context: RepoContext,
  file: HclFile,
  stackDir: string,
  includePath: string | undefined,
): Scope {
  const def = emptyDef(stackDir);
  addBlocks(
    def,
    file.blocks.filter(b => b.type === 'locals'),
  );
  const host: FunctionHost = {
    ...context.host,
    call: terragruntFunctions(stackDir, includePath),
  };
  const instance = new ModuleInstance(
    { ...context, host },
    def,
    stackDir,
    stackDir,
    '',
    new Map(),
  );
  return instance.scope();
}

/** The `include` path a stack's terragrunt file resolves to (`find_in_parent_folders()`). */
export function includedRoot(
  stackFile: HclFile,
  repoFiles: ReadonlyMap<string, HclFile>,
  stackDir: string,
): string | undefined {
  const include = stackFile.blocks.find(b => b.type === 'include');
  if (!include) return undefined;
  const p = include.attributes.path;
  if (!p) return undefined;
  // `find_in_parent_folders()` looks for the nearest terragrunt.hcl above the stack.
  if (p.expr.kind === 'call' && p.expr.name === 'find_in_parent_folders') {
    const wanted =
      p.expr.args[0]?.kind === 'literal' &&
      typeof p.expr.args[0].value === 'string'
        ? p.expr.args[0].value
        : 'terragrunt.hcl';
    let dir = path.posix.dirname(stackDir);
    for (;;) {
      const candidate = dir === '.' ? wanted : `${dir}/${wanted}`;
      if (repoFiles.has(candidate)) return candidate;
      if (dir === '.' || dir === '') return undefined;
      dir = path.posix.dirname(dir);
    }
  }
  if (p.expr.kind === 'literal' && typeof p.expr.value === 'string')
    return path.posix.normalize(path.posix.join(stackDir, p.expr.value));
  return undefined;
}

/** `generate` blocks whose contents are static: the files Terragrunt writes into the stack. */
export function generatedFiles(
  file: HclFile,
  scope: Scope,
  parse: (file: string, content: string) => HclFile,
): { files: HclFile[]; unresolved: string[] } {
  const files: HclFile[] = [];
  const unresolved: string[] = [];
  for (const b of file.blocks) {
    if (b.type !== 'generate') continue;
    const disabled =
      b.attributes.disable && resolve(b.attributes.disable.expr, scope);
    if (disabled === true) continue;
    const target = b.attributes.path
      ? resolve(b.attributes.path.expr, scope)
      : undefined;
    const contents = b.attributes.contents
      ? resolve(b.attributes.contents.expr, scope)
      : undefined;
    if (typeof target !== 'string' || typeof contents !== 'string') {
      unresolved.push(`${file.path}:${b.line} generate "${b.labels[0] ?? ''}"`);
      continue;
    }
    if (!target.endsWith('.tf')) continue;
    // Named after the generate block, not the stack: the same root block
    // generates the same file into every stack, and is parsed once.
    const parsed = parse(`${file.path}#${target}`, contents);
    if (parsed.error) {
      unresolved.push(`${file.path}:${b.line} generate "${b.labels[0] ?? ''}"`);
      continue;
    }
    files.push(relocate(parsed, file.path, b.line));
  }
  return { files, unresolved };
}

/** Points every block of a generated file at the generate block that writes it (a finding in them points there). */
function relocate(parsed: HclFile, file: string, line: number): HclFile {
  const move = (b: HclBlock): HclBlock => ({
    ...b,
    file,
    line,
    endLine: line,
    blocks: b.blocks.map(move),
  });
  return { ...parsed, blocks: parsed.blocks.map(move) };
}

/** `inputs = {...}` of a terragrunt file, each value in the file's scope. */
export function terragruntInputs(
  file: HclFile,
  scope: Scope,
): Map<string, HclValue> {
  const out = new Map<string, HclValue>();
  const a = file.attributes.inputs;
  if (!a) return out;
  const v = resolve(a.expr, scope);
  if (v && typeof v === 'object' && !Array.isArray(v) && !isUnresolved(v)) {
    for (const [k, val] of Object.entries(v)) out.set(k, val);
  }
  return out;
}

/** Var files a terragrunt file passes to Terraform (`extra_arguments` `required_var_files` / `optional_var_files`). */
export function varFiles(
  file: HclFile,
  scope: Scope,
): Array<{ path: string; required: boolean }> {
  const out: Array<{ path: string; required: boolean }> = [];
  for (const tf of file.blocks.filter(b => b.type === 'terraform')) {
    for (const extra of tf.blocks.filter(b => b.type === 'extra_arguments')) {
      for (const [key, required] of [
        ['required_var_files', true],
        ['optional_var_files', false],
      ] as const) {
        const a = extra.attributes[key];
        if (!a) continue;
        const v = resolve(a.expr, scope);
        if (!Array.isArray(v)) continue;
        for (const p of v)
          if (typeof p === 'string')
            out.push({ path: path.posix.normalize(p), required });
      }
    }
  }
  return out;
}
