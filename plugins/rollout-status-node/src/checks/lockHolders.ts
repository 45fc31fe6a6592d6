import { CheckFunction } from '../engine/types';
import { Findings, formatSeconds, requireReadings, result } from './helpers';

/**
 * Check 7: advisory locks held by sessions idle in transaction. authentik's
 * boots serialise on a migration advisory lock; a killed pod can leave its
 * PgBouncer server connection idle in transaction still holding it. Older
 * than the threshold → critical; younger → warn. The query text goes into
 * `data.holders[].query` only; the router removes it for callers without
 * the query-text permission.
 */
export const lockHoldersCheck: CheckFunction = ({ target, readings }) => {
  const id = 'lock-holders';
  const got = requireReadings(
    id,
    { postgres: readings.postgres },
    readings.evaluatedAt,
  );
  if (!got.ok) return got.result;
  const pg = got.data.postgres;
  const threshold = target.thresholds.idleInTransactionSeconds;
  const findings = new Findings();
  for (const holder of pg.lockHolders) {
    findings.add(
      holder.idleSeconds >= threshold ? 'critical' : 'warn',
      `pid ${holder.pid} (${
        holder.applicationName || 'no application_name'
      }) has been idle in transaction for ${formatSeconds(
        holder.idleSeconds,
      )} holding advisory lock ${holder.lockKey}`,
    );
  }
  findings.add('ok');
  return result({
    id,
    verdict: findings.verdict,
    summary: findings.summary(
      'No session idle in transaction holds an advisory lock',
    ),
    reasons: findings.reasons,
    evidence: [
      {
        label: 'idle-in-transaction advisory lock holders',
        value: String(pg.lockHolders.length),
      },
      {
        label: 'sessions waiting for an advisory lock',
        value: String(pg.advisoryWaiters),
      },
      { label: 'threshold', value: formatSeconds(threshold) },
    ],
    used: got.used,
    evaluatedAt: readings.evaluatedAt,
    data: {
      thresholdSeconds: threshold,
      advisoryWaiters: pg.advisoryWaiters,
      holders: pg.lockHolders.map(h => ({
        pid: h.pid,
        applicationName: h.applicationName,
        user: h.user,
        state: h.state,
        idleSeconds: Math.round(h.idleSeconds),
        transactionSeconds: Math.round(h.transactionSeconds),
        lockKey: h.lockKey,
        query: h.query,
      })),
    },
  });
};
