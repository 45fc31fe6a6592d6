import {
  AdditionalCheckResult,
  CheckResult,
  CHECKS,
  CheckId,
  DataSource,
  Evidence,
  PreflightResult,
  TargetListResponse,
  TargetStatusWithAdditions,
  TargetSummary,
  Verdict,
} from '@internal/backstage-plugin-rollout-status-common';

/**
 * A check as the UI shows it: one of ours, or one another plugin added
 * (which brings its own title and has no runbook entry here).
 */
export type DisplayCheck = Omit<CheckResult, 'id'> & {
  id: string;
  title?: string;
};

/**
 * Runtime checks for what the backend sends. The backend is built in
 * parallel and may drift from the contract; a malformed body must become a
 * visible error or an `unknown` verdict, never a crash or a green card.
 */

const VERDICTS: readonly Verdict[] = ['ok', 'warn', 'critical', 'unknown'];

type Json = Record<string, unknown>;

function isObject(value: unknown): value is Json {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function asString(value: unknown, fallback: string): string {
  return typeof value === 'string' ? value : fallback;
}

function asStringArray(value: unknown): string[] {
  return Array.isArray(value)
    ? value.filter((v): v is string => typeof v === 'string')
    : [];
}

/** Thrown when a response body does not have the shape of the contract. */
export class UnexpectedResponseError extends Error {
  constructor(what: string) {
    super(`The rollout-status backend sent an unexpected response: ${what}`);
    this.name = 'UnexpectedResponseError';
  }
}

export function parseTargetList(body: unknown): TargetListResponse {
  if (!isObject(body) || !Array.isArray(body.targets)) {
    throw new UnexpectedResponseError('no "targets" array');
  }
  const targets: TargetSummary[] = body.targets
    .filter(isObject)
    .filter(t => typeof t.targetId === 'string')
    .map(t => ({
      targetId: t.targetId as string,
      title: asString(t.title, t.targetId as string),
      // Anything but an explicit "live" is treated as recorded data.
      mode: t.mode === 'live' ? 'live' : 'snapshot',
      entityRefs: asStringArray(t.entityRefs),
    }));
  return { targets };
}

function parseVerdict(value: unknown): { verdict: Verdict; note?: string } {
  if (typeof value === 'string' && (VERDICTS as string[]).includes(value)) {
    return { verdict: value as Verdict };
  }
  return {
    verdict: 'unknown',
    note: `The backend sent an unrecognised verdict (${JSON.stringify(
      value,
    )}), so it is shown as unknown.`,
  };
}

function parseSource(value: unknown): DataSource | undefined {
  if (!isObject(value) || typeof value.name !== 'string') {
    return undefined;
  }
  return {
    kind: asString(value.kind, 'unknown') as DataSource['kind'],
    name: value.name,
    mode: value.mode === 'live' ? 'live' : 'snapshot',
    file: typeof value.file === 'string' ? value.file : undefined,
  };
}

function parseEvidence(value: unknown): Evidence | undefined {
  if (!isObject(value) || typeof value.label !== 'string') {
    return undefined;
  }
  return { label: value.label, value: String(value.value ?? '') };
}

function parseCheck(value: unknown): CheckResult | undefined {
  if (!isObject(value) || typeof value.id !== 'string') {
    return undefined;
  }
  const { verdict, note } = parseVerdict(value.verdict);
  return {
    id: value.id as CheckId,
    verdict,
    summary: asString(value.summary, ''),
    reasons: [...asStringArray(value.reasons), ...(note ? [note] : [])],
    evidence: Array.isArray(value.evidence)
      ? value.evidence
          .map(parseEvidence)
          .filter((e): e is Evidence => e !== undefined)
      : [],
    sources: Array.isArray(value.sources)
      ? value.sources
          .map(parseSource)
          .filter((s): s is DataSource => s !== undefined)
      : [],
    observedAt: asString(value.observedAt, ''),
    data: isObject(value.data) ? value.data : undefined,
  };
}

function parsePreflight(value: unknown): PreflightResult {
  if (!isObject(value)) {
    throw new UnexpectedResponseError('no "preflight" object');
  }
  const { verdict, note } = parseVerdict(value.verdict);
  return {
    verdict,
    // Only an explicit `true` counts; anything else is "not safe".
    safeToApply: value.safeToApply === true,
    reasons: [...asStringArray(value.reasons), ...(note ? [note] : [])],
    basedOn: asStringArray(value.basedOn) as CheckId[],
  };
}

function parseAdditionalCheck(
  value: unknown,
): AdditionalCheckResult | undefined {
  const check = parseCheck(value);
  if (!check || !isObject(value)) {
    return undefined;
  }
  return { ...check, title: asString(value.title, check.id) };
}

export function parseTargetStatus(body: unknown): TargetStatusWithAdditions {
  if (!isObject(body) || typeof body.targetId !== 'string') {
    throw new UnexpectedResponseError('no "targetId"');
  }
  if (!Array.isArray(body.checks)) {
    throw new UnexpectedResponseError('no "checks" array');
  }
  const snapshot = isObject(body.snapshot)
    ? {
        file: asString(body.snapshot.file, '(file not given)'),
        recordedAt: asString(body.snapshot.recordedAt, ''),
        scenario: asString(body.snapshot.scenario, ''),
      }
    : undefined;
  return {
    targetId: body.targetId,
    title: asString(body.title, body.targetId),
    // A status that carries snapshot details is a snapshot, whatever `mode` says.
    mode: body.mode === 'live' && !snapshot ? 'live' : 'snapshot',
    snapshot,
    generatedAt: asString(body.generatedAt, ''),
    preflight: parsePreflight(body.preflight),
    checks: body.checks
      .map(parseCheck)
      .filter((c): c is CheckResult => c !== undefined),
    additionalChecks: Array.isArray(body.additionalChecks)
      ? body.additionalChecks
          .map(parseAdditionalCheck)
          .filter((c): c is AdditionalCheckResult => c !== undefined)
      : [],
  };
}

/** The catalogue entry for a check id, if the frontend knows it. */
export function checkDefinition(id: string) {
  return Object.prototype.hasOwnProperty.call(CHECKS, id)
    ? CHECKS[id as CheckId]
    : undefined;
}

/** The title to show for a check: its own, the catalogue's, or its id. */
export function checkTitle(check: { id: string; title?: string }): string {
  return check.title ?? checkDefinition(check.id)?.title ?? check.id;
}
