export interface Config {
  scaffolder?: {
    /** Settings of the infra templates (new-app, add-ingress). */
    infra?: {
      /**
       * Where pull requests are opened: `forgejo` or `github`. Defaults to
       * forgejo when `forgejo` is set, else github when `github` is set.
       */
      publisher?: 'forgejo' | 'github';
      /**
       * The infra repo the templates publish to, read to refuse a stack name
       * or host that already exists. One of the two.
       */
      repo?: {
        /** A local checkout of the infra repo (kept up to date by the admin). */
        localPath?: string;
        /** A repo URL the UrlReaderService can readTree (an integration must cover it). */
        url?: string;
      };
      /** GitHub publishing through `publish:github:pull-request`. */
      github?: {
        /** repoUrl in the scaffolder's form, e.g. `github.com?owner=acme&repo=infra`. */
        repoUrl: string;
        /** Base branch of pull requests; default `main`. */
        baseBranch?: string;
      };
      /** Forgejo publishing through `infra:forgejo-pull-request`. */
      forgejo?: {
        /** e.g. `https://forgejo.example.org` (no trailing `/api`). */
        baseUrl: string;
        /** Owner (user or organisation) of the infra repo. */
        owner: string;
        /** Name of the infra repo. */
        repo: string;
        /**
         * Access token with write:repository, used for git over HTTPS and the API.
         * @visibility secret
         */
        token: string;
        /** User the token belongs to, for git over HTTPS; default `infra-portal`. */
        username?: string;
        /** Clone and push URL; default `<baseUrl>/<owner>/<repo>.git`. */
        gitUrl?: string;
        /** Base branch of pull requests; default `main`. */
        baseBranch?: string;
        /** Deadline of every git command and API call, in seconds; default 30. */
        timeoutSeconds?: number;
      };
    };
  };
}
