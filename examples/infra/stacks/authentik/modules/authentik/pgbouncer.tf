# PgBouncer in front of the shared PostgreSQL for authentik.

# --- Config: pgbouncer.ini (checksum rolls the pods when it changes) ---
resource "kubernetes_config_map" "pgbouncer_config" {
  metadata {
    name      = "pgbouncer-config"
    namespace = var.namespace
  }
  data = {
    "pgbouncer.ini" = templatefile("${path.module}/pgbouncer.ini", {})
  }
}

# --- Credentials: the password comes from an ExternalSecret, never from git ---
resource "kubernetes_manifest" "pgbouncer_auth" {
  manifest = {
    apiVersion = "external-secrets.io/v1beta1"
    kind       = "ExternalSecret"
    metadata = {
      name      = "pgbouncer-auth"
      namespace = var.namespace
    }
    spec = {
      secretStoreRef = { name = "vault-kv", kind = "ClusterSecretStore" }
      target         = { name = "pgbouncer-auth" }
      dataFrom       = [{ extract = { key = "authentik/pgbouncer" } }]
    }
  }
}

# --- Deployment ---
resource "kubernetes_deployment" "pgbouncer" {
  metadata {
    name      = "pgbouncer"
    namespace = var.namespace
    labels = {
      app  = "pgbouncer"
      tier = var.tier
    }
  }
  spec {
    replicas = 3
    selector {
      match_labels = {
        app = "pgbouncer"
      }
    }
    template {
      metadata {
        labels = {
          app = "pgbouncer"
        }
        annotations = {
          "checksum/config" = sha256(kubernetes_config_map.pgbouncer_config.data["pgbouncer.ini"])
        }
      }
      spec {
        affinity {
          pod_anti_affinity {
            required_during_scheduling_ignored_during_execution {
              label_selector {
                match_labels = {
                  app = "pgbouncer"
                }
              }
              topology_key = "kubernetes.io/hostname"
            }
          }
        }
        container {
          name              = "pgbouncer"
          image             = "edoburu/pgbouncer:v1.24.1-p1"
          image_pull_policy = "IfNotPresent"
          port {
            container_port = 6432
          }
          resources {
            requests = {
              cpu    = "50m"
              memory = "256Mi"
            }
            limits = {
              memory = "256Mi"
            }
          }
          readiness_probe {
            tcp_socket {
              port = 6432
            }
            initial_delay_seconds = 5
            period_seconds        = 10
          }
          liveness_probe {
            tcp_socket {
              port = 6432
            }
            initial_delay_seconds = 30
            period_seconds        = 30
          }
          volume_mount {
            name       = "config"
            mount_path = "/etc/pgbouncer/pgbouncer.ini"
            sub_path   = "pgbouncer.ini"
          }
          volume_mount {
            name       = "auth"
            mount_path = "/etc/pgbouncer/userlist.txt"
            sub_path   = "userlist.txt"
          }
        }
        volume {
          name = "config"
          config_map {
            name = kubernetes_config_map.pgbouncer_config.metadata[0].name
          }
        }
        volume {
          name = "auth"
          secret {
            secret_name = "pgbouncer-auth"
          }
        }
      }
    }
  }
  lifecycle {
    # KYVERNO_LIFECYCLE_V1: Kyverno mutates dns_config (ndots=2) on admission
    ignore_changes = [spec[0].template[0].spec[0].dns_config]
  }
}

# --- PodDisruptionBudget ---
# 3 replicas with minAvailable 2: one drain rolls cleanly, a simultaneous
# two-node outage is blocked.
resource "kubernetes_pod_disruption_budget_v1" "pgbouncer" {
  metadata {
    name      = "pgbouncer"
    namespace = var.namespace
  }
  spec {
    min_available = 2
    selector {
      match_labels = {
        app = "pgbouncer"
      }
    }
  }
}

# --- Service ---
resource "kubernetes_service" "pgbouncer" {
  metadata {
    name      = "pgbouncer"
    namespace = var.namespace
  }
  spec {
    selector = {
      app = "pgbouncer"
    }
    port {
      port        = 6432
      target_port = 6432
    }
  }
}
