import { HclBlock } from '../hcl/types';
import type { Scope } from '../eval/scope';
import { asRecord } from '../hcl/values';
import { first, str, stringMap, toStr, value } from '../model/blocks';
import { PvcModel } from '../model/types';
import { blockMap } from './containers';
import { at, ExtractContext } from './context';

/** A PersistentVolumeClaim (resource or `volume_claim_template`). */
export function readPvc(
  ctx: ExtractContext,
  b: HclBlock,
  scope: Scope,
  type: PvcModel['type'],
  id: string,
): PvcModel {
  const meta = first(b, 'metadata', scope);
  const spec = first(b, 'spec', scope);
  const annotations = stringMap(meta, 'annotations', scope);
  const res = first(spec, 'resources', scope);
  const requests =
    asRecord(value(res, 'requests', scope)) ??
    blockMap(first(res, 'requests', scope), scope);
  const modes = value(spec, 'access_modes', scope);
  const storageClass = str(spec, 'storage_class_name', scope);
  return {
    id,
    stack: ctx.stack.name,
    name: str(meta, 'name', scope) ?? b.labels[1] ?? '',
    namespace: str(meta, 'namespace', scope),
    storageClass,
    size: requests ? toStr(requests.storage) : undefined,
    accessModes: Array.isArray(modes)
      ? modes.filter((m): m is string => typeof m === 'string')
      : [],
    storageLimit: annotations['resize.topolvm.io/storage_limit'],
    // An NFS-backed class (a module that wraps a PV on an NFS export) is shared storage.
    type:
      type === 'pvc' &&
      typeof storageClass === 'string' &&
      /nfs/i.test(storageClass)
        ? 'nfs'
        : type,
    source: at(b),
  };
}
