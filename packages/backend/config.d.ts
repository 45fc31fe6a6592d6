export interface Config {
  techdocs?: {
    generator?: {
      mkdocs?: {
        /**
         * Build with the site's own mkdocs.yml plugins only, without adding
         * `techdocs-core`. Read by @backstage/plugin-techdocs-node but missing
         * from its schema; declared here so strict config checks pass. We
         * need it because `mkdocs-techdocs-core` comes from PyPI, which this
         * environment cannot reach; Debian's mkdocs builds the docs instead.
         */
        omitTechdocsCorePlugin?: boolean;
      };
    };
  };
  auth?: {
    /** The portal's sign-in and permission settings (docs/operations/sign-in.md). */
    portal?: {
      /**
       * Group refs whose members are the portal's admins: catalog writes,
       * lock holders' SQL text, platform namespaces, break-glass sign-in.
       * Default: [group:default/platform].
       */
      adminGroups?: string[];
      /**
       * authentik group names (the OIDC `groups` claim) and the catalog
       * group each one makes its members part of, e.g.
       * `{ claim: kubernetes-namespace-owners, group: group:default/namespace-owners }`.
       * Claim groups not listed here grant nothing.
       */
      oidcGroups?: Array<{ claim: string; group: string }>;
    };
    providers?: {
      /**
       * Break-glass sign-in for admins while authentik is down. Off unless
       * this key exists (app-config.breakglass.yaml).
       */
      breakglass?: {
        users: Array<{
          /** The admin's catalog User, e.g. user:default/admin. */
          userEntityRef: string;
          /**
           * scrypt hash of the password (`yarn workspace backend
           * breakglass-hash`), from the deployment's secret.
           * @visibility secret
           */
          passwordHash: string;
        }>;
      };
    };
  };
}
