import { Box, Typography } from '@material-ui/core';
import {
  checkDefinition,
  checkTitle,
  DisplayCheck,
} from '../../lib/parseResponses';
import { VerdictBadge } from '../VerdictBadge';
import { DataAge } from '../DataAge';
import { SourceList } from '../SourceList';
import { RunbookLink } from '../RunbookLink';

/** One check on one line-ish: verdict, title, summary, age, source, runbook. */
export const CheckSummaryRow = (props: {
  check: DisplayCheck;
  now: number;
}) => {
  const { check, now } = props;
  const definition = checkDefinition(check.id);
  const recorded = check.sources.some(s => s.mode === 'snapshot');
  return (
    <Box
      component="li"
      data-testid={`check-${check.id}`}
      style={{
        display: 'flex',
        gap: 12,
        padding: '6px 0',
        alignItems: 'baseline',
      }}
    >
      <VerdictBadge verdict={check.verdict} />
      <Box style={{ flex: 1, minWidth: 0 }}>
        <Typography variant="subtitle2" component="span">
          {checkTitle(check)}
        </Typography>
        <Typography variant="body2">
          {check.summary || '(no summary given)'}
        </Typography>
        {check.verdict !== 'ok' && check.reasons.length > 0 && (
          <Typography variant="body2" color="textSecondary">
            {check.reasons.join(' ')}
          </Typography>
        )}
        <Typography variant="caption" component="p">
          <DataAge
            observedAt={check.observedAt}
            now={now}
            snapshot={recorded}
          />
          {' · '}
          <SourceList sources={check.sources} />
          {' · '}
          {definition ? (
            <RunbookLink
              runbook={definition.runbook}
              label={`Runbook: ${definition.title}`}
            />
          ) : (
            'no runbook (check added by another plugin)'
          )}
        </Typography>
      </Box>
    </Box>
  );
};
