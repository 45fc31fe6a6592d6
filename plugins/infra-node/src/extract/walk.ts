import { HclBlock } from '../hcl/types';
import { expansionOf, iterations, ModuleInstance, Scope } from '../eval/scope';
import { InstanceInfo } from '../model/types';

/** One instance of a resource block, ready to be read. */
export interface ResourceSite {
  block: HclBlock;
  /** `kubernetes_deployment`, `helm_release`, ... */
  type: string;
  /** Scope with the instance's `each` / `count` bound. */
  scope: Scope;
  module: ModuleInstance;
  instance: InstanceInfo;
  /** Module calls from the stack root down to the module holding the block. */
  calls: HclBlock[];
}

/** One instance of a module call. */
export interface ModuleSite {
  call: HclBlock;
  /** The instance the call creates. */
  module: ModuleInstance;
  /** The module the call is written in. */
  caller: ModuleInstance;
  /** Calls from the stack root down to and including this one. */
  calls: HclBlock[];
  instance: InstanceInfo;
  /** Repo-relative directory of the called module; undefined when it is not in the repo. */
  dir?: string;
}

export interface StackWalk {
  resources: ResourceSite[];
  modules: ModuleSite[];
}

/** Deeper module nesting than this is cut off (a module calling itself). */
const MAX_MODULE_DEPTH = 16;

/**
 * Every resource instance Terraform would plan for a stack: resources of
 * the root module and of every module instance it calls, with `count` and
 * `for_each` expanded on calls and resources alike. A call with `count = 0`
 * (or a commented-out call, which the parser never sees) yields nothing; a
 * module directory that nothing calls yields nothing.
 */
export function walkStack(root: ModuleInstance): StackWalk {
  const resources: ResourceSite[] = [];
  const modules: ModuleSite[] = [];
  const visit = (module: ModuleInstance, calls: HclBlock[]) => {
    const def = module.def;
    if (!def || calls.length > MAX_MODULE_DEPTH) return;
    for (const [address, block] of def.resources) {
      const base = module.scope();
      const expansion = expansionOf(block, base);
      for (const it of iterations(expansion, base)) {
        const full = `${module.address ? `${module.address}.` : ''}${address}${
          it.suffix
        }`;
        resources.push({
          block,
          type: block.labels[0],
          scope: it.scope,
          module,
          calls,
          instance: {
            address: full,
            modulePath: module.address,
            key: it.key ?? keyOf(module.address),
            countUnknown: it.countUnknown ?? module.countUnknown,
          },
        });
      }
    }
    for (const label of def.moduleCalls.keys()) {
      const expanded = module.moduleCall(label);
      if (!expanded) continue;
      const chain = [...calls, expanded.call];
      expanded.instances.forEach(child => {
        modules.push({
          call: expanded.call,
          module: child,
          caller: module,
          calls: chain,
          dir: expanded.dir,
          instance: {
            address: child.address,
            modulePath: child.address,
            key: keyOf(child.address),
            countUnknown: child.countUnknown,
          },
        });
        visit(child, chain);
      });
    }
  };
  visit(root, []);
  return { resources, modules };
}

function keyOf(address: string): string | number | undefined {
  const m = /\[("(?:[^"\\]|\\.)*"|\d+)\]$/.exec(address);
  if (!m) return undefined;
  return m[1].startsWith('"') ? (JSON.parse(m[1]) as string) : Number(m[1]);
}
