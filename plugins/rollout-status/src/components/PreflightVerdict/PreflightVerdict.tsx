import { Box, Typography } from '@material-ui/core';
import {
  PREFLIGHT_RUNBOOK,
  TargetStatus,
} from '@internal/backstage-plugin-rollout-status-common';
import { answerPreflight, PreflightAnswer } from '../../lib/preflight';
import { useStaleAfterMs } from '../../hooks/useStaleAfterMs';
import { checkDefinition } from '../../lib/parseResponses';
import { VERDICT_STYLES } from '../../lib/verdictStyle';
import { ageMs, formatAge, formatTimestamp } from '../../lib/time';
import { VerdictBadge } from '../VerdictBadge';
import { RunbookLink } from '../RunbookLink';

/** "recorded 2026-06-10 22:35:00 UTC (174 d ago) from file boot-storm.json". */
function recordedLine(
  recorded: NonNullable<PreflightAnswer['recorded']>,
  now: number,
): string {
  const age = recorded.recordedAt ? ageMs(recorded.recordedAt, now) : undefined;
  const when = recorded.recordedAt
    ? `Recorded ${formatTimestamp(recorded.recordedAt)}${
        age === undefined ? '' : ` (${formatAge(age)})`
      }`
    : 'Recorded at an unknown time';
  return `${when}${
    recorded.file ? ` from file ${recorded.file}` : ', from an unnamed file'
  }: not the cluster now.`;
}

/**
 * "Live, observed 4 s ago from <source>": for a live answer, when the
 * oldest check behind it was read and from where (a simulated cluster
 * says so in its source name).
 */
function liveLine(status: TargetStatus, now: number): string {
  const behind = status.checks.filter(c =>
    status.preflight.basedOn.includes(c.id),
  );
  const ages = behind.map(c => ageMs(c.observedAt, now));
  const oldest = ages.some(a => a === undefined)
    ? undefined
    : Math.max(0, ...(ages as number[]));
  const sources = [...new Set(behind.flatMap(c => c.sources.map(s => s.name)))];
  const observed =
    behind.length === 0
      ? 'no check behind it was observed'
      : `oldest check observed ${
          oldest === undefined ? 'at an unknown time' : formatAge(oldest)
        }`;
  return `Live data: ${observed}${
    sources.length ? `, from ${sources.join('; ')}` : ''
  }.`;
}

/** Grey and outlined, so it never reads as a verdict of its own. */
const NotLiveChip = () => (
  <span
    data-testid="not-live"
    title="A snapshot: what was recorded, not the cluster now"
    style={{
      display: 'inline-block',
      padding: '1px 7px',
      borderRadius: 4,
      border: `1px dashed ${VERDICT_STYLES.unknown.colour}`,
      color: VERDICT_STYLES.unknown.colour,
      fontWeight: 600,
      fontSize: '0.75rem',
      letterSpacing: '0.04em',
    }}
  >
    Not live
  </span>
);

/** The answer as badges: the live answer, or a recorded one marked "Not live". */
export const PreflightAnswerBadges = (props: { answer: PreflightAnswer }) => {
  const { answer } = props;
  if (!answer.recorded) {
    return <VerdictBadge verdict={answer.verdict} text={answer.headline} />;
  }
  return (
    <>
      <VerdictBadge
        verdict={answer.recorded.verdict}
        text={`Recorded: ${answer.recorded.safe ? 'Yes' : 'No'}`}
      />{' '}
      <NotLiveChip />
    </>
  );
};

/**
 * The question asked before every apply, answered at the top: "Safe to roll
 * <target> now?" with Yes/No (or why we cannot tell), the reasons, and the
 * verdicts of the checks it is based on. A snapshot is coloured by the
 * verdict it recorded, with a dashed edge, a "Not live" mark and its age
 * and file: the answer for now stays unknown.
 */
export const PreflightVerdict = (props: {
  status: TargetStatus;
  now: number;
}) => {
  const { status, now } = props;
  const answer = answerPreflight(status, now, useStaleAfterMs());
  const shown = answer.recorded?.verdict ?? answer.verdict;
  const colour = VERDICT_STYLES[shown].colour;
  return (
    <Box
      data-testid="preflight"
      data-verdict={shown}
      data-mode={answer.recorded ? 'snapshot' : 'live'}
      style={{
        borderLeft: `6px ${answer.recorded ? 'dashed' : 'solid'} ${colour}`,
        paddingLeft: 12,
        margin: '8px 0',
      }}
    >
      <Typography variant="h6" component="p">
        Safe to roll {status.title} now?{' '}
        <PreflightAnswerBadges answer={answer} />
      </Typography>
      <Typography variant="body2" data-testid="answer-source">
        {answer.recorded
          ? recordedLine(answer.recorded, now)
          : liveLine(status, now)}
      </Typography>
      {answer.reasons.length > 0 && (
        <ul aria-label="Preflight reasons" style={{ margin: '4px 0' }}>
          {answer.reasons.map((reason, i) => (
            <li key={i}>
              <Typography variant="body2">{reason}</Typography>
            </li>
          ))}
        </ul>
      )}
      <Typography variant="caption" component="p">
        Based on:{' '}
        {status.preflight.basedOn.map((id, i) => {
          const check = status.checks.find(c => c.id === id);
          return (
            <span key={id}>
              {i > 0 ? ', ' : ''}
              {checkDefinition(id)?.title ?? id} (
              {VERDICT_STYLES[check?.verdict ?? 'unknown'].label})
            </span>
          );
        })}
        {' · '}
        <RunbookLink runbook={PREFLIGHT_RUNBOOK} label="Preflight runbook" />
      </Typography>
    </Box>
  );
};
