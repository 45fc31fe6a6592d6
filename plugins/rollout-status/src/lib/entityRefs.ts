import { TargetSummary } from '@internal/backstage-plugin-rollout-status-common';

/**
 * Targets that belong to an entity. Entity refs compare case-insensitively
 * in Backstage, and config authors write them in either case.
 */
export function targetsForEntity(
  targets: TargetSummary[],
  entityRef: string,
): TargetSummary[] {
  const wanted = entityRef.toLocaleLowerCase('en-US');
  return targets.filter(target =>
    target.entityRefs.some(ref => ref.toLocaleLowerCase('en-US') === wanted),
  );
}
