import { asRecord, HclValue, isUnresolved } from '../hcl/values';
import { first, str, valText, value } from '../model/blocks';
import { SecretModel } from '../model/types';
import { manifestObject } from './operators';
import { ResourceSite } from './walk';

export const SECRET_TYPES = new Set([
  'kubernetes_secret',
  'kubernetes_secret_v1',
]);

/** Every string in a value, and the expression text of every unknown part. */
function textsOf(v: HclValue | undefined, out: string[] = []): string[] {
  if (typeof v === 'string') out.push(v);
  else if (isUnresolved(v)) out.push(v.unresolved);
  else if (Array.isArray(v)) v.forEach(x => textsOf(x, out));
  else if (v && typeof v === 'object')
    Object.values(v).forEach(x => textsOf(x, out));
  return out;
}

/** Keys read from a secret store: every `remoteRef.key` / `extract.key` in the spec. */
function remoteKeysOf(v: HclValue | undefined, out: string[] = []): string[] {
  const rec = asRecord(v);
  if (Array.isArray(v)) v.forEach(x => remoteKeysOf(x, out));
  else if (rec) {
    for (const [k, x] of Object.entries(rec)) {
      const inner = asRecord(x);
      if (
        (k === 'remoteRef' || k === 'extract') &&
        inner &&
        typeof inner.key === 'string'
      )
        out.push(inner.key);
      else remoteKeysOf(x, out);
    }
  }
  return out;
}

/** A `kubernetes_secret`: its data, as far as static. */
export function extractSecret(site: ResourceSite): SecretModel | undefined {
  const meta = first(site.block, 'metadata', site.scope);
  const name = valText(str(meta, 'name', site.scope));
  if (!name) return undefined;
  return {
    name,
    namespace: valText(str(meta, 'namespace', site.scope)),
    texts: [
      ...textsOf(value(site.block, 'data', site.scope)),
      ...textsOf(value(site.block, 'string_data', site.scope)),
    ],
    remoteKeys: [],
  };
}

/** The Secret an ExternalSecret manifest makes, with its template and the store keys it reads. */
export function extractExternalSecret(
  site: ResourceSite,
): SecretModel | undefined {
  const m = manifestObject(site);
  if (!m || m.kind !== 'ExternalSecret') return undefined;
  const meta = asRecord(m.metadata) ?? {};
  const spec = asRecord(m.spec) ?? {};
  const target = asRecord(spec.target) ?? {};
  // The Secret is named by its target, or after the ExternalSecret itself.
  const name = [target.name, meta.name].find(
    (n): n is string => typeof n === 'string',
  );
  if (!name) return undefined;
  return {
    name,
    namespace: typeof meta.namespace === 'string' ? meta.namespace : undefined,
    texts: textsOf(asRecord(target.template)?.data),
    remoteKeys: remoteKeysOf(spec),
  };
}
