# A claim bound to a volume on the NAS export: shared, not encrypted, for
# media and bulk data only.
resource "kubernetes_persistent_volume_claim" "this" {
  metadata {
    name      = var.name
    namespace = var.namespace
  }
  spec {
    access_modes       = ["ReadWriteMany"]
    storage_class_name = "nfs-nas"
    resources {
      requests = { storage = var.storage }
    }
  }
  wait_until_bound = false
}
