import { CheckId } from '@internal/backstage-plugin-rollout-status-common';
import { CheckFunction } from '../engine/types';
import { dbConnectionsCheck } from './dbConnections';
import { driftCheck } from './drift';
import { lockHoldersCheck } from './lockHolders';
import { pdbCheck } from './pdb';
import { poolCheck } from './pool';
import { probeKillsCheck } from './probeKills';
import { authentikReadyCheck, forwardAuthCheck } from './probes';
import { replicasCheck } from './replicas';
import { rolloutCheck } from './rollout';
import { sessionStoreCheck } from './sessionStore';
import { versionPinCheck } from './versionPin';

/** The built-in checks, in the order the page shows them. */
export const BUILT_IN_CHECKS: Record<CheckId, CheckFunction> = {
  replicas: replicasCheck,
  pdb: pdbCheck,
  rollout: rolloutCheck,
  'probe-kills': probeKillsCheck,
  'version-pin': versionPinCheck,
  pool: poolCheck,
  'lock-holders': lockHoldersCheck,
  'db-connections': dbConnectionsCheck,
  'session-store': sessionStoreCheck,
  'authentik-ready': authentikReadyCheck,
  'forward-auth': forwardAuthCheck,
  drift: driftCheck,
};

export { preflight } from './preflight';
