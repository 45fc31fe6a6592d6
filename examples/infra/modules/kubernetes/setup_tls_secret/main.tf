# Stub of the TLS secret module: the wildcard certificate as a Secret in the
# namespace of the stack that calls it, for its ingresses.
variable "namespace" {
  type = string
}

variable "tls_secret_name" {}

resource "kubernetes_secret" "tls_secret" {
  metadata {
    name      = var.tls_secret_name
    namespace = var.namespace
  }
  type = "kubernetes.io/tls"
}
