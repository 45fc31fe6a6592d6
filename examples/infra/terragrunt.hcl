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
