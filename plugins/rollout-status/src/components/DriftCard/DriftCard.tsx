import { InfoCard, Progress } from '@backstage/core-components';
import { useApi } from '@backstage/frontend-plugin-api';
import { useEntity } from '@backstage/plugin-catalog-react';
import { Typography } from '@material-ui/core';
import { ANNOTATION_SOURCE_LOCATION } from '@backstage/catalog-model';
import { rolloutStatusApiRef } from '../../api/RolloutStatusApi';
import { usePolled } from '../../hooks/usePolled';
import { useNow } from '../../hooks/useNow';
import { fileLink } from '../../lib/driftLinks';
import { entityWorkload } from '../../lib/entityWorkload';
import { REFRESH_INTERVAL_MS } from '../../lib/time';
import { ErrorNotice } from '../ErrorNotice';
import { VerdictBadge } from '../VerdictBadge';
import { DriftTable, DriftTargetState } from '../DriftTable';

/**
 * Declared against live for this entity's workload: its drift and managed
 * fields with who changed them and the `.tf` line to change, under the
 * state of the comparison (unknown with the reason when there is no data).
 */
export const DriftCard = () => {
  const { entity } = useEntity();
  const api = useApi(rolloutStatusApiRef);
  const now = useNow();
  const workload = entityWorkload(entity);
  const drift = usePolled(() => api.getDrift(), REFRESH_INTERVAL_MS, 'drift');
  const title = 'Declared vs live';
  if (!workload) return null;
  const value = drift.value;
  const state = value?.targets.find(
    t =>
      t.namespace === workload.namespace && t.workloads.includes(workload.name),
  );
  const items =
    value?.items.filter(
      i => i.namespace === workload.namespace && i.workload === workload.name,
    ) ?? [];
  const source = entity.metadata.annotations?.[ANNOTATION_SOURCE_LOCATION];
  return (
    <InfoCard
      title={title}
      subheader={`${workload.namespace}/${workload.name}`}
    >
      {drift.loading && <Progress />}
      {drift.error && (
        <ErrorNotice
          what={value ? 'the latest drift (showing older data)' : 'drift'}
          error={drift.error}
        />
      )}
      {value && !state && (
        <Typography
          variant="body2"
          data-testid="drift-target"
          data-verdict="unknown"
        >
          <VerdictBadge verdict="unknown" /> Not compared: no rollout-status
          target reads {workload.namespace}/{workload.name} (the backend
          compares Terraform-declared Deployments of the stacks it derives).
        </Typography>
      )}
      {state && <DriftTargetState state={state} now={now} />}
      {state && state.verdict !== 'unknown' && items.length === 0 && (
        <Typography variant="body2">
          What runs matches the Terraform for this workload.
        </Typography>
      )}
      {items.length > 0 && (
        <DriftTable
          items={items}
          now={now}
          linkOf={i => fileLink(source, workload.declaredFile, i.file, i.line)}
        />
      )}
    </InfoCard>
  );
};
