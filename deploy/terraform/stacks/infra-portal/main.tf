# The Infra Portal (Backstage): two replicas on the shared PostgreSQL and the
# shared Redis, the infra repo kept checked out next to it by git-sync, its
# secrets from Vault through ExternalSecrets. The image is built off-cluster
# (the portal repo's .github/workflows/build.yml) and rolled by image tag;
# this stack only sets the first tag. Operations: docs/operations/deploy.md
# in the portal repo.

variable "root_domain" {
  type = string
}

variable "tls_secret_name" {
  type      = string
  sensitive = true
}

variable "postgresql_host" {
  type = string
}

# The shared Redis (redis-master.redis.svc.cluster.local). The portal's cache
# uses its own database number so its keys never meet another consumer's.
variable "redis_host" {
  type = string
}

locals {
  namespace = "infra-portal"
  labels = {
    app = "infra-portal"
  }
  # Where git-sync keeps the infra checkout; the catalog, the rollout checks
  # and the wizards read it from here.
  infra_root = "/infra"
  infra_path = "/infra/current"
}

resource "kubernetes_namespace" "infra_portal" {
  metadata {
    name = local.namespace
    labels = {
      tier               = local.tiers.aux
      "keel.sh/enrolled" = "true"
    }
  }
  lifecycle {
    # KYVERNO_LIFECYCLE_V1: goldilocks-vpa-auto-mode ClusterPolicy stamps this label on every namespace
    ignore_changes = [metadata[0].labels["goldilocks.fairwinds.com/vpa-update-mode"]]
  }
}

module "tls_secret" {
  source          = "../../modules/kubernetes/setup_tls_secret"
  namespace       = kubernetes_namespace.infra_portal.metadata[0].name
  tls_secret_name = var.tls_secret_name
}

# Everything secret, by name only: each key of Vault's secret/infra-portal
# becomes the environment variable of the same name in the portal's
# container (and git-sync's credentials in the sync containers).
resource "kubernetes_manifest" "external_secret" {
  manifest = {
    apiVersion = "external-secrets.io/v1beta1"
    kind       = "ExternalSecret"
    metadata = {
      name      = "infra-portal-secrets"
      namespace = local.namespace
    }
    spec = {
      refreshInterval = "15m"
      secretStoreRef = {
        name = "vault-kv"
        kind = "ClusterSecretStore"
      }
      target = {
        name = "infra-portal-secrets"
      }
      data = [
        {
          secretKey = "AUTH_SESSION_SECRET"
          remoteRef = { key = "infra-portal", property = "AUTH_SESSION_SECRET" }
        },
        {
          secretKey = "AUTHENTIK_OIDC_CLIENT_ID"
          remoteRef = { key = "infra-portal", property = "AUTHENTIK_OIDC_CLIENT_ID" }
        },
        {
          secretKey = "AUTHENTIK_OIDC_CLIENT_SECRET"
          remoteRef = { key = "infra-portal", property = "AUTHENTIK_OIDC_CLIENT_SECRET" }
        },
        {
          secretKey = "BREAKGLASS_ADMIN_PASSWORD_HASH"
          remoteRef = { key = "infra-portal", property = "BREAKGLASS_ADMIN_PASSWORD_HASH" }
        },
        {
          secretKey = "FORGEJO_PORTAL_TOKEN"
          remoteRef = { key = "infra-portal", property = "FORGEJO_PORTAL_TOKEN" }
        },
        {
          secretKey = "KUBERNETES_PORTAL_TOKEN"
          remoteRef = { key = "infra-portal", property = "KUBERNETES_PORTAL_TOKEN" }
        },
        {
          secretKey = "KUBERNETES_CA_DATA"
          remoteRef = { key = "infra-portal", property = "KUBERNETES_CA_DATA" }
        },
        {
          secretKey = "ROLLOUT_STATUS_PGBOUNCER_PASSWORD"
          remoteRef = { key = "infra-portal", property = "ROLLOUT_STATUS_PGBOUNCER_PASSWORD" }
        },
        {
          secretKey = "ROLLOUT_STATUS_PG_PASSWORD"
          remoteRef = { key = "infra-portal", property = "ROLLOUT_STATUS_PG_PASSWORD" }
        },
        {
          secretKey = "TECHDOCS_S3_ACCESS_KEY_ID"
          remoteRef = { key = "infra-portal", property = "TECHDOCS_S3_ACCESS_KEY_ID" }
        },
        {
          secretKey = "TECHDOCS_S3_SECRET_ACCESS_KEY"
          remoteRef = { key = "infra-portal", property = "TECHDOCS_S3_SECRET_ACCESS_KEY" }
        },
        {
          secretKey = "GITSYNC_USERNAME"
          remoteRef = { key = "infra-portal", property = "GITSYNC_USERNAME" }
        },
        {
          secretKey = "GITSYNC_PASSWORD"
          remoteRef = { key = "infra-portal", property = "GITSYNC_PASSWORD" }
        },
      ]
    }
  }
  depends_on = [kubernetes_namespace.infra_portal]
}

