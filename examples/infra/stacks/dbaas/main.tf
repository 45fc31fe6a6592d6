# Tier-0 stack: the shared database servers. Local state (see the root
# terragrunt.hcl), because the PostgreSQL state backend runs here.
module "dbaas" {
  source    = "./modules/dbaas"
  namespace = "dbaas"
}
