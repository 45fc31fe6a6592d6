import {
  CacheService,
  LoggerService,
  SchedulerService,
} from '@backstage/backend-plugin-api';
import { NotFoundError } from '@backstage/errors';
import { JsonObject } from '@backstage/types';
import {
  DriftItem,
  DriftTargetState,
  TargetStatusWithAdditions,
} from '@internal/backstage-plugin-rollout-status-common';
import {
  RolloutStatusCheck,
  BootHistory,
  RolloutStatusConfig,
  SharedReads,
  collectReadings,
  evaluateTarget,
} from '@internal/backstage-plugin-rollout-status-node';
import { ageStatus, pendingStatus } from './ageStatus';
import { RolloutStatusService } from './types';

const cacheKey = (targetId: string) => `status:${targetId}`;

/**
 * Polls each target on a global scheduled task (one backend instance polls
 * however many replicas run) and keeps the result in the cache. Viewers only
 * read the cache, so any number of them costs one upstream read per source
 * per interval.
 */
export async function createRolloutStatusService(options: {
  config: RolloutStatusConfig;
  cache: CacheService;
  scheduler: SchedulerService;
  logger: LoggerService;
  additionalChecks: RolloutStatusCheck[];
}): Promise<RolloutStatusService> {
  const { config, cache, scheduler, logger, additionalChecks } = options;
  // Keep results a while past staleness so the page shows "stale", not "pending".
  const ttlMs = config.staleAfterSeconds * 2 * 1000;

  // One LIST per kind per namespace per interval, shared by every target.
  const reads = new SharedReads((config.intervalSeconds * 1000) / 2);
  for (const [index, target] of config.targets.entries()) {
    const taskLogger = logger.child({ target: target.id });
    const bootHistory = new BootHistory();
    await scheduler.scheduleTask({
      id: `rollout-status-poll-${target.id}`,
      scope: 'global',
      frequency: { seconds: config.intervalSeconds },
      timeout: { milliseconds: Math.max(config.deadlineMs * 4, 10_000) },
      fn: async () => {
        const readings = await collectReadings(target, {
          deadlineMs: config.deadlineMs,
          logger: taskLogger,
          targetIndex: index,
          reads,
        });
        const status = evaluateTarget(target, readings, {
          additionalChecks,
          bootHistory,
        });
        await cache.set(
          cacheKey(target.id),
          JSON.parse(JSON.stringify(status)),
          { ttl: ttlMs },
        );
        taskLogger.debug('rollout-status polled', {
          preflight: status.preflight.verdict,
          mode: status.mode,
        });
      },
    });
  }

  const recent = new Map<
    string,
    { second: number; status: TargetStatusWithAdditions }
  >();

  const service: RolloutStatusService = {
    async listDrift() {
      // Only derived targets know what the Terraform declares.
      const derived = config.targets.filter(t => t.derived);
      const statuses = await Promise.all(
        derived.map(t => service.getStatus(t.id)),
      );
      const targets: DriftTargetState[] = [];
      const items = statuses.flatMap((status, index) => {
        const spec = derived[index].derived!;
        const drift = status.checks.find(c => c.id === 'drift');
        targets.push({
          targetId: status.targetId,
          stack: spec.stack,
          namespace: spec.namespace,
          workloads: spec.workloads
            .filter(w => w.kind === 'deployment')
            .map(w => w.name),
          // A target whose checks do not include drift yet (not polled) is
          // unknown, never "no drift".
          verdict: drift?.verdict ?? 'unknown',
          summary:
            drift?.summary ??
            `not compared yet (the target's checks do not include drift: ${
              status.checks[0]?.summary ?? 'not polled yet'
            })`,
          observedAt: drift?.observedAt ?? status.generatedAt,
          ...(drift?.ageSeconds !== undefined
            ? { ageSeconds: drift.ageSeconds }
            : {}),
          sources: drift?.sources ?? status.checks[0]?.sources ?? [],
        });
        const found = (drift?.data?.items ?? []) as DriftItem[];
        return found.map(item => ({ ...item, observedAt: drift!.observedAt }));
      });
      // Newest live change first; items without a recorded writer last.
      items.sort((a, b) =>
        (b.changedBy?.time ?? '').localeCompare(a.changedBy?.time ?? ''),
      );
      return { items, targets };
    },
    listTargets(filter) {
      return {
        targets: config.targets
          .filter(
            t => !filter?.entityRef || t.entityRefs.includes(filter.entityRef),
          )
          .map(t => ({
            targetId: t.id,
            title: t.title,
            mode: t.snapshot ? 'snapshot' : 'live',
            entityRefs: t.entityRefs,
          })),
      };
    },
    async getStatus(targetId) {
      const target = config.targets.find(t => t.id === targetId);
      if (!target) {
        throw new NotFoundError(`No rollout-status target "${targetId}"`);
      }
      const now = new Date();
      // Ages have one-second resolution, so within a second every viewer
      // gets the same answer: read and age once, not once per viewer.
      const second = Math.floor(now.getTime() / 1000);
      const memo = recent.get(targetId);
      if (memo && memo.second === second) return memo.status;
      const cached = await cache.get<JsonObject>(cacheKey(targetId));
      // The poller above is the only writer of this key.
      const status = cached
        ? ageStatus(cached as unknown as TargetStatusWithAdditions, {
            now,
            staleAfterSeconds: config.staleAfterSeconds,
          })
        : pendingStatus(target, now);
      recent.set(targetId, { second, status });
      return status;
    },
  };
  return service;
}
