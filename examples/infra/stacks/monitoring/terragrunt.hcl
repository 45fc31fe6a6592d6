include "root" {
  path = find_in_parent_folders()
}

# Dashboards read the databases' exporters: apply after dbaas.
dependency "dbaas" {
  config_path  = "../dbaas"
  skip_outputs = true
}
