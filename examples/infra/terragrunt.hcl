# Root terragrunt config: every stack includes it.
locals {
  tier0_stacks = ["dbaas"]
}

terraform {
  extra_arguments "common_vars" {
    commands           = get_terraform_commands_that_need_vars()
    required_var_files = ["${get_repo_root()}/config.tfvars"]
  }
}

# Namespace tiers, generated into every stack so none keeps its own copy.
generate "tiers" {
  path      = "tiers.tf"
  if_exists = "overwrite_terragrunt"
  contents  = <<EOF
locals {
  tiers = {
    core    = "0-core"
    cluster = "1-cluster"
    gpu     = "2-gpu"
    edge    = "3-edge"
    aux     = "4-aux"
  }
}
EOF
}
