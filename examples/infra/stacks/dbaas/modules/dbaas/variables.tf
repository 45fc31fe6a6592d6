variable "namespace" {
  type = string
}

variable "pg_instances" {
  type    = number
  default = 3
}

variable "nfs_server" {
  type = string
}
