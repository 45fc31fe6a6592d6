export interface Config {
  /**
   * Rollout status checks for authentik and its PgBouncer. Without this key
   * the rollout-status backend serves an empty target list.
   */
  rolloutStatus?: {
    /** Deadline for every call to an outside system, in milliseconds. Default 3000. */
    deadlineMs?: number;
    /**
     * How often the backend polls each target, in seconds. Default 30.
     * @visibility frontend
     */
    intervalSeconds?: number;
    /**
     * Results older than this are shown as `unknown` ("stale"). Default 3 ×
     * intervalSeconds. The browser uses the same limit to mark data stale.
     * @visibility frontend
     */
    staleAfterSeconds?: number;
    /**
     * Targets derived from the infra model: the infra repo to read and the
     * cluster that runs it. Names come from the Terraform.
     */
    derive?: {
      /** Path of a checkout of the infra repo (relative to the backend's folder). */
      infraPath: string;
      /** A cluster of `kubernetes.clusterLocatorMethods[].clusters[]` to reuse. */
      clusterName?: string;
      /** API server URL, when not reusing a cluster entry. */
      url?: string;
      /**
       * Bearer token for the API server.
       * @visibility secret
       */
      token?: string;
      /** Base64 PEM of the API server CA. */
      caData?: string;
      /** Skip TLS verification of the API server (homelab only). */
      skipTLSVerify?: boolean;
      /** Shown with every source, e.g. `simulated cluster`. */
      label?: string;
      /** Regular expressions matched against workload names (default: the infra model's list). */
      criticalPath?: string[];
      /** Stacks to leave out. */
      excludeStacks?: string[];
    };
    /**
     * Development only: the backend serves a simulated Kubernetes API at
     * `/api/rollout-status/simulated-cluster`, built from the infra model
     * of `derive.infraPath` plus recorded live changes. Point a cluster of
     * `kubernetes.clusterLocatorMethods` (and `derive.clusterName`) at it.
     * Never enable it in production: it answers without authentication.
     */
    simulatedCluster?: {
      enabled: boolean;
      /** A live-changes YAML file (relative to the backend's folder). */
      liveChanges?: string;
    };
    /** The deployments to watch. */
    targets?: Array<{
      /** Stable id used in URLs, lower-case letters, digits and dashes. */
      id: string;
      /** Title shown in the portal. */
      title: string;
      /** Entity refs whose pages show this target, e.g. `system:default/authentik`. */
      entityRefs?: string[];
      /**
       * Path to a recorded snapshot (JSON). When set, every source answers from
       * the file and the status says `mode: snapshot`; live sources are ignored.
       * Relative paths resolve against the working directory.
       */
      snapshot?: string;
      /** Kubernetes API source. */
      kubernetes?: {
        /**
         * Name of a cluster in `kubernetes.clusterLocatorMethods[].clusters[]`
         * to reuse (url, serviceAccountToken, caData, skipTLSVerify).
         */
        clusterName?: string;
        /** API server URL, when not reusing a cluster entry. */
        url?: string;
        /**
         * Bearer token for the API server (a read-only service account).
         * @visibility secret
         */
        token?: string;
        /** Base64 PEM of the API server CA. */
        caData?: string;
        /** Skip TLS verification of the API server (homelab only). */
        skipTLSVerify?: boolean;
        /** Namespace of authentik and PgBouncer. Default `authentik`. */
        namespace?: string;
        /** Helm release name of authentik. Default `goauthentik`, the name the infra's Terraform gives it. */
        helmRelease?: string;
        /** Deployment names. */
        workloads?: {
          /** Default `goauthentik-server`. */
          server?: string;
          /** Default `goauthentik-worker`. */
          worker?: string;
          /** Default `pgbouncer`. */
          pgbouncer?: string;
          /** Default `ak-outpost-authentik-embedded-outpost`. */
          outpost?: string;
        };
      };
      /** PgBouncer admin console (simple query protocol). */
      pgbouncer?: {
        host: string;
        /** Default 6432. */
        port?: number;
        /** A user listed in `admin_users` or `stats_users`. */
        user: string;
        /**
         * Password of that user.
         * @visibility secret
         */
        password: string;
        /** The pooled database to judge, e.g. `authentik`. Default `authentik`. */
        database?: string;
      };
      /** PostgreSQL, read-only (pg_locks, pg_stat_activity, authentik_version_history). */
      postgres?: {
        host: string;
        /** Default 5432. */
        port?: number;
        user: string;
        /**
         * Password of that user.
         * @visibility secret
         */
        password: string;
        /** authentik's database. Default `authentik`. */
        database?: string;
      };
      /** HTTP probes. */
      http?: {
        /** authentik readiness URL, e.g. `https://authentik.example/-/health/ready/`. */
        readyUrl?: string;
        /** A forward-auth protected URL, requested without cookies. */
        forwardAuthUrl?: string;
        /** A redirect whose Location contains this counts as "to the login". Default `/outpost.goauthentik.io/`. */
        loginLocationContains?: string;
      };
      /** Thresholds; defaults are in the backend README. */
      thresholds?: {
        /** Default 3. */
        minReplicas?: number;
        /** Default 2. */
        minAvailable?: number;
        /** Window for restarts and liveness events, in minutes. Default 60. */
        restartWindowMinutes?: number;
        /** Default 80. */
        shmWarnPercent?: number;
        /** Default 95. */
        shmCriticalPercent?: number;
        /** Idle-in-transaction lock holders older than this are critical. Default 60. */
        idleInTransactionSeconds?: number;
        /** Default 80. */
        connectionsWarnPercent?: number;
        /** Default 95. */
        connectionsCriticalPercent?: number;
        /** Pool saturation warn threshold, percent. Default 90. */
        poolWarnPercent?: number;
      };
    }>;
  };
}
