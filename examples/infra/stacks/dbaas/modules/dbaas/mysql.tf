# --- MySQL: one standalone server, pinned to an exact version ---
resource "kubernetes_stateful_set_v1" "mysql_standalone" {
  metadata {
    name      = "mysql-standalone"
    namespace = kubernetes_namespace.dbaas.metadata[0].name
    labels = {
      app = "mysql-standalone"
    }
  }
  spec {
    service_name = "mysql"
    replicas     = 1
    selector {
      match_labels = {
        app = "mysql-standalone"
      }
    }
    template {
      metadata {
        labels = {
          app = "mysql-standalone"
        }
      }
      spec {
        container {
          name  = "mysql"
          image = "mysql:8.4.8"
          args  = ["--skip-log-bin", "--innodb-flush-log-at-trx-commit=2"]
          resources {
            requests = {
              cpu    = "100m"
              memory = "1Gi"
            }
            limits = {
              memory = "1Gi"
            }
          }
          volume_mount {
            name       = "data"
            mount_path = "/var/lib/mysql"
          }
        }
      }
    }
    volume_claim_template {
      metadata {
        name = "data"
        annotations = {
          "resize.topolvm.io/threshold"     = "10%"
          "resize.topolvm.io/increase"      = "100%"
          "resize.topolvm.io/storage_limit" = "30Gi"
        }
      }
      spec {
        access_modes       = ["ReadWriteOnce"]
        storage_class_name = "proxmox-lvm-encrypted"
        resources {
          requests = {
            storage = "5Gi"
          }
        }
      }
    }
  }
  lifecycle {
    # KYVERNO_LIFECYCLE_V1
    ignore_changes = [spec[0].template[0].spec[0].dns_config]
  }
}

resource "kubernetes_service" "mysql" {
  metadata {
    name      = "mysql"
    namespace = kubernetes_namespace.dbaas.metadata[0].name
  }
  spec {
    selector = {
      app = "mysql-standalone"
    }
    port {
      port = 3306
    }
  }
}

resource "mysql_database" "speedtest" {
  name = "speedtest"
}
