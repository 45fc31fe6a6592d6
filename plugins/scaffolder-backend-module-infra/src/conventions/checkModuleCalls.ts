import path from 'node:path';
import {
  conformsToType,
  describeValue,
  HclFile,
  InfraFile,
  ModuleCallSite,
  moduleCallsOf,
  ModuleSignature,
  parseHcl,
  readModuleSignature,
  typeFits,
} from '@internal/backstage-plugin-infra-node';

/** One generated argument (or missing one) the target repo's module would refuse. */
export interface ModuleCallProblem {
  file: string;
  line: number;
  /** `module.<label>` as a reviewer searches for it. */
  module: string;
  /** The module's directory in the target repo. */
  moduleDir?: string;
  argument?: string;
  problem: string;
  fix: string;
}

/** What checking the generated module calls against the target repo found. */
export interface ModuleCallCheck {
  problems: ModuleCallProblem[];
  /** Calls whose module was read from the target repo. */
  callsChecked: number;
  argumentsChecked: number;
  /** Module directories read, for the pull request body. */
  modules: string[];
  /** Calls not checked (a registry or git source), by `module.<label>`. */
  notChecked: string[];
}

// The portal writes these calls; when they disagree with the repo, the
// template has fallen behind the repo, and only the admin can fix that.
const RENDERER_FIX =
  'the portal admin updates the wizard (docs: Scaffolder, "Module calls")';

/**
 * Checks every `module` block of the generated files against the module it
 * calls, read from the TARGET repo (not from our model of it): each argument
 * is a declared variable, each variable without a default is set, and each
 * static value converts to the variable's type. Calls in existing files of
 * the same stack are read for context (the values they declare) but are
 * not judged: they are the repo's own.
 */
export function checkModuleCalls(
  generated: ReadonlyArray<InfraFile>,
  target: ReadonlyArray<InfraFile>,
): ModuleCallCheck {
  const parse = (f: InfraFile) => parseHcl(f.path, f.content);
  const generatedTf = generated.filter(f => f.path.endsWith('.tf'));
  const generatedPaths = new Set(generatedTf.map(f => f.path));
  const dirs = [...new Set(generatedTf.map(f => path.posix.dirname(f.path)))];
  const targetParsed = new Map<string, HclFile>();
  const parsedTarget = (f: InfraFile) => {
    let p = targetParsed.get(f.path);
    if (!p) {
      p = parse(f);
      targetParsed.set(f.path, p);
    }
    return p;
  };
  const signatures = new Map<string, ModuleSignature | undefined>();
  const signatureOf = (dir: string) => {
    if (!signatures.has(dir)) {
      const files = target
        .filter(
          f =>
            !f.skipped &&
            f.path.endsWith('.tf') &&
            path.posix.dirname(f.path) === dir,
        )
        .map(parsedTarget);
      signatures.set(dir, readModuleSignature(files, dir));
    }
    return signatures.get(dir);
  };

  const result: ModuleCallCheck = {
    problems: [],
    callsChecked: 0,
    argumentsChecked: 0,
    modules: [],
    notChecked: [],
  };
  for (const dir of dirs) {
    // The stack as it will be after the merge: its existing files plus ours.
    const existing = target.filter(
      f =>
        !f.skipped &&
        f.path.endsWith('.tf') &&
        path.posix.dirname(f.path) === dir &&
        !generatedPaths.has(f.path),
    );
    const files = [
      ...existing.map(parsedTarget),
      ...generatedTf.filter(f => path.posix.dirname(f.path) === dir).map(parse),
    ];
    const calls = moduleCallsOf(files, dir);
    for (const call of calls) {
      if (!generatedPaths.has(call.file)) continue;
      checkCall(call, signatureOf, result);
    }
    checkNamesUnique(calls, generatedPaths, result);
  }
  result.modules.sort();
  return result;
}

