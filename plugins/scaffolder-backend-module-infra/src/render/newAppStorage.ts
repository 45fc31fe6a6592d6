import { hclString, hclStringList } from '../hcl/escape';
import { NewAppSpec } from '../spec/types';
import { namespaceRef, storageNames } from './newAppNames';

/**
 * `storage.tf`: the PVC from the infra's proxmox-lvm template (autoresizer
 * annotations, `wait_until_bound = false`, `ignore_changes` on requests)
 * and the backup CronJob every proxmox-lvm app must have, writing to NFS.
 */
export function renderStorageTf(spec: NewAppSpec): string | undefined {
  const storage = spec.storage;
  if (!storage) return undefined;
  const { resource, claim, storageClass } = storageNames(spec);
  const ns = namespaceRef(spec);
  const backupDir = `/mnt/main/${spec.name}-backup`;
  // Keeps two weeks of daily archives on NFS; the offsite sync keeps history.
  const backupScript = `tar czf /backup/${spec.name}-$(date +%F).tgz -C /data . && find /backup -name '*.tgz' -mtime +14 -delete`;
  const out = [
    storage.sensitive
      ? '# Sensitive data: LUKS-encrypted proxmox-lvm volume.'
      : '# Non-sensitive app state: plain proxmox-lvm volume.',
    `resource "kubernetes_persistent_volume_claim" "${resource}" {`,
    '  # The storage class binds on first consumer; waiting here would hang the apply.',
    '  wait_until_bound = false',
    '  metadata {',
    `    name      = ${hclString(claim)}`,
    `    namespace = ${ns}`,
    '    annotations = {',
    '      "resize.topolvm.io/threshold"     = "10%"',
    '      "resize.topolvm.io/increase"      = "100%"',
    `      "resize.topolvm.io/storage_limit" = ${hclString(
      storage.storageLimit,
    )}`,
    '    }',
    '  }',
    '  spec {',
    '    access_modes       = ["ReadWriteOnce"]',
    `    storage_class_name = ${hclString(storageClass)}`,
    '    resources {',
    `      requests = { storage = ${hclString(storage.size)} }`,
    '    }',
    '  }',
    '  lifecycle {',
    '    # pvc-autoresizer grows this claim up to storage_limit; ignoring requests keeps',
    '    # the next apply from trying to shrink it back (Kubernetes rejects shrinks).',
    '    ignore_changes = [spec[0].resources[0].requests]',
    '  }',
    '}',
    '',
    // The NFS server comes in as a stack variable (config.tfvars), as the
    // infra's stacks pass it, never as a literal address.
    'module "backup_volume" {',
    '  source     = "../../modules/kubernetes/nfs_volume"',
    `  name       = ${hclString(`${spec.name}-backup`)}`,
    `  namespace  = ${ns}`,
    '  nfs_server = var.nfs_server',
    `  nfs_path   = ${hclString(backupDir)}`,
    '}',
    '',
    '# proxmox-lvm apps back up to NFS; the offsite sync picks it up from there.',
    'resource "kubernetes_cron_job_v1" "backup" {',
    '  metadata {',
    `    name      = ${hclString(`${spec.name}-backup`)}`,
    `    namespace = ${ns}`,
    '  }',
    '  spec {',
    '    schedule = "30 2 * * *"',
    '    job_template {',
    '      metadata {}',
    '      spec {',
    '        template {',
    '          metadata {}',
    '          spec {',
    '            # The volume is ReadWriteOnce: run next to the app pod so it can mount it.',
    '            affinity {',
    '              pod_affinity {',
    '                required_during_scheduling_ignored_during_execution {',
    '                  label_selector {',
    '                    match_labels = local.labels',
    '                  }',
    '                  topology_key = "kubernetes.io/hostname"',
    '                }',
    '              }',
    '            }',
    '            container {',
    '              name    = "backup"',
    '              image   = "alpine:3.20"',
    `              command = ${hclStringList(['/bin/sh', '-c', backupScript])}`,
    '              resources {',
    '                requests = {',
    '                  cpu    = "10m"',
    '                  memory = "64Mi"',
    '                }',
    '                limits = {',
    '                  memory = "64Mi"',
    '                }',
    '              }',
    '              volume_mount {',
    '                name       = "data"',
    '                mount_path = "/data"',
    '                read_only  = true',
    '              }',
    '              volume_mount {',
    '                name       = "backup"',
    '                mount_path = "/backup"',
    '              }',
    '            }',
    '            volume {',
    '              name = "data"',
    '              persistent_volume_claim {',
    `                claim_name = kubernetes_persistent_volume_claim.${resource}.metadata[0].name`,
    '              }',
    '            }',
    '            volume {',
    '              name = "backup"',
    '              persistent_volume_claim {',
    '                claim_name = module.backup_volume.claim_name',
    '              }',
    '            }',
    '            restart_policy = "OnFailure"',
    '          }',
    '        }',
    '      }',
    '    }',
    '  }',
    '  lifecycle {',
    '    # KYVERNO_LIFECYCLE_V1',
    '    ignore_changes = [spec[0].job_template[0].spec[0].template[0].spec[0].dns_config]',
    '  }',
    '}',
  ];
  return `${out.join('\n')}\n`;
}
