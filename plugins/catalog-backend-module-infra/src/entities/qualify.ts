import { InstanceInfo } from '@internal/backstage-plugin-infra-node';
import { sanitizeName } from './names';

/** One entity name asked for, with the instance that may set it apart. */
export interface NameRequest {
  kind: string;
  wanted: string;
  instance?: InstanceInfo;
}

/**
 * `module.a["x"].module.b[0]` → `[{ label: 'a', key: 'x' }, { label: 'b' }]`:
 * each module call's label and instance key (count index 0 is bare).
 */
function moduleSegments(
  modulePath: string | undefined,
): Array<{ label: string; key?: string }> {
  if (!modulePath) return [];
  const re = /module\.([^.[\]]+)(?:\[("(?:[^"\\]|\\.)*"|\d+)\])?/g;
  return [...modulePath.matchAll(re)].map(m => {
    const raw = m[2];
    const key =
      raw === undefined || raw === '0'
        ? undefined
        : sanitizeName(raw.startsWith('"') ? JSON.parse(raw) : raw);
    return { label: sanitizeName(m[1]), key };
  });
}

/**
 * The last `depth` module calls as name tokens the wanted name does not
 * already carry: a keyed call by its key alone (`short`), or by label and
 * key (`full`) when keys alone do not tell the objects apart.
 */
function qualifier(
  request: NameRequest,
  depth: number,
  detail: 'short' | 'full',
): string {
  const have = new Set(sanitizeName(request.wanted).split('-'));
  const tokens: string[] = [];
  const segments = moduleSegments(request.instance?.modulePath).slice(-depth);
  for (const { label, key } of segments) {
    const parts = key && detail === 'short' ? [key] : [label, key];
    for (const t of parts) {
      if (t && !have.has(t)) tokens.push(t);
      if (t) have.add(t);
    }
  }
  return tokens.join('-');
}

/**
 * Names for a batch of requests where several objects of one kind want
 * the same name: a factory module called N times, an object in several
 * module instances. Each is qualified by the module calls that set it
 * apart (`proxied-ingress` under `module.nas` becomes
 * `proxied-ingress-nas`), innermost first and only as deep as needed, so
 * a name depends on the object's address, not on the order it was found
 * in. What stays alike is left to the registry's `-2` suffixes.
 */
export function qualifyClashes(requests: NameRequest[]): string[] {
  const out = requests.map(r => r.wanted);
  const groups = new Map<string, number[]>();
  requests.forEach((r, i) => {
    const key = `${r.kind}:${sanitizeName(r.wanted)}`;
    groups.set(key, [...(groups.get(key) ?? []), i]);
  });
  for (const members of groups.values()) {
    if (members.length < 2) continue;
    const maxDepth = Math.max(
      ...members.map(
        i => moduleSegments(requests[i].instance?.modulePath).length,
      ),
    );
    // The shallowest qualification that tells the most members apart.
    let best: string[] | undefined;
    let bestDistinct = 1;
    const attempts = Array.from({ length: maxDepth }, (_, d) => [
      { depth: d + 1, detail: 'short' as const },
      { depth: d + 1, detail: 'full' as const },
    ]).flat();
    for (const { depth, detail } of attempts) {
      const names = members.map(i => {
        const q = qualifier(requests[i], depth, detail);
        return q ? `${requests[i].wanted}-${q}` : requests[i].wanted;
      });
      const distinct = new Set(names.map(sanitizeName)).size;
      if (distinct > bestDistinct) {
        best = names;
        bestDistinct = distinct;
      }
      if (distinct === names.length) break;
    }
    const chosen = best;
    if (chosen) members.forEach((i, j) => (out[i] = chosen[j]));
  }
  return out;
}
