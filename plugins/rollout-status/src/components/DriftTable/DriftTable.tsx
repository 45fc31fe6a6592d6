import { Link } from '@backstage/core-components';
import { DriftItem } from '@internal/backstage-plugin-rollout-status-common';
import {
  Table,
  TableBody,
  TableCell,
  TableHead,
  TableRow,
  Typography,
} from '@material-ui/core';
import { ageMs, formatAge, formatTimestamp } from '../../lib/time';
import { VerdictBadge } from '../VerdictBadge';

/**
 * Drift items, one row per field: declared against live, who wrote the
 * live value and when (managedFields), and the `.tf` file and line to
 * change (a link when `linkOf` knows the repo's web address).
 */
export const DriftTable = (props: {
  items: DriftItem[];
  now: number;
  showWorkload?: boolean;
  linkOf?: (item: DriftItem) => string | undefined;
}) => {
  const { items, now, showWorkload, linkOf } = props;
  return (
    <Table size="small" aria-label="declared against live">
      <TableHead>
        <TableRow>
          {showWorkload && <TableCell>Workload</TableCell>}
          <TableCell>Field</TableCell>
          <TableCell>Status</TableCell>
          <TableCell>Declared (Terraform)</TableCell>
          <TableCell>Live</TableCell>
          <TableCell>Last written by</TableCell>
          <TableCell>Change in</TableCell>
        </TableRow>
      </TableHead>
      <TableBody>
        {items.map(item => {
          const age = item.changedBy?.time
            ? ageMs(item.changedBy.time, now)
            : undefined;
          const where = `${item.file}:${item.line}`;
          const href = linkOf?.(item);
          return (
            <TableRow
              key={`${item.targetId}/${item.workload}/${item.field}`}
              data-testid="drift-row"
            >
              {showWorkload && (
                <TableCell>
                  {item.namespace}/{item.workload}
                  {item.criticalPath ? ' (critical path)' : ''}
                </TableCell>
              )}
              <TableCell>{item.field}</TableCell>
              <TableCell>
                {item.status === 'managed' ? (
                  <>
                    <VerdictBadge verdict="ok" text="MANAGED" />
                    <Typography variant="caption" display="block">
                      by design: {item.managedBy}
                    </Typography>
                  </>
                ) : (
                  <VerdictBadge
                    verdict={item.criticalPath ? 'critical' : 'warn'}
                    text="DRIFT"
                  />
                )}
              </TableCell>
              <TableCell>{item.declared}</TableCell>
              <TableCell>{item.live}</TableCell>
              <TableCell>
                {item.changedBy ? (
                  <span
                    title={
                      item.changedBy.time &&
                      formatTimestamp(item.changedBy.time)
                    }
                  >
                    {item.changedBy.manager}
                    {age !== undefined
                      ? `, ${formatAge(age)}`
                      : ', time not recorded'}
                  </span>
                ) : (
                  'not recorded in managedFields'
                )}
              </TableCell>
              <TableCell>
                {href ? <Link to={href}>{where}</Link> : where}
              </TableCell>
            </TableRow>
          );
        })}
      </TableBody>
    </Table>
  );
};
