import { Box, Paper, Typography } from '@material-ui/core';
import {
  checkDefinition,
  checkTitle,
  DisplayCheck,
} from '../../lib/parseResponses';
import { formatTimestamp } from '../../lib/time';
import { VERDICT_STYLES } from '../../lib/verdictStyle';
import { VerdictBadge } from '../VerdictBadge';
import { DataAge } from '../DataAge';
import { SourceList } from '../SourceList';
import { RunbookLink } from '../RunbookLink';
import { EvidenceTable } from '../EvidenceTable';
import { CheckPicture } from '../CheckPicture';

/** Everything about one check, for the page: the question, the answer and why. */
export const CheckDetail = (props: { check: DisplayCheck; now: number }) => {
  const { check, now } = props;
  const definition = checkDefinition(check.id);
  const recorded = check.sources.some(s => s.mode === 'snapshot');
  return (
    <Paper
      variant="outlined"
      component="section"
      aria-label={checkTitle(check)}
      data-testid={`check-detail-${check.id}`}
      style={{
        padding: 12,
        borderLeft: `6px solid ${VERDICT_STYLES[check.verdict].colour}`,
        height: '100%',
      }}
    >
      <Box style={{ display: 'flex', gap: 8, alignItems: 'center' }}>
        <VerdictBadge verdict={check.verdict} />
        <Typography variant="h6" component="h3">
          {checkTitle(check)}
        </Typography>
      </Box>
      {definition && (
        <Typography variant="body2" color="textSecondary">
          {definition.question}
        </Typography>
      )}
      <Typography variant="body1" style={{ margin: '8px 0' }}>
        {check.summary || '(no summary given)'}
      </Typography>
      {check.reasons.length > 0 && (
        <ul aria-label="Reasons" style={{ margin: '4px 0' }}>
          {check.reasons.map((reason, i) => (
            <li key={i}>
              <Typography variant="body2">{reason}</Typography>
            </li>
          ))}
        </ul>
      )}
      <CheckPicture check={check} />
      <EvidenceTable evidence={check.evidence} />
      <Typography variant="caption" component="p" style={{ marginTop: 8 }}>
        {recorded ? '' : 'observed '}
        <DataAge observedAt={check.observedAt} now={now} snapshot={recorded} />
        {check.observedAt ? ` (${formatTimestamp(check.observedAt)})` : ''}
      </Typography>
      <Typography variant="caption" component="p">
        <SourceList sources={check.sources} />
      </Typography>
      <Typography variant="caption" component="p">
        {definition ? (
          <RunbookLink
            runbook={definition.runbook}
            label={`Runbook: ${definition.title}`}
          />
        ) : (
          'No runbook: this check was added by another plugin and is not part of the preflight.'
        )}
      </Typography>
    </Paper>
  );
};
