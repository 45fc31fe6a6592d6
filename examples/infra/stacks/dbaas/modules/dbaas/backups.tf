module "backup_volume" {
  source     = "../../../../modules/kubernetes/nfs_volume"
  name       = "dbaas-backup"
  namespace  = kubernetes_namespace.dbaas.metadata[0].name
  nfs_server = var.nfs_server
  nfs_path   = "/srv/nfs/dbaas-backup"
  storage    = "50Gi"
}

# Daily per-database dumps (single-database restores without touching the rest).
resource "kubernetes_cron_job_v1" "postgresql_backup_per_db" {
  metadata {
    name      = "postgresql-backup-per-db"
    namespace = kubernetes_namespace.dbaas.metadata[0].name
  }
  spec {
    schedule = "15 0 * * *"
    job_template {
      metadata {}
      spec {
        template {
          metadata {}
          spec {
            container {
              name    = "backup"
              image   = "postgres:16.4"
              command = ["/bin/sh", "-c", <<-EOT
                for db in $(psql -h "$PGHOST" -At -c "select datname from pg_database where not datistemplate"); do
                  mkdir -p /backup/per-db/$db
                  pg_dump -h "$PGHOST" -Fc "$db" > /backup/per-db/$db/$(date +%F).dump
                done
              EOT
              ]
              env {
                name  = "PGHOST"
                value = "pg-cluster-rw.dbaas.svc.cluster.local"
              }
              resources {
                requests = {
                  memory = "256Mi"
                }
                limits = {
                  memory = "256Mi"
                }
              }
              volume_mount {
                name       = "backup"
                mount_path = "/backup"
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

resource "kubernetes_cron_job_v1" "mysql_backup" {
  metadata {
    name      = "mysql-backup"
    namespace = kubernetes_namespace.dbaas.metadata[0].name
  }
  spec {
    schedule = "45 0 * * *"
    job_template {
      metadata {}
      spec {
        template {
          metadata {}
          spec {
            container {
              name    = "backup"
              image   = "mysql:8.4.8"
              command = ["/bin/sh", "-c", "mysqldump -h mysql.dbaas.svc.cluster.local --all-databases | gzip > /backup/mysql-$(date +%F).sql.gz"]
              resources {
                requests = {
                  memory = "256Mi"
                }
                limits = {
                  memory = "256Mi"
                }
              }
              volume_mount {
                name       = "backup"
                mount_path = "/backup"
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
