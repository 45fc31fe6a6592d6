import {
  emptyStack,
  unlinkedModel,
  AnubisModel,
  ContainerModel,
  CronJobModel,
  DatabaseModel,
  HelmReleaseModel,
  InfraModel,
  IngressModel,
  PdbModel,
  PoolerModel,
  StackModel,
  WorkloadModel,
} from '@internal/backstage-plugin-infra-node';

/**
 * Small hand-built infra models for the entity builders' tests. Each
 * factory returns a complete object of the model contract with plain
 * defaults; a test overrides only what it is about.
 */

let line = 0;
/** A fresh source line, so ids stay unique within a test. */
const nextLine = () => ++line;

export function aContainer(
  overrides: Partial<ContainerModel> = {},
): ContainerModel {
  return {
    name: 'app',
    image: 'registry.example/app:1.0',
    memoryRequest: '128Mi',
    memoryLimit: '128Mi',
    resourcesAt: { file: 'stacks/app/main.tf', line: 1 },
    env: [],
    ...overrides,
  };
}

export function aWorkload(
  stack: string,
  overrides: Partial<WorkloadModel> = {},
): WorkloadModel {
  const at = { file: `stacks/${stack}/main.tf`, line: nextLine() };
  return {
    id: `${at.file}:${at.line}`,
    stack,
    kind: 'deployment',
    address: `kubernetes_deployment.${stack}`,
    role: 'service',
    name: stack,
    namespace: stack,
    labels: { app: stack },
    podLabels: { app: stack },
    selector: { app: stack },
    replicas: 1,
    containers: [aContainer()],
    volumes: [],
    volumeClaimTemplates: [],
    lifecycle: { ignoreChanges: [], kyvernoMarker: true },
    criticalPath: false,
    liveManaged: [],
    source: at,
    ...overrides,
  };
}

export function aCronJob(
  stack: string,
  overrides: Partial<CronJobModel> = {},
): CronJobModel {
  const at = { file: `stacks/${stack}/backup.tf`, line: nextLine() };
  return {
    id: `${at.file}:${at.line}`,
    stack,
    address: `kubernetes_cron_job_v1.backup`,
    name: `${stack}-backup`,
    namespace: stack,
    schedule: '0 3 * * *',
    containers: [aContainer({ name: 'backup' })],
    volumes: [],
    lifecycle: { ignoreChanges: [], kyvernoMarker: true },
    source: at,
    ...overrides,
  };
}

export function aPdb(
  stack: string,
  overrides: Partial<PdbModel> = {},
): PdbModel {
  const at = { file: `stacks/${stack}/main.tf`, line: nextLine() };
  return {
    id: `${at.file}:${at.line}`,
    stack,
    address: `kubernetes_pod_disruption_budget_v1.${stack}`,
    name: stack,
    namespace: stack,
    minAvailable: 1,
    selector: { app: stack },
    source: at,
    ...overrides,
  };
}

export function anIngress(
  stack: string,
  overrides: Partial<IngressModel> = {},
): IngressModel {
  const at = { file: `stacks/${stack}/main.tf`, line: nextLine() };
  return {
    id: `${at.file}:${at.line}`,
    stack,
    kind: 'factory',
    moduleName: 'ingress',
    namespace: stack,
    host: `${stack}.homelab.example`,
    authTier: 'required',
    authDefaulted: false,
    authComments: [],
    dnsType: 'proxied',
    serviceName: stack,
    port: 80,
    source: at,
    ...overrides,
  };
}

export function anAnubis(
  stack: string,
  overrides: Partial<AnubisModel> = {},
): AnubisModel {
  const at = { file: `stacks/${stack}/main.tf`, line: nextLine() };
  return {
    id: `${at.file}:${at.line}`,
    stack,
    moduleName: 'anubis',
    namespace: stack,
    source: at,
    ...overrides,
  };
}

export function aHelmRelease(
  stack: string,
  overrides: Partial<HelmReleaseModel> = {},
): HelmReleaseModel {
  const at = { file: `stacks/${stack}/main.tf`, line: nextLine() };
  return {
    id: `${at.file}:${at.line}`,
    stack,
    address: `helm_release.${stack}`,
    name: stack,
    namespace: stack,
    chart: stack,
    repository: `https://charts.example/${stack}`,
    version: '1.2.3',
    valuesFiles: [],
    valuesUnresolved: [],
    declared: {},
    workloadIds: [],
    source: at,
    ...overrides,
  };
}

export function aDatabase(
  stack: string,
  overrides: Partial<DatabaseModel> = {},
): DatabaseModel {
  const at = { file: `stacks/${stack}/main.tf`, line: nextLine() };
  return {
    id: `${at.file}:${at.line}`,
    stack,
    engine: 'postgresql',
    role: 'cluster',
    declaredBy: 'cnpg-cluster',
    name: 'pg-cluster',
    namespace: stack,
    hosts: [`pg-cluster-rw.${stack}.svc.cluster.local`],
    instances: 3,
    storage: [],
    source: at,
    ...overrides,
  };
}

export function aPooler(
  workload: WorkloadModel,
  overrides: Partial<PoolerModel> = {},
): PoolerModel {
  return {
    workload,
    settings: { pool_mode: 'transaction' },
    databases: [],
    ...overrides,
  };
}

export function aStack(
  name: string,
  overrides: Partial<StackModel> = {},
): StackModel {
  return {
    ...emptyStack(name),
    files: [`stacks/${name}/main.tf`],
    namespaces: [name],
    ...overrides,
  };
}

export function aModel(
  stacks: StackModel[],
  overrides: Partial<InfraModel> = {},
): InfraModel {
  return unlinkedModel(stacks, {
    fileCount: stacks.reduce((n, s) => n + s.files.length, 0),
    ...overrides,
  });
}
