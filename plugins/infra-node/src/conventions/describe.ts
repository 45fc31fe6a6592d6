import { isUnresolved } from '../hcl/values';
import type { CronJobModel, Val, WorkloadModel } from '../model/types';
import type { HitTarget } from './types';

/** A resolved value as text; undefined when absent or unresolved. */
export function textOf(v: Val<unknown> | undefined): string | undefined {
  if (v === undefined || isUnresolved(v)) return undefined;
  return typeof v === 'string' ? v : String(v);
}

/** `kubernetes_deployment.web (web in shop)`: the address, then name and namespace when known. */
export function describeObject(o: {
  address: string;
  name: Val<string>;
  namespace?: Val<string>;
  instance?: { address: string };
}): string {
  const address = o.instance?.address ?? o.address;
  const name = textOf(o.name);
  const ns = textOf(o.namespace);
  return `${address}${name ? ` (${name}${ns ? ` in ${ns}` : ''})` : ''}`;
}

/** What policy entries match a workload or cron job against. */
export function targetOf(
  o: WorkloadModel | CronJobModel,
  container?: string,
): HitTarget {
  const addresses = [o.address];
  if (o.instance && o.instance.address !== o.address)
    addresses.push(o.instance.address);
  return { stack: o.stack, addresses, name: textOf(o.name), container };
}

/** `1 replica`, `3 replicas`. */
export function plural(n: number, word: string): string {
  return `${n} ${word}${n === 1 ? '' : 's'}`;
}
