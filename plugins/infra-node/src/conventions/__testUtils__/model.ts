import { emptyStack, unlinkedModel } from '../../model/buildInfraModel';
import type {
  ContainerModel,
  CronJobModel,
  InfraModel,
  IngressModel,
  LifecycleModel,
  PdbModel,
  PvcModel,
  StackModel,
  WorkloadModel,
} from '../../model/types';

/**
 * Small hand-built models for the rule tests: each test says exactly what
 * the model holds, independent of how the model builder reads Terraform.
 */

const KYVERNO_OK: LifecycleModel = {
  ignoreChanges: ['spec[0].template[0].spec[0].dns_config'],
  kyvernoMarker: true,
};

export function container(p: Partial<ContainerModel> = {}): ContainerModel {
  return {
    name: 'app',
    resourcesAt: { file: 'stacks/shop/main.tf', line: 20 },
    env: [],
    ...p,
  };
}

export function workload(
  p: Omit<Partial<WorkloadModel>, 'name'> & { name: string },
): WorkloadModel {
  const stackName = p.stack ?? 'shop';
  const source = p.source ?? { file: `stacks/${stackName}/main.tf`, line: 10 };
  return {
    id: `${source.file}:${source.line}`,
    stack: stackName,
    kind: 'deployment',
    address: `kubernetes_deployment.${p.name.replace(/-/g, '_')}`,
    role: 'service',
    namespace: stackName,
    labels: {},
    podLabels: {},
    containers: [],
    volumes: [],
    volumeClaimTemplates: [],
    lifecycle: KYVERNO_OK,
    criticalPath: false,
    liveManaged: [],
    source,
    ...p,
  };
}

export function cronJob(
  p: Omit<Partial<CronJobModel>, 'name'> & { name: string },
): CronJobModel {
  const stackName = p.stack ?? 'shop';
  const source = p.source ?? { file: `stacks/${stackName}/cron.tf`, line: 5 };
  return {
    id: `${source.file}:${source.line}`,
    stack: stackName,
    address: `kubernetes_cron_job_v1.${p.name.replace(/-/g, '_')}`,
    namespace: stackName,
    containers: [],
    volumes: [],
    lifecycle: {
      ignoreChanges: [
        'spec[0].job_template[0].spec[0].template[0].spec[0].dns_config',
      ],
      kyvernoMarker: true,
    },
    source,
    ...p,
  };
}

export function pdb(
  p: Omit<Partial<PdbModel>, 'name'> & { name: string },
): PdbModel {
  const stackName = p.stack ?? 'shop';
  const source = p.source ?? { file: `stacks/${stackName}/pdb.tf`, line: 1 };
  return {
    id: `${source.file}:${source.line}`,
    stack: stackName,
    address: `kubernetes_pod_disruption_budget_v1.${p.name}`,
    source,
    ...p,
  };
}

export function pvc(
  p: Omit<Partial<PvcModel>, 'name'> & { name: string },
): PvcModel {
  const stackName = p.stack ?? 'shop';
  const source = p.source ?? { file: `stacks/${stackName}/pvc.tf`, line: 1 };
  return {
    id: `${source.file}:${source.line}`,
    stack: stackName,
    accessModes: ['ReadWriteOnce'],
    type: 'pvc',
    source,
    ...p,
  };
}

export function ingress(
  p: Omit<Partial<IngressModel>, 'moduleName'> & { moduleName: string },
): IngressModel {
  const stackName = p.stack ?? 'shop';
  const source = p.source ?? { file: `stacks/${stackName}/main.tf`, line: 1 };
  return {
    id: `${source.file}:${source.line}`,
    stack: stackName,
    kind: 'factory',
    host: `${p.moduleName}.example.org`,
    authTier: 'required',
    authDefaulted: false,
    authComments: [],
    serviceName: p.moduleName,
    source,
    ...p,
  };
}

export function stack(
  name: string,
  parts: Partial<StackModel> = {},
): StackModel {
  return { ...emptyStack(name), ...parts };
}

export function model(
  stacks: StackModel[],
  extra: Partial<InfraModel> = {},
): InfraModel {
  return unlinkedModel(stacks, extra);
}
