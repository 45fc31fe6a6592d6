output "host" {
  value = local.host
}
