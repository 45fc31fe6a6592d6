import { parseText } from './readValue';

const asObject = (value: unknown): Record<string, unknown> | undefined =>
  typeof value === 'object' && value !== null && !Array.isArray(value)
    ? (value as Record<string, unknown>)
    : undefined;

/** A field something else manages live (`LiveManagedDetails` in infra-common). */
export interface LiveManagedFacts {
  field: string;
  manager: string;
  evidence?: string;
}

/** The live-managed fields of a workload; entries without a field and a manager are dropped. */
export function readLiveManaged(raw: unknown): LiveManagedFacts[] {
  if (!Array.isArray(raw)) return [];
  return raw.flatMap(item => {
    const o = asObject(item);
    const field = parseText(o?.field);
    const manager = parseText(o?.manager);
    return field && manager
      ? [{ field, manager, evidence: parseText(o?.evidence) }]
      : [];
  });
}

/** Who manages a field live, when something does. */
export function liveManagerOf(
  list: LiveManagedFacts[],
  field: string,
): string | undefined {
  return list.find(f => f.field === field)?.manager;
}

/** Which instance of a `count` / `for_each` block an entity is (`InstanceDetails`). */
export interface InstanceFacts {
  address: string;
  key?: string | number;
  countUnknown?: string;
}

export function readInstance(raw: unknown): InstanceFacts | undefined {
  const o = asObject(raw);
  const address = parseText(o?.address);
  if (!o || !address) return undefined;
  const key =
    typeof o.key === 'string' || typeof o.key === 'number' ? o.key : undefined;
  return { address, key, countUnknown: parseText(o.countUnknown) };
}
