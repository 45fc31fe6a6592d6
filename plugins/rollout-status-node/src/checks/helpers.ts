import {
  CheckId,
  CheckResult,
  DataSource,
  Evidence,
  Verdict,
  VERDICT_SEVERITY,
} from '@internal/backstage-plugin-rollout-status-common';
import { TargetConfig } from '../config/readRolloutStatusConfig';
import { DEFAULT_WORKLOADS } from '../sources/kubernetes/defaults';
import { SourceReading } from '../sources/types';

type AnyReading = SourceReading<unknown>;

/** The worst of several verdicts (critical > warn > unknown > ok). */
export function worst(verdicts: Verdict[]): Verdict {
  return verdicts.reduce<Verdict>(
    (acc, v) => (VERDICT_SEVERITY[v] > VERDICT_SEVERITY[acc] ? v : acc),
    'ok',
  );
}

/** The oldest observation among the readings a check used. */
function oldest(readings: AnyReading[], fallback: number): string {
  const times = readings
    .map(r => Date.parse(r.observedAt))
    .filter(t => !Number.isNaN(t));
  return new Date(times.length ? Math.min(...times) : fallback).toISOString();
}

/**
 * Returns the readings' data when all are present and ok, or an `unknown`
 * result naming what is missing: a check never judges on partial data
 * unless it asks for optional readings separately.
 */
export function requireReadings<
  T extends Record<string, AnyReading | undefined>,
>(
  id: CheckId,
  readings: T,
  evaluatedAt: number,
):
  | {
      ok: true;
      data: {
        [K in keyof T]: T[K] extends SourceReading<infer D> | undefined
          ? D
          : never;
      };
      used: AnyReading[];
    }
  | { ok: false; result: CheckResult } {
  const used: AnyReading[] = [];
  const reasons: string[] = [];
  const data: Record<string, unknown> = {};
  for (const [name, reading] of Object.entries(readings)) {
    if (!reading) {
      reasons.push(`${name} source is not configured for this target`);
      continue;
    }
    used.push(reading);
    if (reading.ok) data[name] = reading.data;
    else reasons.push(reading.reason);
  }
  if (reasons.length) {
    return {
      ok: false,
      result: {
        id,
        verdict: 'unknown',
        summary: `No data: ${reasons[0]}`,
        reasons,
        evidence: [],
        sources: used.map(r => r.source),
        observedAt: oldest(used, evaluatedAt),
      },
    };
  }
  return { ok: true, data: data as never, used };
}

export function result(options: {
  id: CheckId;
  verdict: Verdict;
  summary: string;
  reasons?: string[];
  evidence?: Evidence[];
  used: AnyReading[];
  evaluatedAt: number;
  data?: Record<string, unknown>;
}): CheckResult {
  const sources: DataSource[] = options.used.map(r => r.source);
  return {
    id: options.id,
    verdict: options.verdict,
    summary: options.summary,
    reasons: options.reasons ?? [],
    evidence: options.evidence ?? [],
    sources,
    observedAt: oldest(options.used, options.evaluatedAt),
    data: options.data,
  };
}

/** Deployment names for the target (from its kubernetes config, or the defaults). */
export function workloadNames(target: TargetConfig) {
  return target.kubernetes?.workloads ?? DEFAULT_WORKLOADS;
}

/** The critical-path deployments the replica, PDB and rollout checks cover. */
export function criticalPath(
  target: TargetConfig,
): Array<{ role: string; name: string }> {
  const names = workloadNames(target);
  return [
    { role: 'server', name: names.server },
    { role: 'worker', name: names.worker },
    { role: 'pgbouncer', name: names.pgbouncer },
  ];
}

export function formatSeconds(seconds: number): string {
  if (seconds < 120) return `${Math.round(seconds)} s`;
  if (seconds < 7200) return `${Math.round(seconds / 60)} min`;
  return `${(seconds / 3600).toFixed(1)} h`;
}

/** Verdicts paired with their reasons, so a summary names the worst finding. */
export class Findings {
  private readonly items: Array<{ verdict: Verdict; reason?: string }> = [];

  add(verdict: Verdict, reason?: string): void {
    this.items.push({ verdict, reason });
  }

  get verdict(): Verdict {
    return worst(this.items.map(i => i.verdict));
  }

  /** Reasons, worst first. */
  get reasons(): string[] {
    return [...this.items]
      .filter(i => i.reason)
      .sort((a, b) => VERDICT_SEVERITY[b.verdict] - VERDICT_SEVERITY[a.verdict])
      .map(i => i.reason as string);
  }

  summary(okText: string): string {
    return this.verdict === 'ok' ? okText : this.reasons[0] ?? okText;
  }
}
