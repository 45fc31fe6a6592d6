import { Content, Progress } from '@backstage/core-components';
import { useApi } from '@backstage/frontend-plugin-api';
import { Typography } from '@material-ui/core';
import { rolloutStatusApiRef } from '../../api/RolloutStatusApi';
import { usePolled } from '../../hooks/usePolled';
import { useNow } from '../../hooks/useNow';
import { REFRESH_INTERVAL_MS } from '../../lib/time';
import { ErrorNotice } from '../ErrorNotice';
import { RefreshStatus } from '../RefreshStatus';
import { DriftTable, DriftTargetState } from '../DriftTable';

/**
 * Every field where what runs differs from the Terraform, newest live
 * change first, and above it each compared target with the state of its
 * data: a target that could not be read is unknown, with the reason, never
 * an empty "no drift".
 */
export const DriftPage = () => {
  const api = useApi(rolloutStatusApiRef);
  const drift = usePolled(() => api.getDrift(), REFRESH_INTERVAL_MS, 'drift');
  const now = useNow();
  const value = drift.value;
  const notOk = value?.targets.filter(t => t.verdict !== 'ok') ?? [];
  return (
    <Content>
      <Typography variant="h5" component="h1" gutterBottom>
        Declared vs live (drift)
      </Typography>
      <Typography variant="body2" color="textSecondary" paragraph>
        What the cluster runs against what the Terraform declares. DRIFT is
        reverted by the next apply: codify it in the named file and line, or
        apply to revert it (runbook: docs/runbooks/drift.md). MANAGED fields are
        handed to Keel or an autoscaler on purpose.
      </Typography>
      {drift.loading && <Progress />}
      {drift.error && (
        <ErrorNotice
          what={value ? 'the latest drift (showing older data)' : 'drift'}
          error={drift.error}
        />
      )}
      {value && drift.fetchedAt && (
        <RefreshStatus fetchedAt={drift.fetchedAt} now={now} />
      )}
      {value && value.targets.length === 0 && (
        <Typography variant="body1">
          No target compares declared and live: set rolloutStatus.derive in
          app-config.yaml (docs/rollout-status.md).
        </Typography>
      )}
      {value && (
        <>
          <Typography variant="h6" component="h2">
            {value.items.length} item(s) across {value.targets.length} compared
            namespace(s)
          </Typography>
          {value.items.length > 0 && (
            <DriftTable items={value.items} now={now} showWorkload />
          )}
          <Typography variant="h6" component="h2" style={{ marginTop: 16 }}>
            Compared targets ({notOk.length} not OK)
          </Typography>
          {value.targets.map(t => (
            <DriftTargetState key={t.targetId} state={t} now={now} />
          ))}
        </>
      )}
    </Content>
  );
};
