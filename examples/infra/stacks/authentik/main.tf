variable "root_domain" {
  type = string
}

variable "postgresql_host" {
  type = string
}

variable "tls_secret_name" {
  type = string
}

locals {
  # Kyverno tier of the namespace: auth is cluster-critical.
  tier = "1-cluster"
}

resource "kubernetes_namespace" "authentik" {
  metadata {
    name = "authentik"
    labels = {
      tier = local.tier
    }
  }
}

module "authentik" {
  source          = "./modules/authentik"
  namespace       = kubernetes_namespace.authentik.metadata[0].name
  tier            = local.tier
  root_domain     = var.root_domain
  tls_secret_name = var.tls_secret_name
}
