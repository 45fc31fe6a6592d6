import { Link } from '@backstage/core-components';
import Box from '@material-ui/core/Box';
import Chip from '@material-ui/core/Chip';
import Typography from '@material-ui/core/Typography';
import {
  FINDING_RULES,
  InfraAllowedFinding,
  InfraFinding,
  runbookPath,
} from '@internal/backstage-plugin-infra-common';

/** The infra docs' own page for a runbook, linked beside the portal's. */
export interface RunbookCounterpartLink {
  title: string;
  path: string;
}

/** `file:line` (a link when the repo's web address is known), then the rule's runbook and the infra's own. */
function WhereAndRunbook(props: {
  file: string;
  line: number;
  fileUrl?: string;
  runbook: string;
  counterpart?: RunbookCounterpartLink;
}) {
  const location = (
    <code>
      {props.file}:{props.line}
    </code>
  );
  return (
    <Typography variant="body2" color="textSecondary">
      {props.fileUrl ? <Link to={props.fileUrl}>{location}</Link> : location}
      {' · '}
      <Link to={props.runbook}>Runbook</Link>
      {props.counterpart && (
        <>
          {' · '}
          <Link to={props.counterpart.path}>
            Infra docs: {props.counterpart.title}
          </Link>
        </>
      )}
    </Typography>
  );
}

/** One convention finding: what is wrong, how to fix it, where, and the runbook. */
export function FindingItem(props: {
  finding: InfraFinding;
  /** Browser URL of `file` at `line`, when the repo's web address is known. */
  fileUrl?: string;
  /** The infra docs' counterpart of the rule's runbook, when there is one. */
  counterpart?: RunbookCounterpartLink;
}) {
  const { rule, severity, message, fix, file, line } = props.finding;
  const ruleInfo = FINDING_RULES[rule];
  return (
    <Box component="li" mb={2}>
      <Box display="flex" alignItems="center" style={{ gap: 8 }}>
        <Chip
          size="small"
          label={severity}
          color={severity === 'error' ? 'secondary' : 'default'}
          variant={severity === 'info' ? 'outlined' : 'default'}
        />
        <Typography variant="subtitle2" component="span">
          {ruleInfo.title}
        </Typography>
      </Box>
      <Typography variant="body2">{message}</Typography>
      <Typography variant="body2">
        <strong>Fix:</strong> {fix}
      </Typography>
      <WhereAndRunbook
        file={file}
        line={line}
        fileUrl={props.fileUrl}
        runbook={runbookPath(ruleInfo.runbook)}
        counterpart={props.counterpart}
      />
    </Box>
  );
}

/** A convention the policy allows here on purpose: the rule, why, and what would have been reported. */
export function AllowedItem(props: {
  allowed: InfraAllowedFinding;
  fileUrl?: string;
}) {
  const { rule, reason, message, file, line } = props.allowed;
  const ruleInfo = FINDING_RULES[rule];
  return (
    <Box component="li" mb={2}>
      <Box display="flex" alignItems="center" style={{ gap: 8 }}>
        <Chip size="small" label="allowed" variant="outlined" />
        <Typography variant="subtitle2" component="span">
          {ruleInfo.title}
        </Typography>
      </Box>
      <Typography variant="body2">
        <strong>Allowed:</strong> {reason}
      </Typography>
      <Typography variant="body2" color="textSecondary">
        {message}
      </Typography>
      <WhereAndRunbook
        file={file}
        line={line}
        fileUrl={props.fileUrl}
        runbook={runbookPath(ruleInfo.runbook)}
      />
    </Box>
  );
}
