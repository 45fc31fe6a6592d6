import {
  RolloutStatusConfig,
  TargetConfig,
} from '../config/readRolloutStatusConfig';
import { DEFAULT_THRESHOLDS } from '../config/schema';
import { DEFAULT_WORKLOADS } from '../sources/kubernetes/defaults';
import { deriveTargets } from './deriveTargets';

/**
 * The configured targets with the derived ones merged in. A configured
 * target whose id is a derived target's id overrides it with credentials
 * (PgBouncer, PostgreSQL, HTTP probes), thresholds, title and entity refs;
 * the names it checks still come from the Terraform. Snapshot targets and
 * configured targets without a derived twin are kept as they are.
 */
export function withDerivedTargets(
  config: RolloutStatusConfig,
  derived: ReturnType<typeof deriveTargets>,
): RolloutStatusConfig {
  const derive = config.derive;
  if (!derive) return config;
  const excluded = new Set(derive.excludeStacks);
  const byId = new Map(config.targets.map(t => [t.id, t]));
  const merged: TargetConfig[] = [];
  const usedOverrides = new Set<string>();
  for (const d of derived) {
    if (excluded.has(d.spec.stack)) continue;
    const override = byId.get(d.id);
    if (override?.snapshot) continue;
    if (override) usedOverrides.add(override.id);
    merged.push({
      id: d.id,
      title: override?.title ?? d.title,
      entityRefs: override?.entityRefs.length
        ? override.entityRefs
        : [`system:default/${d.spec.stack}`],
      thresholds: override?.thresholds ?? { ...DEFAULT_THRESHOLDS },
      pgbouncer: override?.pgbouncer,
      postgres: override?.postgres,
      http: override?.http,
      kubernetes: {
        namespace: d.spec.namespace,
        helmRelease:
          d.spec.helmReleases[0]?.name ??
          override?.kubernetes?.helmRelease ??
          'goauthentik',
        workloads: override?.kubernetes?.workloads ?? DEFAULT_WORKLOADS,
        connection: override?.kubernetes?.connection ?? derive.connection,
      },
      derived: d.spec,
      sourceLabel: derive.label,
    });
  }
  return {
    ...config,
    targets: [
      ...merged,
      ...config.targets.filter(
        t =>
          t.snapshot ||
          (!usedOverrides.has(t.id) && !merged.some(m => m.id === t.id)),
      ),
    ],
  };
}
