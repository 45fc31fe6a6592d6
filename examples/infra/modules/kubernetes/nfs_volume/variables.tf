# Stub of the NFS volume module (PV + PVC with the NFS mount options).
variable "name" {
  type = string
}

variable "namespace" {
  type = string
}

variable "nfs_server" {
  description = "Address of the NFS server (a stack variable from config.tfvars)"
  type        = string
}

variable "nfs_path" {
  type = string
}

variable "storage" {
  type    = string
  default = "10Gi"
}
