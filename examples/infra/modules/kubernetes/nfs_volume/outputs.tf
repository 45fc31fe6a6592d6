output "claim_name" {
  value = var.name
}
