import {
  CheckResult,
  DriftListResponse,
  TargetStatus,
  TargetStatusWithAdditions,
  TargetSummary,
} from '@internal/backstage-plugin-rollout-status-common';
import { RolloutStatusApi } from '../api/RolloutStatusApi';

/** A fixed clock for tests: 2026-11-22 12:00:00 UTC. */
export const NOW = Date.parse('2026-11-22T12:00:00.000Z');

export function secondsBefore(now: number, seconds: number): string {
  return new Date(now - seconds * 1000).toISOString();
}

export function aCheck(overrides: Partial<CheckResult> = {}): CheckResult {
  return {
    id: 'rollout',
    verdict: 'ok',
    summary: 'Rollout converged: 3/3 updated and ready.',
    reasons: [],
    evidence: [{ label: 'Updated replicas', value: '3/3' }],
    sources: [
      {
        kind: 'kubernetes',
        name: 'deployment authentik/authentik-server',
        mode: 'live',
      },
    ],
    observedAt: secondsBefore(Date.now(), 12),
    ...overrides,
  };
}

export function aStatus(
  overrides: Partial<TargetStatusWithAdditions> = {},
): TargetStatusWithAdditions {
  const observedAt = secondsBefore(Date.now(), 5);
  return {
    targetId: 'authentik',
    title: 'authentik',
    mode: 'live',
    generatedAt: observedAt,
    preflight: {
      verdict: 'ok',
      safeToApply: true,
      reasons: [],
      basedOn: ['pdb', 'rollout', 'version-pin', 'lock-holders'],
    },
    checks: (['pdb', 'rollout', 'version-pin', 'lock-holders'] as const).map(
      id => aCheck({ id, summary: `${id} is fine`, observedAt }),
    ),
    ...overrides,
  };
}

export const AUTHENTIK_TARGET: TargetSummary = {
  targetId: 'authentik',
  title: 'authentik',
  mode: 'live',
  entityRefs: [
    'system:default/authentik',
    'resource:default/authentik-pgbouncer',
  ],
};

/** A fake API answering from fixed values; `jest.fn` so calls can be counted. */
export function fakeApi(options: {
  targets?: TargetSummary[];
  status?: TargetStatus | (() => Promise<TargetStatus>);
  targetsError?: Error;
  drift?: DriftListResponse | (() => Promise<DriftListResponse>);
}): jest.Mocked<RolloutStatusApi> {
  return {
    getTargets: jest.fn(async () => {
      if (options.targetsError) {
        throw options.targetsError;
      }
      return { targets: options.targets ?? [AUTHENTIK_TARGET] };
    }),
    getTargetStatus: jest.fn(async (_targetId: string) => {
      const status = options.status ?? aStatus();
      return typeof status === 'function' ? status() : status;
    }),
    getDrift: jest.fn(async () => {
      const drift = options.drift ?? { items: [], targets: [] };
      return typeof drift === 'function' ? drift() : drift;
    }),
  };
}
