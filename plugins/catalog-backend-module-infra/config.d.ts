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
      };
    };
  };
}
