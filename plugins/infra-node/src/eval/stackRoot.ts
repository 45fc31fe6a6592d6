import path from 'node:path';
import { HclFile } from '../hcl/types';
import { HclValue, Unresolved } from '../hcl/values';
import type { SkippedFile, StackDependencyModel } from '../model/types';
import { resolve } from './evaluate';
import { withGenerated } from './defs';
import { ModuleInstance, RepoContext } from './scope';
import {
  generatedFiles,
  includedRoot,
  terragruntInputs,
  terragruntScope,
  varFiles,
} from './terragrunt';

export interface StackRoot {
  instance: ModuleInstance;
  dependencies: StackDependencyModel[];
  /** Generate blocks whose contents could not be evaluated. */
  unresolvedGenerate: string[];
  /** Var files the stack is given that were not read (git-crypt): their values are unknown to it. */
  unreadVarFiles: SkippedFile[];
}

export interface StackRootInput {
  context: RepoContext;
  /** Every parsed HCL file by repo-relative path. */
  files: ReadonlyMap<string, HclFile>;
  /** Files not read, by path (encrypted var files make their variables unknown). */
  skipped: ReadonlyMap<string, SkippedFile>;
  parse(file: string, content: string): HclFile;
}

/**
 * The root module instance of a stack, as Terragrunt would run it: the
 * stack's `.tf` files plus what the included root configuration generates
 * into it (`generate` blocks), variables fed by `inputs` and var files, and
 * the stack's `dependency` blocks.
 */
export function buildStackRoot(
  stackDir: string,
  input: StackRootInput,
): StackRoot {
  const { context, files } = input;
  const stackFile = files.get(`${stackDir}/terragrunt.hcl`);
  const includePath = stackFile
    ? includedRoot(stackFile, files, stackDir)
    : undefined;
  const rootFile = includePath ? files.get(includePath) : undefined;
  const generated: HclFile[] = [];
  const unresolvedGenerate: string[] = [];
  const inputs = new Map<string, HclValue>();
  const varFileList: Array<{ path: string; required: boolean }> = [];
  // The root first, then the stack's own file: the stack's settings win.
  for (const f of [rootFile, stackFile]) {
    if (!f) continue;
    const scope = terragruntScope(context, f, stackDir, includePath);
    const gen = generatedFiles(f, scope, input.parse);
    generated.push(...gen.files);
    unresolvedGenerate.push(...gen.unresolved);
    for (const [k, v] of terragruntInputs(f, scope)) inputs.set(k, v);
    varFileList.push(...varFiles(f, scope));
  }
  const def = withGenerated(context.defs.get(stackDir), stackDir, generated);

  // Later var files win, like Terraform's -var-file order.
  const varFileValues = new Map<string, HclValue>();
  const encryptedVarFiles: string[] = [];
  const unreadVarFiles: SkippedFile[] = [];
  for (const vf of varFileList) {
    const skip = input.skipped.get(vf.path);
    if (skip) unreadVarFiles.push(skip);
    if (skip?.reason === 'encrypted') {
      encryptedVarFiles.push(vf.path);
      continue;
    }
    const parsed = files.get(vf.path);
    if (!parsed || parsed.error) continue;
    const fileScope = terragruntScope(context, parsed, stackDir, includePath);
    for (const [k, a] of Object.entries(parsed.attributes))
      varFileValues.set(k, resolve(a.expr, fileScope));
  }

  const instance = new ModuleInstance(
    context,
    def,
    stackDir,
    stackDir,
    '',
    undefined,
    name => {
      // Terraform: -var-file values beat TF_VAR_ (Terragrunt's inputs).
      const fromFile = varFileValues.get(name);
      if (fromFile !== undefined) return fromFile;
      const fromInputs = inputs.get(name);
      if (fromInputs !== undefined) return fromInputs;
      // A variable with no default can only come from a var file we cannot read.
      if (encryptedVarFiles.length && !def.variables.get(name)?.default)
        return new Unresolved(`var.${name}`, 'encrypted');
      return undefined;
    },
  );

  const dependencies: StackDependencyModel[] = [];
  for (const b of stackFile?.blocks ?? []) {
    if (b.type !== 'dependency') continue;
    const configPath = b.attributes.config_path;
    const scope = terragruntScope(context, stackFile!, stackDir, includePath);
    const v = configPath ? resolve(configPath.expr, scope) : undefined;
    const target =
      typeof v === 'string'
        ? path.posix.normalize(path.posix.join(stackDir, v))
        : undefined;
    const m = target ? /^stacks\/([^/]+)$/.exec(target) : null;
    dependencies.push({
      name: b.labels[0] ?? '',
      configPath: typeof v === 'string' ? v : configPath?.expr.raw ?? '',
      stack: m?.[1],
      source: { file: b.file, line: b.line },
    });
  }
  return { instance, dependencies, unresolvedGenerate, unreadVarFiles };
}
