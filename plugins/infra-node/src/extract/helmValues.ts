import { Expr } from '../hcl/types';
import { isUnresolved, asRecord } from '../hcl/values';
import { resolve } from '../eval/evaluate';
import type { Scope } from '../eval/scope';
import { attr, str, sub, value, valText } from '../model/blocks';
import { HelmValues } from '../model/helm';
import { HelmReleaseModel, SourcePos } from '../model/types';
import { at, ExtractContext } from './context';
import { referencedFile } from './configMaps';
import { ResourceSite } from './walk';

/** The values of a `helm_release`, merged the way Helm merges them (later wins), with where each key is written. */
export interface ReadValues {
  values: HelmValues;
  files: SourcePos[];
  unresolved: string[];
}

function addValuesItem(
  ctx: ExtractContext,
  item: Expr,
  scope: Scope,
  out: ReadValues,
  releaseAt: SourcePos,
) {
  // `file(...)` / `templatefile(...)`: a YAML document, keys located in the file.
  const file = referencedFile(item, scope);
  if (file !== undefined) {
    let rendered = resolve(item, scope);
    // A values template with a secret in it: read its keys, leave the secret unknown.
    if (
      typeof rendered !== 'string' &&
      item.kind === 'call' &&
      item.name === 'templatefile'
    ) {
      const vars = item.args[1] ? asRecord(resolve(item.args[1], scope)) : {};
      const text = scope.module.host.readFile(file);
      if (text !== undefined && vars)
        rendered = scope.module.host.renderTemplate(file, text, vars, true);
    }
    if (typeof rendered !== 'string') {
      out.unresolved.push(item.raw);
      return;
    }
    const err = out.values.addYaml(file, rendered);
    if (err) {
      ctx.reportError({
        file,
        line: Number(/line (\d+)/.exec(err)?.[1] ?? 1),
        column: 1,
        message: `YAML error: ${err}`,
      });
      return;
    }
    out.files.push({ file, line: 1 });
    return;
  }
  // `yamlencode({...})`: the object itself, written at the item's line.
  if (item.kind === 'call' && item.name === 'yamlencode' && item.args[0]) {
    const v = asRecord(resolve(item.args[0], scope));
    const inline = { file: releaseAt.file, line: item.line };
    if (v) {
      out.values.addObject(v, inline);
      out.files.push(inline);
    } else out.unresolved.push(item.raw);
    return;
  }
  const v = resolve(item, scope);
  if (typeof v === 'string') {
    const err = out.values.addYaml(releaseAt.file, v);
    if (err) out.unresolved.push(item.raw);
  } else out.unresolved.push(item.raw);
}

export function readHelmValues(
  ctx: ExtractContext,
  site: ResourceSite,
): ReadValues {
  const { block: b, scope } = site;
  const out: ReadValues = {
    values: new HelmValues(),
    files: [],
    unresolved: [],
  };
  const valuesAttr = attr(b, 'values');
  if (valuesAttr) {
    if (valuesAttr.expr.kind === 'tuple') {
      for (const item of valuesAttr.expr.items)
        addValuesItem(ctx, item, scope, out, at(b));
    } else out.unresolved.push(valuesAttr.expr.raw);
  }
  // `set { name, value }` blocks (provider 2.x) and `set = [{ name, value }]` (provider 3.x).
  const sets: Array<{ name: unknown; value: unknown; at: SourcePos }> = sub(
    b,
    'set',
    scope,
  ).map(s => ({
    name: valText(str(s, 'name', scope)),
    value: value(s, 'value', scope),
    at: at(s),
  }));
  const setAttr = attr(b, 'set');
  if (setAttr) {
    const list = resolve(setAttr.expr, scope);
    if (Array.isArray(list))
      for (const e of list) {
        const rec = asRecord(e);
        if (rec)
          sets.push({
            name: rec.name,
            value: rec.value,
            at: at(b, setAttr.line),
          });
      }
  }
  for (const s of sets) {
    if (
      typeof s.name !== 'string' ||
      s.value === undefined ||
      isUnresolved(s.value)
    )
      continue;
    const obj: Record<string, unknown> = {};
    let cur = obj;
    const segs = s.name.split('.');
    segs.forEach((seg, i) => {
      if (i === segs.length - 1) cur[seg] = s.value;
      else cur = (cur[seg] = {}) as Record<string, unknown>;
    });
    out.values.addObject(obj, s.at);
  }
  return out;
}

/** Where values commonly hold a setting: at the top, or under one component key (`controller.replicas`). */
function findKey(
  values: HelmValues,
  suffixes: string[],
  components: string[],
): { key: string; value: unknown; at: SourcePos } | undefined {
  for (const prefix of ['', ...components.map(c => `${c}.`)]) {
    for (const s of suffixes) {
      const hit = values.get(`${prefix}${s}`);
      if (hit && hit.value !== null) return { key: `${prefix}${s}`, ...hit };
    }
  }
  return undefined;
}

/** A scalar as text; an empty string is no value (a chart's empty `tag` means its own default). */
const asText = (v: unknown) =>
  (typeof v === 'string' && v !== '') || typeof v === 'number'
    ? String(v)
    : undefined;

/** What the values declare, for any chart: replicas, PDB, image pin, resources. */
export function declaredSettings(
  values: HelmValues,
): HelmReleaseModel['declared'] {
  const components = values.topLevelKeys();
  const declared: HelmReleaseModel['declared'] = {};
  const replicas = findKey(values, ['replicaCount', 'replicas'], components);
  if (replicas && typeof replicas.value === 'number')
    declared.replicas = {
      value: replicas.value,
      at: replicas.at,
      key: replicas.key,
    };
  const pdb = findKey(values, ['podDisruptionBudget', 'pdb'], components);
  if (pdb && pdb.value && typeof pdb.value === 'object') {
    const p = pdb.value as Record<string, unknown>;
    const num = (v: unknown) =>
      typeof v === 'number' || typeof v === 'string'
        ? (v as number | string)
        : undefined;
    declared.pdb = {
      enabled: typeof p.enabled === 'boolean' ? p.enabled : undefined,
      minAvailable: num(p.minAvailable),
      maxUnavailable: num(p.maxUnavailable),
      at: pdb.at,
      key: pdb.key,
    };
  }
  const tag = findKey(values, ['image.tag'], ['global', ...components]);
  if (tag && asText(tag.value) !== undefined)
    declared.imageTag = { value: asText(tag.value)!, at: tag.at, key: tag.key };
  const repo = findKey(values, ['image.repository'], ['global', ...components]);
  if (repo && asText(repo.value) !== undefined)
    declared.imageRepository = {
      value: asText(repo.value)!,
      at: repo.at,
      key: repo.key,
    };
  const res = findKey(values, ['resources'], components);
  if (res && res.value && typeof res.value === 'object') {
    const r = res.value as {
      requests?: Record<string, unknown>;
      limits?: Record<string, unknown>;
    };
    declared.resources = {
      cpuRequest: asText(r.requests?.cpu),
      memoryRequest: asText(r.requests?.memory),
      cpuLimit: asText(r.limits?.cpu),
      memoryLimit: asText(r.limits?.memory),
      at: res.at,
      key: res.key,
    };
  }
  return declared;
}
