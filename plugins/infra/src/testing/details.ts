import {
  PdbDetails,
  PoolerDetails,
  ServiceDetails,
} from '@internal/backstage-plugin-infra-common';

const source = { file: 'stacks/authentik/main.tf', line: 42 };

/** Details of the authentik server as the provider writes them (typed against the contract). */
export function serviceDetails(
  overrides: Partial<ServiceDetails> = {},
): ServiceDetails {
  return {
    kind: 'service',
    stack: 'authentik',
    namespace: 'authentik',
    source,
    workload: 'helm',
    name: 'authentik-server',
    replicas: 3,
    criticalPath: true,
    strategy: 'RollingUpdate',
    memoryRequest: '1Gi',
    memoryLimit: '1Gi',
    cpuRequest: '100m',
    containers: [],
    storage: [
      {
        claimName: 'authentik-media-encrypted',
        storageClass: 'proxmox-lvm-encrypted',
        size: '1Gi',
        accessModes: ['ReadWriteOnce'],
        encrypted: true,
        type: 'pvc',
      },
    ],
    pdb: {
      ref: 'resource:default/authentik-server-pdb',
      name: 'authentik-server',
      minAvailable: 2,
    },
    databases: [],
    poolers: [
      { ref: 'resource:default/authentik-pgbouncer', name: 'pgbouncer' },
    ],
    ingresses: [
      {
        ref: 'resource:default/authentik-ingress',
        name: 'authentik',
        host: 'authentik.example.org',
        authTier: 'none',
        anubis: false,
      },
    ],
    ...overrides,
  };
}

export function pdbDetails(overrides: Partial<PdbDetails> = {}): PdbDetails {
  return {
    kind: 'pod-disruption-budget',
    stack: 'authentik',
    source,
    name: 'pgbouncer',
    minAvailable: 2,
    selector: { app: 'pgbouncer' },
    selects: [
      { ref: 'resource:default/authentik-pgbouncer', name: 'pgbouncer' },
    ],
    ...overrides,
  };
}

export function poolerDetails(
  overrides: Partial<PoolerDetails> = {},
): PoolerDetails {
  return {
    kind: 'connection-pooler',
    stack: 'authentik',
    source,
    workload: 'deployment',
    name: 'pgbouncer',
    replicas: 3,
    criticalPath: true,
    containers: [],
    storage: [],
    settings: {
      pool_mode: 'transaction',
      default_pool_size: 20,
      max_client_conn: 500,
    },
    databases: [
      {
        name: 'authentik',
        host: 'pg-cluster-rw.dbaas.svc.cluster.local',
        target: { ref: 'resource:default/authentik-db', name: 'authentik' },
      },
    ],
    serviceHost: 'pgbouncer.authentik.svc.cluster.local',
    ...overrides,
  };
}
