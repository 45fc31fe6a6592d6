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
