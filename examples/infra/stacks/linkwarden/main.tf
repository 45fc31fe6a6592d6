# Bookmark manager with its own login (NextAuth).
variable "root_domain" {
  type = string
}

variable "postgresql_host" {
  type = string
}

variable "nfs_server" {
  type = string
}

variable "tls_secret_name" {
  type = string
}

locals {
  namespace = "linkwarden"
  labels = {
    app = "linkwarden"
  }
}

resource "kubernetes_namespace" "linkwarden" {
  metadata {
    name = local.namespace
    labels = {
      tier = "4-aux"
    }
  }
}

resource "kubernetes_persistent_volume_claim" "data_encrypted" {
  wait_until_bound = false
  metadata {
    name      = "linkwarden-data-encrypted"
    namespace = kubernetes_namespace.linkwarden.metadata[0].name
    annotations = {
      "resize.topolvm.io/threshold"     = "10%"
      "resize.topolvm.io/increase"      = "100%"
      "resize.topolvm.io/storage_limit" = "5Gi"
    }
  }
  spec {
    access_modes       = ["ReadWriteOnce"]
    storage_class_name = "proxmox-lvm-encrypted"
    resources {
      requests = { storage = "1Gi" }
    }
  }
  lifecycle {
    # pvc-autoresizer grows this claim; ignore requests so an apply never tries to shrink it.
    ignore_changes = [spec[0].resources[0].requests]
  }
}

resource "kubernetes_deployment" "linkwarden" {
  metadata {
    name      = "linkwarden"
    namespace = kubernetes_namespace.linkwarden.metadata[0].name
    labels    = local.labels
  }
  spec {
    replicas = 1
    # RWO volume: a rolling update would wait forever for the attach.
    strategy {
      type = "Recreate"
    }
    selector {
      match_labels = local.labels
    }
    template {
      metadata {
        labels = local.labels
      }
      spec {
        container {
          name  = "linkwarden"
          image = "ghcr.io/linkwarden/linkwarden:v2.9.3"
          env {
            name  = "DATABASE_HOST"
            value = var.postgresql_host
          }
          env {
            name  = "DATABASE_NAME"
            value = "linkwarden"
          }
          env {
            name = "DATABASE_PASSWORD"
            value_from {
              secret_key_ref {
                name = "linkwarden-secrets"
                key  = "db_password"
              }
            }
          }
          env {
            name  = "NEXTAUTH_URL"
            value = "https://linkwarden.${var.root_domain}/api/v1/auth"
          }
          resources {
            requests = {
              cpu    = "50m"
              memory = "768Mi"
            }
            limits = {
              memory = "768Mi"
            }
          }
          volume_mount {
            name       = "data"
            mount_path = "/data/data"
          }
        }
        volume {
          name = "data"
          persistent_volume_claim {
            claim_name = kubernetes_persistent_volume_claim.data_encrypted.metadata[0].name
          }
        }
      }
    }
  }
  lifecycle {
    ignore_changes = [spec[0].template[0].spec[0].dns_config] # KYVERNO_LIFECYCLE_V1
  }
}

resource "kubernetes_service" "linkwarden" {
  metadata {
    name      = "linkwarden"
    namespace = kubernetes_namespace.linkwarden.metadata[0].name
  }
  spec {
    selector = local.labels
    port {
      port        = 80
      target_port = 3000
    }
  }
}

module "ingress" {
  source          = "../../modules/kubernetes/ingress_factory"
  name            = "linkwarden"
  namespace       = kubernetes_namespace.linkwarden.metadata[0].name
  root_domain     = var.root_domain
  tls_secret_name = var.tls_secret_name
  dns_type        = "proxied"
  # auth = "app": Linkwarden has its own login (NextAuth); forward-auth would break its API tokens.
  auth = "app"
}

module "backup_volume" {
  source     = "../../modules/kubernetes/nfs_volume"
  name       = "linkwarden-backup"
  namespace  = kubernetes_namespace.linkwarden.metadata[0].name
  nfs_server = var.nfs_server
  nfs_path   = "/mnt/main/linkwarden-backup"
}

# proxmox-lvm apps back up to NFS; the offsite sync picks it up from there.
resource "kubernetes_cron_job_v1" "backup" {
  metadata {
    name      = "linkwarden-backup"
    namespace = kubernetes_namespace.linkwarden.metadata[0].name
  }
  spec {
    schedule = "30 2 * * *"
    job_template {
      metadata {}
      spec {
        template {
          metadata {}
          spec {
            container {
              name    = "backup"
              image   = "alpine:3.20"
              command = ["/bin/sh", "-c", "tar czf /backup/linkwarden-$(date +%F).tgz -C /data ."]
              resources {
                requests = {
                  memory = "64Mi"
                }
                limits = {
                  memory = "64Mi"
                }
              }
            }
            volume {
              name = "backup"
              persistent_volume_claim {
                claim_name = module.backup_volume.claim_name
              }
            }
            restart_policy = "OnFailure"
          }
        }
      }
    }
  }
  lifecycle {
    # KYVERNO_LIFECYCLE_V1
    ignore_changes = [spec[0].job_template[0].spec[0].template[0].spec[0].dns_config]
  }
}
