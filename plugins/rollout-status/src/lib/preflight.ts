import {
  CheckId,
  CheckResult,
  TargetStatus,
  Verdict,
} from '@internal/backstage-plugin-rollout-status-common';
import {
  ageMs,
  DEFAULT_STALE_AFTER_MS,
  formatAge,
  formatTimestamp,
  isStale,
} from './time';
import { checkDefinition } from './parseResponses';

/** The answer shown to "Safe to roll <target> now?". */
export interface PreflightAnswer {
  headline: 'Yes' | 'No' | 'Not live' | 'Not confirmed';
  /** Drives the colour; `unknown` (grey) whenever we cannot vouch for "now". */
  verdict: Verdict;
  reasons: string[];
  /**
   * Set for a snapshot: what the preflight said when it was recorded. It
   * colours the answer, beside a "not live" mark, so a recorded boot storm
   * reads red and a recorded healthy state green, while `verdict` stays
   * unknown: neither says anything about the cluster now.
   */
  recorded?: RecordedAnswer;
}

/** A snapshot's preflight as it was recorded, with where and when. */
export interface RecordedAnswer {
  safe: boolean;
  verdict: Verdict;
  /** ISO 8601, when the snapshot says it was recorded. */
  recordedAt?: string;
  /** The snapshot file, as the backend names it. */
  file?: string;
}

/**
 * The colour of a recorded or live preflight: "not safe" with an ok verdict
 * is inconsistent, so it shows neutral rather than green.
 */
function preflightColour(preflight: TargetStatus['preflight']): Verdict {
  if (!preflight.safeToApply && preflight.verdict === 'ok') return 'unknown';
  return preflight.verdict;
}

/**
 * Turns the backend's preflight into an answer for a person about to apply.
 * The backend decides safe/not safe; the frontend only refuses to say "Yes"
 * when it cannot vouch that the verdict describes the cluster right now:
 * a snapshot, data older than the stale limit, or a preflight check missing
 * from the response or not `ok`.
 */
export function answerPreflight(
  status: TargetStatus,
  now: number,
  staleAfterMs: number = DEFAULT_STALE_AFTER_MS,
): PreflightAnswer {
  const { preflight } = status;
  const titleOf = (id: CheckId) => checkDefinition(id)?.title ?? id;
  const results = preflight.basedOn.map(id =>
    status.checks.find(c => c.id === id),
  );
  const missing = preflight.basedOn.filter((_, i) => !results[i]);
  const missingReasons = missing.map(
    id => `No result for ${titleOf(id)}: it cannot count as safe.`,
  );

  if (status.mode === 'snapshot') {
    const recorded = status.snapshot?.recordedAt
      ? formatTimestamp(status.snapshot.recordedAt)
      : 'an unknown time';
    return {
      headline: 'Not live',
      verdict: 'unknown',
      recorded: {
        safe: preflight.safeToApply,
        verdict: preflightColour(preflight),
        recordedAt: status.snapshot?.recordedAt,
        file: status.snapshot?.file,
      },
      reasons: [
        `This is a snapshot recorded at ${recorded}; it says nothing about the cluster now.`,
        `The recorded verdict was: ${
          preflight.safeToApply ? 'safe' : 'not safe'
        }.`,
        ...preflight.reasons,
      ],
    };
  }

  // Belt and braces: a preflight check that is not `ok` (unknown included)
  // blocks "Yes" even if the backend were to say safe.
  const notOk = results.filter(
    (r): r is CheckResult => r !== undefined && r.verdict !== 'ok',
  );
  const notOkReasons = preflight.safeToApply
    ? notOk.map(
        r =>
          `${titleOf(r.id)} is ${r.verdict}${
            r.summary ? `: ${r.summary}` : ''
          }`,
      )
    : [];
  const basedOnNothing = preflight.basedOn.length === 0;
  const safe =
    !basedOnNothing &&
    preflight.safeToApply &&
    preflight.verdict === 'ok' &&
    missing.length === 0 &&
    notOk.length === 0;
  if (!safe) {
    const reasons = [
      ...preflight.reasons,
      ...missingReasons,
      ...notOkReasons,
      ...(basedOnNothing
        ? ['The preflight names no checks it is based on.']
        : []),
    ];
    return {
      headline: 'No',
      // "Not safe" with an ok verdict is inconsistent: show it neutral.
      verdict: preflight.verdict === 'ok' ? 'unknown' : preflight.verdict,
      reasons: reasons.length
        ? reasons
        : ['The backend did not say why; treat it as not safe.'],
    };
  }

  const ages = results.map(r => (r ? ageMs(r.observedAt, now) : undefined));
  const oldest = ages.reduce<number | undefined>(
    (worst, age) =>
      age === undefined || worst === undefined
        ? undefined
        : Math.max(worst, age),
    0,
  );
  if (isStale(oldest, staleAfterMs)) {
    return {
      headline: 'Not confirmed',
      verdict: 'unknown',
      reasons: [
        oldest === undefined
          ? 'A check behind this verdict has no valid observation time.'
          : `The oldest check behind this verdict was observed ${formatAge(
              oldest,
            )}; refresh before applying.`,
      ],
    };
  }
  return { headline: 'Yes', verdict: 'ok', reasons: preflight.reasons };
}
