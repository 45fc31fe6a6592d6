# Tier-0 stack: the shared database servers. Local state (see the root
# terragrunt.hcl), because the PostgreSQL state backend runs here.
variable "nfs_server" {
  type = string
}

module "dbaas" {
  source     = "./modules/dbaas"
  namespace  = "dbaas"
  nfs_server = var.nfs_server
}
