import { CheckFunction } from '../engine/types';
import { Findings, requireReadings, result } from './helpers';

/**
 * Check 8: connections per application vs `max_connections`. The total is
 * what refuses new connections, so the verdict follows the total; the
 * per-application split says who holds them.
 */
export const dbConnectionsCheck: CheckFunction = ({ target, readings }) => {
  const id = 'db-connections';
  const got = requireReadings(
    id,
    { postgres: readings.postgres },
    readings.evaluatedAt,
  );
  if (!got.ok) return got.result;
  const pg = got.data.postgres;
  const byApplication = new Map<string, number>();
  for (const c of pg.connections) {
    byApplication.set(
      c.application,
      (byApplication.get(c.application) ?? 0) + c.count,
    );
  }
  const total = [...byApplication.values()].reduce((a, b) => a + b, 0);
  const percent =
    pg.maxConnections > 0 ? Math.round((total / pg.maxConnections) * 100) : 100;
  const { connectionsWarnPercent, connectionsCriticalPercent } =
    target.thresholds;
  const findings = new Findings();
  const top = [...byApplication.entries()].sort((a, b) => b[1] - a[1]);
  const leader = top[0] ? `; ${top[0][0]} holds ${top[0][1]}` : '';
  if (percent >= connectionsCriticalPercent) {
    findings.add(
      'critical',
      `${total} of ${pg.maxConnections} connections in use (${percent} %)${leader}`,
    );
  } else if (percent >= connectionsWarnPercent) {
    findings.add(
      'warn',
      `${total} of ${pg.maxConnections} connections in use (${percent} %)${leader}`,
    );
  }
  findings.add('ok');
  return result({
    id,
    verdict: findings.verdict,
    summary: findings.summary(
      `${total} of ${pg.maxConnections} connections in use (${percent} %)`,
    ),
    reasons: findings.reasons,
    evidence: top.slice(0, 8).map(([application, count]) => ({
      label: application,
      value: String(count),
    })),
    used: got.used,
    evaluatedAt: readings.evaluatedAt,
    data: {
      maxConnections: pg.maxConnections,
      total,
      percent,
      byApplication: top.map(([application, count]) => ({
        application,
        count,
      })),
    },
  });
};
