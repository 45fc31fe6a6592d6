import { createHash } from 'node:crypto';
import { hclString, terraformLabel } from '../hcl/escape';
import { NewAppSpec } from '../spec/types';

/*
 * Names of a new app's resources and the references between them, in one
 * module that every file renderer imports (none of them imports another).
 */

/** `namespace = ...`: the namespace resource when the stack creates it, else the existing one by name. */
export function namespaceRef(spec: NewAppSpec): string {
  return spec.createNamespace
    ? `kubernetes_namespace.${terraformLabel(spec.namespace)}.metadata[0].name`
    : hclString(spec.namespace);
}

/** Kubernetes Secret the database ExternalSecret writes. */
export function dbSecretName(spec: NewAppSpec): string {
  return `${spec.name}-db-creds`;
}

/** Kubernetes Secret the app's Vault KV ExternalSecret writes. */
export function appSecretName(spec: NewAppSpec): string {
  return `${spec.name}-secrets`;
}

/** Claim and resource names of the app's volume, by the infra's naming convention. */
export function storageNames(spec: NewAppSpec): {
  resource: string;
  claim: string;
  storageClass: string;
} {
  return spec.storage?.sensitive === false
    ? {
        resource: 'data_proxmox',
        claim: `${spec.name}-data-proxmox`,
        storageClass: 'proxmox-lvm',
      }
    : {
        resource: 'data_encrypted',
        claim: `${spec.name}-data-encrypted`,
        storageClass: 'proxmox-lvm-encrypted',
      };
}

const LABEL_MAX = 63;

/**
 * A derived object name as a DNS-1123 label of at most 63 characters. A
 * longer one is cut and ends in 8 hex characters of its full text, so two
 * names that share their first 54 characters stay different (cutting alone
 * gave every carve-out of a 63-character app the app's own name).
 */
export function kubernetesName(full: string): string {
  if (full.length <= LABEL_MAX) return full;
  const hash = createHash('sha256').update(full).digest('hex').slice(0, 8);
  const head = full.slice(0, LABEL_MAX - hash.length - 1).replace(/-+$/, '');
  return `${head}-${hash}`;
}
