import { CheckFunction } from '../engine/types';
import { requireReadings, result } from './helpers';

/**
 * Check 10a: authentik's readiness endpoint. 200 is ok; any other answer is
 * critical (authentik says it cannot serve); no answer is unknown, because a
 * probe that cannot reach authentik may be our network, not authentik.
 */
export const authentikReadyCheck: CheckFunction = ({ readings }) => {
  const id = 'authentik-ready';
  const got = requireReadings(
    id,
    { readyProbe: readings.readyProbe },
    readings.evaluatedAt,
  );
  if (!got.ok) return got.result;
  const probe = got.data.readyProbe;
  const ok = probe.status === 200;
  return result({
    id,
    verdict: ok ? 'ok' : 'critical',
    summary: ok
      ? `Readiness answered 200 in ${probe.elapsedMs} ms`
      : `Readiness answered HTTP ${probe.status}`,
    reasons: ok
      ? []
      : [
          `${probe.url} answered ${probe.status}: authentik reports it cannot serve`,
        ],
    evidence: [
      {
        label: 'answer',
        value: `HTTP ${probe.status} in ${probe.elapsedMs} ms`,
      },
    ],
    used: got.used,
    evaluatedAt: readings.evaluatedAt,
    data: { status: probe.status, elapsedMs: probe.elapsedMs },
  });
};

/**
 * Check 10b: a cookie-less GET to a forward-auth protected host, redirects
 * not followed. A redirect to the outpost's login start is healthy. 400 is
 * the session-store failure signature (critical). 5xx means forward-auth is
 * failing for everyone (critical). A 2xx means the host served without auth
 * (warn: the probe URL may not be protected). A redirect elsewhere or 401/403
 * is warn. No answer within the deadline is unknown.
 */
export const forwardAuthCheck: CheckFunction = ({ target, readings }) => {
  const id = 'forward-auth';
  const got = requireReadings(
    id,
    { forwardAuthProbe: readings.forwardAuthProbe },
    readings.evaluatedAt,
  );
  if (!got.ok) return got.result;
  const probe = got.data.forwardAuthProbe;
  const marker =
    target.http?.loginLocationContains ?? '/outpost.goauthentik.io/';
  const redirect = probe.status >= 300 && probe.status < 400;
  let verdict: 'ok' | 'warn' | 'critical';
  let summary: string;
  if (redirect && probe.location?.includes(marker)) {
    verdict = 'ok';
    summary = `HTTP ${probe.status} to the login, as expected without a cookie`;
  } else if (probe.status === 400) {
    verdict = 'critical';
    summary =
      'HTTP 400 instead of a redirect to the login: the outpost cannot store sessions (check /dev/shm)';
  } else if (probe.status >= 500) {
    verdict = 'critical';
    summary = `HTTP ${probe.status}: forward-auth is failing`;
  } else if (redirect) {
    verdict = 'warn';
    summary = `HTTP ${probe.status} to ${
      probe.location ?? '(no Location)'
    }, not to the login (expected "${marker}")`;
  } else {
    verdict = 'warn';
    summary = `HTTP ${probe.status} without a cookie: expected a redirect to the login`;
  }
  return result({
    id,
    verdict,
    summary,
    reasons: verdict === 'ok' ? [] : [summary],
    evidence: [
      {
        label: 'answer',
        value: `HTTP ${probe.status} in ${probe.elapsedMs} ms`,
      },
      ...(probe.location
        ? [{ label: 'Location', value: probe.location.split('?')[0] }]
        : []),
    ],
    used: got.used,
    evaluatedAt: readings.evaluatedAt,
    data: { status: probe.status, elapsedMs: probe.elapsedMs },
  });
};