# The database password from Vault's database engine, which rotates it. The
# backend reads it only at start, so the Secret carries Reloader's match
# annotation and the Deployment restarts on each rotation.
resource "kubernetes_manifest" "db_external_secret" {
  manifest = {
    apiVersion = "external-secrets.io/v1beta1"
    kind       = "ExternalSecret"
    metadata = {
      name      = "infra-portal-db-creds"
      namespace = local.namespace
    }
    spec = {
      refreshInterval = "15m"
      secretStoreRef = {
        name = "vault-database"
        kind = "ClusterSecretStore"
      }
      target = {
        name = "infra-portal-db-creds"
        template = {
          metadata = {
            annotations = {
              "reloader.stakater.com/match" = "true"
            }
          }
          data = {
            POSTGRES_PASSWORD = "{{ .password }}"
          }
        }
      }
      data = [{
        secretKey = "password"
        remoteRef = {
          key      = "static-creds/pg-infra-portal"
          property = "password"
        }
      }]
    }
  }
  depends_on = [kubernetes_namespace.infra_portal]
}

resource "kubernetes_deployment" "infra_portal" {
  metadata {
    name      = "infra-portal"
    namespace = kubernetes_namespace.infra_portal.metadata[0].name
    labels = merge(local.labels, {
      tier = local.tiers.aux
    })
    annotations = {
      "reloader.stakater.com/search" = "true"
    }
  }
  spec {
    # Two replicas share the work through PostgreSQL (scheduled tasks run on
    # one at a time, under the scheduler's database locks) and the cache
    # through Redis; either serves every request.
    replicas = 2
    strategy {
      type = "RollingUpdate"
      rolling_update {
        max_unavailable = 0
        max_surge       = 1
      }
    }
    selector {
      match_labels = local.labels
    }
    template {
      metadata {
        labels = local.labels
        annotations = {
          "dependency.kyverno.io/wait-for" = "postgresql.dbaas:5432"
        }
      }
      spec {
        affinity {
          pod_anti_affinity {
            preferred_during_scheduling_ignored_during_execution {
              weight = 100
              pod_affinity_term {
                topology_key = "kubernetes.io/hostname"
                label_selector {
                  match_labels = local.labels
                }
              }
            }
          }
        }
        security_context {
          run_as_user     = 1000
          run_as_group    = 1000
          run_as_non_root = true
          fs_group        = 1000
        }

        # The first checkout, before the backend starts: its catalog provider
        # and rollout checks read the repo on their first run.
        init_container {
          name  = "infra-checkout"
          image = "registry.k8s.io/git-sync/git-sync:v4.4.0"
          args = [
            "--repo=https://forgejo.${var.root_domain}/homelab/infra.git",
            "--ref=master",
            "--root=${local.infra_root}",
            "--link=current",
            "--depth=1",
            "--one-time",
          ]
          env {
            name = "GITSYNC_USERNAME"
            value_from {
              secret_key_ref {
                name = "infra-portal-secrets"
                key  = "GITSYNC_USERNAME"
              }
            }
          }
          env {
            name = "GITSYNC_PASSWORD"
            value_from {
              secret_key_ref {
                name = "infra-portal-secrets"
                key  = "GITSYNC_PASSWORD"
              }
            }
          }
          volume_mount {
            name       = "infra"
            mount_path = local.infra_root
          }
          resources {
            requests = {
              cpu    = "10m"
              memory = "64Mi"
            }
            limits = {
              memory = "64Mi"
            }
          }
        }

        container {
          name  = "infra-portal"
          image = "ghcr.io/homelab/infra-portal:latest"
          # Production config on top of the defaults; break-glass stays
          # loaded so the admins can sign in while authentik is down.
          args = [
            "--config", "app-config.yaml",
            "--config", "app-config.production.yaml",
            "--config", "app-config.breakglass.yaml",
          ]
          port {
            name           = "http"
            container_port = 7007
          }
          env {
            name  = "PORTAL_BASE_URL"
            value = "https://portal.${var.root_domain}"
          }
          env {
            name  = "NODE_OPTIONS"
            value = "--max-old-space-size=768"
          }
          env {
            name  = "POSTGRES_HOST"
            value = var.postgresql_host
          }
          env {
            name  = "POSTGRES_PORT"
            value = "5432"
          }
          env {
            name  = "POSTGRES_USER"
            value = "infra_portal"
          }
          env {
            name = "POSTGRES_PASSWORD"
            value_from {
              secret_key_ref {
                name = "infra-portal-db-creds"
                key  = "POSTGRES_PASSWORD"
              }
            }
          }
          env {
            name  = "REDIS_URL"
            value = "redis://${var.redis_host}:6379/12"
          }
          env {
            name  = "INFRA_REPO_PATH"
            value = local.infra_path
          }
          env {
            name  = "FORGEJO_BASE_URL"
            value = "https://forgejo.${var.root_domain}"
          }
          env {
            name  = "AUTHENTIK_OIDC_METADATA_URL"
            value = "https://authentik.${var.root_domain}/application/o/infra-portal/.well-known/openid-configuration"
          }
          env {
            name  = "KUBERNETES_API_URL"
            value = "https://kubernetes.default.svc"
          }
          env {
            name  = "ROLLOUT_STATUS_AUTHENTIK_READY_URL"
            value = "https://authentik.${var.root_domain}/-/health/ready/"
          }
          env {
            name  = "ROLLOUT_STATUS_FORWARD_AUTH_URL"
            value = "https://prowlarr.${var.root_domain}/"
          }
          # The TechDocs bucket CI publishes the sites to; the portal only reads.
          env {
            name  = "TECHDOCS_BUCKET"
            value = "infra-portal-techdocs"
          }
          env {
            name  = "TECHDOCS_S3_ENDPOINT"
            value = "https://s3.${var.root_domain}"
          }
          env {
            name  = "TECHDOCS_S3_REGION"
            value = "us-east-1"
          }
          env {
            name = "AUTH_SESSION_SECRET"
            value_from {
              secret_key_ref {
                name = "infra-portal-secrets"
                key  = "AUTH_SESSION_SECRET"
              }
            }
          }
          env {
            name = "AUTHENTIK_OIDC_CLIENT_ID"
            value_from {
              secret_key_ref {
                name = "infra-portal-secrets"
                key  = "AUTHENTIK_OIDC_CLIENT_ID"
              }
            }
          }
          env {
            name = "AUTHENTIK_OIDC_CLIENT_SECRET"
            value_from {
              secret_key_ref {
                name = "infra-portal-secrets"
                key  = "AUTHENTIK_OIDC_CLIENT_SECRET"
              }
            }
          }
          env {
            name = "BREAKGLASS_ADMIN_PASSWORD_HASH"
            value_from {
              secret_key_ref {
                name = "infra-portal-secrets"
                key  = "BREAKGLASS_ADMIN_PASSWORD_HASH"
              }
            }
          }
          env {
            name = "FORGEJO_PORTAL_TOKEN"
            value_from {
              secret_key_ref {
                name = "infra-portal-secrets"
                key  = "FORGEJO_PORTAL_TOKEN"
              }
            }
          }
          env {
            name = "KUBERNETES_PORTAL_TOKEN"
            value_from {
              secret_key_ref {
                name = "infra-portal-secrets"
                key  = "KUBERNETES_PORTAL_TOKEN"
              }
            }
          }
          env {
            name = "KUBERNETES_CA_DATA"
            value_from {
              secret_key_ref {
                name = "infra-portal-secrets"
                key  = "KUBERNETES_CA_DATA"
              }
            }
          }
          env {
            name = "ROLLOUT_STATUS_PGBOUNCER_PASSWORD"
            value_from {
              secret_key_ref {
                name = "infra-portal-secrets"
                key  = "ROLLOUT_STATUS_PGBOUNCER_PASSWORD"
              }
            }
          }
          env {
            name = "ROLLOUT_STATUS_PG_PASSWORD"
            value_from {
              secret_key_ref {
                name = "infra-portal-secrets"
                key  = "ROLLOUT_STATUS_PG_PASSWORD"
              }
            }
          }
          env {
            name = "TECHDOCS_S3_ACCESS_KEY_ID"
            value_from {
              secret_key_ref {
                name = "infra-portal-secrets"
                key  = "TECHDOCS_S3_ACCESS_KEY_ID"
              }
            }
          }
          env {
            name = "TECHDOCS_S3_SECRET_ACCESS_KEY"
            value_from {
              secret_key_ref {
                name = "infra-portal-secrets"
                key  = "TECHDOCS_S3_SECRET_ACCESS_KEY"
              }
            }
          }
          volume_mount {
            name       = "infra"
            mount_path = local.infra_root
            read_only  = true
          }
          resources {
            requests = {
              cpu    = "100m"
              memory = "1Gi"
            }
            limits = {
              memory = "1Gi"
            }
          }
          # Startup gives a cold start (migrations, the first catalog read)
          # up to 5 minutes before liveness counts; a pod waiting on another
          # replica's migration lock is not killed for it.
          startup_probe {
            http_get {
              path = "/.backstage/health/v1/liveness"
              port = "http"
            }
            period_seconds    = 10
            timeout_seconds   = 5
            failure_threshold = 30
          }
          liveness_probe {
            http_get {
              path = "/.backstage/health/v1/liveness"
              port = "http"
            }
            period_seconds    = 20
            timeout_seconds   = 5
            failure_threshold = 6
          }
          readiness_probe {
            http_get {
              path = "/.backstage/health/v1/readiness"
              port = "http"
            }
            period_seconds    = 10
            timeout_seconds   = 5
            failure_threshold = 3
          }
        }

        # Keeps the checkout current; the backend re-reads it on its schedule.
        container {
          name  = "infra-sync"
          image = "registry.k8s.io/git-sync/git-sync:v4.4.0"
          args = [
            "--repo=https://forgejo.${var.root_domain}/homelab/infra.git",
            "--ref=master",
            "--root=${local.infra_root}",
            "--link=current",
            "--depth=1",
            "--period=60s",
          ]
          env {
            name = "GITSYNC_USERNAME"
            value_from {
              secret_key_ref {
                name = "infra-portal-secrets"
                key  = "GITSYNC_USERNAME"
              }
            }
          }
          env {
            name = "GITSYNC_PASSWORD"
            value_from {
              secret_key_ref {
                name = "infra-portal-secrets"
                key  = "GITSYNC_PASSWORD"
              }
            }
          }
          volume_mount {
            name       = "infra"
            mount_path = local.infra_root
          }
          resources {
            requests = {
              cpu    = "10m"
              memory = "64Mi"
            }
            limits = {
              memory = "64Mi"
            }
          }
        }

        volume {
          name = "infra"
          empty_dir {
            size_limit = "1Gi"
          }
        }
      }
    }
  }
  lifecycle {
    ignore_changes = [
      spec[0].template[0].spec[0].dns_config, # KYVERNO_LIFECYCLE_V1
      # The CI deploy step sets the image by tag (kubectl set image); an apply
      # must not roll it back to the first tag written here.
      spec[0].template[0].spec[0].container[0].image, # KEEL_IGNORE_IMAGE
      metadata[0].annotations["keel.sh/policy"],
      metadata[0].annotations["keel.sh/trigger"],
      metadata[0].annotations["kubernetes.io/change-cause"],
      metadata[0].annotations["deployment.kubernetes.io/revision"],
    ]
  }
}

# A drain or a node reboot takes one replica at most; the other keeps serving.
resource "kubernetes_pod_disruption_budget_v1" "infra_portal" {
  metadata {
    name      = "infra-portal"
    namespace = kubernetes_namespace.infra_portal.metadata[0].name
  }
  spec {
    min_available = 1
    selector {
      match_labels = local.labels
    }
  }
}

resource "kubernetes_service" "infra_portal" {
  metadata {
    name      = "infra-portal"
    namespace = kubernetes_namespace.infra_portal.metadata[0].name
    labels    = local.labels
  }
  spec {
    selector = local.labels
    port {
      name        = "http"
      port        = 80
      target_port = 7007
    }
  }
}

module "ingress" {
  source = "../../modules/kubernetes/ingress_factory"
  # auth = "app": the portal signs users in itself (OIDC against authentik)
  # and has a break-glass login for when authentik is down; forward-auth in
  # front would wall the portal off in exactly that case.
  auth            = "app"
  dns_type        = "proxied"
  namespace       = kubernetes_namespace.infra_portal.metadata[0].name
  name            = "portal"
  service_name    = kubernetes_service.infra_portal.metadata[0].name
  tls_secret_name = var.tls_secret_name
}
