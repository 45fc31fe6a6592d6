variable "namespace" {
  type = string
}

variable "pg_instances" {
  type    = number
  default = 3
}
