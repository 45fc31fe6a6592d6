resource "kubernetes_namespace" "dbaas" {
  metadata {
    name = var.namespace
    labels = {
      tier = "0-core"
    }
  }
}

# --- PostgreSQL: the CNPG cluster every PG-backed app shares ---
resource "kubernetes_manifest" "pg_cluster" {
  manifest = {
    apiVersion = "postgresql.cnpg.io/v1"
    kind       = "Cluster"
    metadata = {
      name      = "pg-cluster"
      namespace = kubernetes_namespace.dbaas.metadata[0].name
    }
    spec = {
      instances = var.pg_instances
      imageName = "ghcr.io/cloudnative-pg/postgresql:16.4"
      postgresql = {
        parameters = {
          shared_buffers       = "512MB"
          work_mem             = "16MB"
          wal_compression      = "on"
          effective_cache_size = "1536MB"
        }
      }
      resources = {
        requests = { cpu = "250m", memory = "2Gi" }
        limits   = { memory = "2Gi" }
      }
      storage = {
        size         = "20Gi"
        storageClass = "proxmox-lvm-encrypted"
      }
    }
  }
}

# Legacy alias: `postgresql.dbaas` selects whichever instance is primary.
# New apps use pg-cluster-rw; authentik's PgBouncer still points here.
resource "kubernetes_service" "postgresql" {
  metadata {
    name      = "postgresql"
    namespace = kubernetes_namespace.dbaas.metadata[0].name
  }
  spec {
    selector = {
      "cnpg.io/cluster"      = "pg-cluster"
      "cnpg.io/instanceRole" = "primary"
    }
    port {
      port = 5432
    }
  }
}

# Per-app databases on the cluster.
resource "postgresql_database" "authentik" {
  name = "authentik"
}

resource "postgresql_database" "linkwarden" {
  name = "linkwarden"
}
