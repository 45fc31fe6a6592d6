import { HclBlock } from '../hcl/types';
import { HclValue, Unresolved, isUnresolved, asRecord } from '../hcl/values';
import { resolve } from '../eval/evaluate';
import type { Scope } from '../eval/scope';
import {
  attr,
  first,
  scopeOf,
  str,
  sub,
  toStr,
  value,
  valText,
} from '../model/blocks';
import { ContainerModel, EnvVar, VolumeModel } from '../model/types';
import { at } from './context';
import { readProbes } from './probes';

/** Old-style nested blocks (`requests { cpu = ... }`) as a map of their attributes' values. */
export function blockMap(
  block: HclBlock | undefined,
  scope: Scope,
): Record<string, HclValue> | undefined {
  if (!block) return undefined;
  const out: Record<string, HclValue> = {};
  const s = scopeOf(block, scope);
  for (const [k, a] of Object.entries(block.attributes))
    out[k] = resolve(a.expr, s);
  return out;
}

/** The containers of a pod spec block, `dynamic "env"` and `dynamic "container"` expanded. */
export function readContainers(
  podSpec: HclBlock | undefined,
  scope: Scope,
): ContainerModel[] {
  return sub(podSpec, 'container', scope).map(c => {
    const res = first(c, 'resources', scope);
    const requests = value(res, 'requests', scope);
    const limits = value(res, 'limits', scope);
    const reqMap =
      asRecord(requests) ?? blockMap(first(res, 'requests', scope), scope);
    const limMap =
      asRecord(limits) ?? blockMap(first(res, 'limits', scope), scope);
    const limitsAttr = attr(res, 'limits') ?? first(res, 'limits', scope);
    const env: EnvVar[] = sub(c, 'env', scope).map(e => {
      const v = attr(e, 'value');
      const ref = first(first(e, 'value_from', scope), 'secret_key_ref', scope);
      const secret = valText(str(ref, 'name', scope));
      return {
        name: valText(str(e, 'name', scope)) ?? '',
        value: v ? resolve(v.expr, scopeOf(e, scope)) : undefined,
        fromSecret: secret
          ? { name: secret, key: valText(str(ref, 'key', scope)) }
          : undefined,
        at: at(e),
      };
    });
    // `env_from { secret_ref { name } }`: every key of the Secret.
    for (const ef of sub(c, 'env_from', scope)) {
      const secret = valText(
        str(first(ef, 'secret_ref', scope), 'name', scope),
      );
      if (secret)
        env.push({ name: '', fromSecret: { name: secret }, at: at(ef) });
    }
    const pick = (
      m: Record<string, HclValue> | undefined,
      k: string,
      whole: HclValue | undefined,
    ) => {
      if (m) return toStr(m[k]);
      return isUnresolved(whole) ? whole : undefined;
    };
    return {
      name:
        str(c, 'name', scope) ?? new Unresolved('(unnamed container)', 'other'),
      image: str(c, 'image', scope),
      cpuRequest: pick(reqMap, 'cpu', requests),
      memoryRequest: pick(reqMap, 'memory', requests),
      cpuLimit: pick(limMap, 'cpu', limits),
      memoryLimit: pick(limMap, 'memory', limits),
      resourcesAt: at(res ?? c),
      cpuLimitAt:
        limMap && limMap.cpu !== undefined && limMap.cpu !== null && limitsAttr
          ? { file: c.file, line: limitsAttr.line }
          : undefined,
      env,
      commands: commandsOf(c, scope),
      ...probesOf(c, scope),
    };
  });
}

export function readVolumes(
  podSpec: HclBlock | undefined,
  scope: Scope,
): VolumeModel[] {
  return sub(podSpec, 'volume', scope).map(v => {
    const pvc = first(v, 'persistent_volume_claim', scope);
    const cm = first(v, 'config_map', scope);
    return {
      name: str(v, 'name', scope) ?? '',
      claimName: pvc ? str(pvc, 'claim_name', scope) : undefined,
      nfs: !!first(v, 'nfs', scope),
      configMap: cm ? str(cm, 'name', scope) : undefined,
    };
  });
}

/** A container's `command` and `args`, each item as text: static where it is, its expression where not. */
function commandsOf(c: HclBlock, scope: Scope): string[] {
  const out: string[] = [];
  for (const k of ['command', 'args']) {
    const v = value(c, k, scope);
    const items = Array.isArray(v) ? v : [v];
    for (const item of items) {
      if (typeof item === 'string') out.push(item);
      else if (isUnresolved(item)) out.push(item.unresolved);
    }
  }
  return out;
}

/** `probes` only when the container writes one, so models without probes keep their shape. */
function probesOf(c: HclBlock, scope: Scope) {
  const probes = readProbes(c, scope);
  return probes ? { probes } : {};
}
