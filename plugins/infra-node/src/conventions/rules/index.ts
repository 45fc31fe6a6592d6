import type { ConventionRule } from '../types';
import { authJustificationRule } from './authJustification';
import { criticalPathPdbRule } from './criticalPathPdb';
import { criticalPathReplicasRule } from './criticalPathReplicas';
import { kyvernoLifecycleRule } from './kyvernoLifecycle';
import { memoryRequestEqualsLimitRule } from './memoryRequestEqualsLimit';
import { noCpuLimitRule } from './noCpuLimit';
import { parseErrorRule } from './parseError';
import { rwoRecreateStrategyRule } from './rwoRecreateStrategy';

/** Every convention the portal checks, one module each. */
export const CONVENTION_RULES: ReadonlyArray<ConventionRule> = [
  parseErrorRule,
  criticalPathReplicasRule,
  criticalPathPdbRule,
  authJustificationRule,
  kyvernoLifecycleRule,
  memoryRequestEqualsLimitRule,
  noCpuLimitRule,
  rwoRecreateStrategyRule,
];
