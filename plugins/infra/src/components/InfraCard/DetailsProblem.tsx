import Typography from '@material-ui/core/Typography';
import { INFRA_ANNOTATIONS } from '@internal/backstage-plugin-infra-common';
import { InfraField } from '../InfraField';

/**
 * Shown instead of the detail-based fields when the details annotation is
 * absent, unreadable, or describes another kind of object: those facts are
 * unknown, not empty.
 */
export function DetailsProblem(props: {
  /** Why the details cannot be used, e.g. "not valid JSON". */
  reason?: string;
  /** Which facts depend on the details, e.g. "PDB, storage, database and pooler". */
  facts: string;
}) {
  const { reason, facts } = props;
  return (
    <InfraField label="Details">
      <Typography component="span" variant="body2" color="error">
        {reason
          ? `unreadable ${INFRA_ANNOTATIONS.details} annotation (${reason}), so ${facts} are unknown`
          : `missing: no ${INFRA_ANNOTATIONS.details} annotation, so ${facts} are unknown`}
      </Typography>
    </InfraField>
  );
}
