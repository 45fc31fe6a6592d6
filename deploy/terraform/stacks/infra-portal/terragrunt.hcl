include "root" {
  path = find_in_parent_folders()
}

# The database and the ExternalSecrets' stores must exist first.
dependency "dbaas" {
  config_path  = "../dbaas"
  skip_outputs = true
}
