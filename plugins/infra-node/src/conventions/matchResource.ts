import type { ResourceMatch } from './policy';
import type { HitTarget } from './types';

/** True when every field the entry gives matches the target. */
export function matchesResource(
  match: ResourceMatch,
  target: HitTarget,
): boolean {
  if (match.stack !== undefined && match.stack !== target.stack) return false;
  if (match.address !== undefined && !target.addresses.includes(match.address))
    return false;
  if (
    match.name !== undefined &&
    (target.name === undefined || !match.name.test(target.name))
  )
    return false;
  return (
    match.stack !== undefined ||
    match.address !== undefined ||
    match.name !== undefined
  );
}
