import { SchedulerServiceTaskScheduleDefinitionConfig } from '@backstage/backend-plugin-api';

export interface Config {
  catalog?: {
    providers?: {
      /**
       * The infra entity provider: reads a Terraform/Terragrunt infra repo
       * (`stacks/<name>/`) and emits Systems, Components and Resources for
       * its stacks, workloads, ingresses, PDBs, poolers and databases.
       * Leave it out to disable the provider.
       */
      infra?: {
        /**
         * Where the infra repo is: exactly one of `path` or `url`.
         */
        source: {
          /**
           * A local checkout, absolute or relative to the backend's working
           * directory (packages/backend when started with `yarn start`).
           */
          path?: string;
          /**
           * A remote tree read through the UrlReader (GitHub, Gitea/Forgejo
           * integrations), e.g. `https://github.com/org/infra/tree/main`.
           */
          url?: string;
          /**
           * Base URL of the repo's files in a browser, used for source and
           * edit links, e.g. `https://forge.example/org/infra/src/branch/main`.
           * Derived from `url` when not set (GitHub `/tree/` becomes `/blob/`).
           */
          webUrl?: string;
        };
        /**
         * How often to read the repo. Default: every 5 minutes, 3 minute timeout.
         */
        schedule?: SchedulerServiceTaskScheduleDefinitionConfig;
        /**
         * Who owns the stacks.
         */
        owners?: {
          /**
           * Repo-relative path of the org file: Backstage Group and User
           * entities; each lists the stacks it owns in its
           * `infra.homelab/stacks` annotation (comma-separated, `*` for all
           * others). Default `org.yaml`.
           */
          orgFile?: string;
          /**
           * Owner entity ref of stacks the org file does not assign, e.g.
           * `group:default/platform`. It must exist in the catalog (in the
           * org file or from another provider); the provider does not
           * create it.
           */
          defaultOwner?: string;
          /**
           * Group ref the provider emits, with a description saying how to
           * assign owners, as the owner of stacks that neither the org file
           * nor `defaultOwner` covers, so no stack points at an owner that
           * does not exist. Default `group:default/infra-unowned`.
           */
          unownedGroup?: string;
          /**
           * Emit the org file's Groups and Users into the catalog. Default
           * true; turn off when another provider already ingests them.
           */
          emitOrgEntities?: boolean;
        };
        /**
         * Regular expressions matched against workload names to mark the
         * critical path (3 replicas, PDB minAvailable 2). Default: traefik,
         * authentik server and worker, crowdsec-lapi, pgbouncer, cloudflared.
         */
        criticalPath?: string[];
        /**
         * Limits on what is read, so one hostile or broken file cannot stall
         * or exhaust the backend: a file over a limit is listed as not read
         * (with the limit in the message) and the rest ingests.
         */
        limits?: {
          /** Largest `.tf` / `.hcl` / `.tfvars` file parsed, in bytes. Default 524288. */
          maxHclBytes?: number;
          /** Largest other file read (values files, `.ini`), in bytes. Default 8388608. */
          maxTextBytes?: number;
          /** Deepest nesting of brackets, blocks and interpolations parsed. Default 100. */
          maxNestingDepth?: number;
        };
        /**
         * How the infra's conventions are checked. Default: the seeds'
         * conventions, every rule on, no exceptions.
         */
        conventions?: {
          /** Per rule id: turn it off, or change the severity of its violations. */
          rules?: {
            [ruleId: string]: {
              /** False turns the rule off. Default true. */
              enabled?: boolean;
              /** Severity of the rule's violations; notes stay info. */
              severity?: 'error' | 'warning' | 'info';
            };
          };
          /** Resources allowed to break one rule on purpose; shown on the entity as "allowed: <reason>". */
          allow?: Array<{
            /** The rule the exception is for. */
            rule: string;
            /** Stack name (folder under stacks/). At least one of stack, address, name. */
            stack?: string;
            /** Terraform address, exact: as declared or of one instance. */
            address?: string;
            /** Regular expression on the Kubernetes name or the host; not anchored. */
            name?: string;
            /** Resource rules only: this container. */
            container?: string;
            /** Why, in a sentence. Required. */
            reason: string;
          }>;
          /** Critical-path minimums, and per-workload membership and minimums. */
          criticalPath?: {
            /** Replicas a critical-path workload runs at least. Default 3. */
            minReplicas?: number;
            /** Pods its PDB keeps during a drain at least. Default 2. */
            minPdbAvailable?: number;
            /** Workload entries, first match wins. */
            workloads?: Array<{
              stack?: string;
              address?: string;
              name?: string;
              /** False takes the workload off the critical path; otherwise it is on it. */
              member?: boolean;
              minReplicas?: number;
              minPdbAvailable?: number;
              /** Why it differs from the defaults. Required. */
              reason: string;
            }>;
          };
          /** Namespace tiers where memory request < limit is intended. Default ['3-edge', '4-aux']. */
          burstableTiers?: string[];
        };
      };
    };
  };
}