function checkCall(
  call: ModuleCallSite,
  signatureOf: (dir: string) => ModuleSignature | undefined,
  result: ModuleCallCheck,
) {
  const module = `module.${call.label}`;
  const at = { file: call.file, module };
  if (!call.dir) {
    result.notChecked.push(module);
    return;
  }
  const sig = signatureOf(call.dir);
  if (!sig) {
    result.problems.push({
      ...at,
      line: call.line,
      moduleDir: call.dir,
      problem: `calls ${call.source}, but the infra repo has no module in ${call.dir}/.`,
      fix: `Point source at a module the repo has, or add ${call.dir}/ to the repo first; for generated files ${RENDERER_FIX}.`,
    });
    return;
  }
  result.callsChecked += 1;
  if (!result.modules.includes(sig.dir)) result.modules.push(sig.dir);
  const set = new Set<string>();
  for (const arg of call.arguments) {
    set.add(arg.name);
    result.argumentsChecked += 1;
    const variable = sig.variables.get(arg.name);
    const where = {
      ...at,
      line: arg.line,
      moduleDir: sig.dir,
      argument: arg.name,
    };
    if (!variable) {
      const declared = [...sig.variables.keys()].sort().join(', ');
      result.problems.push({
        ...where,
        problem: `${arg.name} is not a variable of ${sig.dir} (it declares ${
          declared || 'no variables'
        }); terraform plan would stop on it.`,
        fix: `Remove ${arg.name} from the call, or declare variable "${arg.name}" in ${sig.dir}/ first; for generated files ${RENDERER_FIX}.`,
      });
      continue;
    }
    if (arg.variableName && !arg.passedVariable) {
      result.problems.push({
        ...where,
        problem: `${arg.name} = var.${
          arg.variableName
        }, but ${path.posix.dirname(call.file)}/ declares no variable "${
          arg.variableName
        }".`,
        fix: `Declare variable "${arg.variableName}" in the stack (its value comes from config.tfvars), or pass a value.`,
      });
      continue;
    }
    const declaredAt = `${variable.file}:${variable.line}`;
    const judged = conformsToType(arg.value, variable.type);
    if (judged.ok === false) {
      result.problems.push({
        ...where,
        problem: `${arg.name} = ${describeValue(arg.value)}: ${
          judged.reason
        } (${declaredAt} declares ${variable.typeText}).`,
        fix: `Pass a value of type ${variable.typeText}.`,
      });
    } else if (judged.ok === 'unknown' && arg.passedVariable) {
      const pv = arg.passedVariable;
      if (typeFits(pv.type, variable.type) === 'no') {
        result.problems.push({
          ...where,
          problem: `${arg.name} = var.${pv.name}, declared ${pv.typeText} in the stack, but ${declaredAt} declares ${variable.typeText}.`,
          fix: `Declare var.${pv.name} as ${variable.typeText}, or pass a value of that type.`,
        });
      }
    }
  }
  for (const v of sig.variables.values()) {
    if (!v.required || set.has(v.name)) continue;
    result.problems.push({
      ...at,
      line: call.line,
      moduleDir: sig.dir,
      argument: v.name,
      problem: `${v.name} is required by ${sig.dir} (${v.file}:${v.line}, ${v.typeText}, no default) and the call does not set it; terraform plan would stop on it.`,
      fix: `Set ${v.name} in the call, or give the variable a default in the module; for generated files ${RENDERER_FIX}.`,
    });
  }
}

/**
 * Two calls of the same module with the same static `name` and `namespace`
 * create the same Kubernetes objects: the second apply fails, or worse,
 * takes the first one over. Checked across the stack as it will be after
 * the merge, for every call one of the generated files adds.
 */
function checkNamesUnique(
  calls: ReadonlyArray<ModuleCallSite>,
  generatedPaths: ReadonlySet<string>,
  result: ModuleCallCheck,
) {
  const seen = new Map<string, ModuleCallSite>();
  for (const call of calls) {
    const arg = (n: string) => call.arguments.find(a => a.name === n);
    const name = arg('name');
    const ns = arg('namespace');
    if (!call.dir || typeof name?.value !== 'string') continue;
    if (typeof ns?.value !== 'string') continue;
    const key = `${call.dir}\n${ns.value}\n${name.value}`;
    const first = seen.get(key);
    if (!first) {
      seen.set(key, call);
      continue;
    }
    if (!generatedPaths.has(call.file) && !generatedPaths.has(first.file))
      continue;
    const added = generatedPaths.has(call.file) ? call : first;
    const other = added === call ? first : call;
    result.problems.push({
      file: added.file,
      line: added.arguments.find(a => a.name === 'name')?.line ?? added.line,
      module: `module.${added.label}`,
      moduleDir: call.dir,
      argument: 'name',
      problem: `name = "${name.value}" in namespace ${ns.value} is already used by module.${other.label} (${other.file}:${other.line}), a call of the same module: both would create the same Kubernetes objects.`,
      fix: 'Pick another ingress name.',
    });
  }
}

/** A problem as one line: file, line, module, argument, what, fix. */
export function formatModuleCallProblem(p: ModuleCallProblem): string {
  return `${p.file}:${p.line}: ${p.module}: ${p.problem} Fix: ${p.fix}`;
}
