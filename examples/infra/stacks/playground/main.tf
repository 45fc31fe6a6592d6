# DELIBERATE VIOLATIONS (example data). This stack breaks one convention of
# each kind on purpose, so the portal has findings to show and the tests have
# something to assert. Do not copy it.

variable "root_domain" {
  type = string
}

resource "kubernetes_persistent_volume_claim" "notes_data" {
  wait_until_bound = false
  metadata {
    name      = "notes-data-proxmox"
    namespace = "playground"
    annotations = {
      "resize.topolvm.io/threshold"     = "10%"
      "resize.topolvm.io/increase"      = "100%"
      "resize.topolvm.io/storage_limit" = "2Gi"
    }
  }
  spec {
    access_modes       = ["ReadWriteOnce"]
    storage_class_name = "proxmox-lvm"
    resources {
      requests = { storage = "1Gi" }
    }
  }
}

# DELIBERATE: no `strategy { type = "Recreate" }` with an RWO volume, a CPU
# limit, memory request below the limit, and no KYVERNO_LIFECYCLE_V1 block.
resource "kubernetes_deployment" "notes" {
  metadata {
    name      = "notes"
    namespace = "playground"
    labels = {
      app = "notes"
    }
  }
  spec {
    replicas = 1
    selector {
      match_labels = {
        app = "notes"
      }
    }
    template {
      metadata {
        labels = {
          app = "notes"
        }
      }
      spec {
        container {
          name  = "notes"
          image = "ghcr.io/homelab-example/notes:1.0.0"
          resources {
            requests = {
              cpu    = "10m"
              memory = "128Mi"
            }
            limits = {
              cpu    = "500m"
              memory = "256Mi"
            }
          }
          volume_mount {
            name       = "data"
            mount_path = "/data"
          }
        }
        volume {
          name = "data"
          persistent_volume_claim {
            claim_name = kubernetes_persistent_volume_claim.notes_data.metadata[0].name
          }
        }
      }
    }
  }
}

resource "kubernetes_service" "notes" {
  metadata {
    name      = "notes"
    namespace = "playground"
  }
  spec {
    selector = {
      app = "notes"
    }
    port {
      port = 80
    }
  }
}

# DELIBERATE: auth = "none" without the justification comment above it.
module "ingress" {
  source      = "../../modules/kubernetes/ingress_factory"
  name        = "notes"
  namespace   = "playground"
  root_domain = var.root_domain

  auth = "none"
}

# Cluster tier: outside 3-edge and 4-aux, so the Burstable container above
# is a finding (memory request below its limit).
resource "kubernetes_namespace" "playground" {
  metadata {
    name   = "playground"
    labels = { tier = local.tiers.cluster }
  }
}
