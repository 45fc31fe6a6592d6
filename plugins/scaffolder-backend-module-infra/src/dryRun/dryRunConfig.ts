import type { JsonObject } from '@backstage/types';

/**
 * Config of the in-process backend used for dry runs: the infra repo to
 * check names against, and a Forgejo publisher that is never contacted
 * (the pull request steps do not run in a dry run).
 */
export function dryRunConfig(repoPath: string): JsonObject {
  return {
    backend: { baseUrl: 'http://localhost:7007', listen: { port: 0 } },
    scaffolder: {
      infra: {
        repo: { localPath: repoPath },
        publisher: 'forgejo',
        forgejo: {
          baseUrl: 'http://forgejo.dry-run.invalid',
          owner: 'dry-run',
          repo: 'infra',
          token: 'not-used-in-dry-runs',
        },
      },
    },
  };
}
