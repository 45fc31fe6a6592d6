import { CheckResult } from '@internal/backstage-plugin-rollout-status-common';
import { BootHistory } from '../checks/bootTime';
import { TargetConfig } from '../config/readRolloutStatusConfig';
import { ProbeAnswer } from '../sources/httpProbe';
import { KubernetesObjects } from '../sources/kubernetes/types';
import { PgBouncerState } from '../sources/pgbouncer';
import { PostgresState } from '../sources/postgres';
import { SourceReading } from '../sources/types';

/** Every source's reading for one target in one poll (absent = not configured). */
export interface TargetReadings {
  mode: 'live' | 'snapshot';
  snapshot?: { file: string; recordedAt: string; scenario: string };
  /**
   * The moment the checks judge at (epoch ms): now for live data, the
   * recording time for a snapshot, so ages and windows stay meaningful.
   */
  evaluatedAt: number;
  kubernetes?: SourceReading<KubernetesObjects>;
  pgbouncer?: SourceReading<PgBouncerState>;
  postgres?: SourceReading<PostgresState>;
  readyProbe?: SourceReading<ProbeAnswer>;
  forwardAuthProbe?: SourceReading<ProbeAnswer>;
}

/** What a check function gets: the readings and the target's settings. */
export interface CheckInput {
  target: TargetConfig;
  readings: TargetReadings;
  /** First Ready per container start across polls (the poller keeps one per target). */
  bootHistory?: BootHistory;
}

export type CheckFunction = (input: CheckInput) => CheckResult;
