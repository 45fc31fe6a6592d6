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
}
