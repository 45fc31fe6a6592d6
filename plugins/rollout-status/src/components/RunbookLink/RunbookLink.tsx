import { Link } from '@backstage/core-components';
import {
  runbookPath,
  RunbookRef,
} from '@internal/backstage-plugin-infra-common';

/** A link to the runbook section (in the portal's TechDocs) for a check. */
export const RunbookLink = (props: { runbook: RunbookRef; label?: string }) => (
  <Link to={runbookPath(props.runbook)}>{props.label ?? 'Runbook'}</Link>
);
