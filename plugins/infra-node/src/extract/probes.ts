import { HclBlock } from '../hcl/types';
import type { Scope } from '../eval/scope';
import { first, num } from '../model/blocks';
import { ContainerProbes, ProbeModel } from '../model/types';
import { at } from './context';

const HANDLERS = [
  ['http_get', 'http-get'],
  ['tcp_socket', 'tcp-socket'],
  ['exec', 'exec'],
  ['grpc', 'grpc'],
] as const;

function readProbe(
  block: HclBlock | undefined,
  scope: Scope,
): ProbeModel | undefined {
  if (!block) return undefined;
  const handler = HANDLERS.find(([type]) => first(block, type, scope))?.[1];
  const probe: ProbeModel = { at: at(block) };
  if (handler) probe.handler = handler;
  const fields = [
    ['initial_delay_seconds', 'initialDelaySeconds'],
    ['period_seconds', 'periodSeconds'],
    ['timeout_seconds', 'timeoutSeconds'],
    ['failure_threshold', 'failureThreshold'],
    ['success_threshold', 'successThreshold'],
  ] as const;
  for (const [hcl, key] of fields) {
    const v = num(block, hcl, scope);
    if (v !== undefined) probe[key] = v;
  }
  return probe;
}

/**
 * A container block's probes, with the line each is written at: what the
 * rollout checks compare with the live pod template (a `kubectl patch` of a
 * probe that never reached the `.tf` file is reverted by the next apply).
 */
export function readProbes(
  container: HclBlock,
  scope: Scope,
): ContainerProbes | undefined {
  const probes: ContainerProbes = {};
  const liveness = readProbe(first(container, 'liveness_probe', scope), scope);
  const readiness = readProbe(
    first(container, 'readiness_probe', scope),
    scope,
  );
  const startup = readProbe(first(container, 'startup_probe', scope), scope);
  if (liveness) probes.liveness = liveness;
  if (readiness) probes.readiness = readiness;
  if (startup) probes.startup = startup;
  return Object.keys(probes).length ? probes : undefined;
}
