import { Config } from '@backstage/config';
import { ResponseError } from '@backstage/errors';

/** `scaffolder.infra.forgejo`: where pull requests are opened. */
export interface ForgejoSettings {
  /** e.g. `https://forgejo.example.org` */
  baseUrl: string;
  owner: string;
  repo: string;
  token: string;
  /** User the token belongs to, for git over HTTPS. */
  username: string;
  /** Clone/push URL; defaults to `<baseUrl>/<owner>/<repo>.git`. */
  gitUrl: string;
  baseBranch: string;
  /** Deadline of every git command and API call. */
  timeoutMs: number;
}

export function readForgejoSettings(
  config: Config,
): ForgejoSettings | undefined {
  const c = config.getOptionalConfig('scaffolder.infra.forgejo');
  if (!c) return undefined;
  const baseUrl = c.getString('baseUrl').replace(/\/+$/, '');
  const owner = c.getString('owner');
  const repo = c.getString('repo');
  return {
    baseUrl,
    owner,
    repo,
    token: c.getString('token'),
    username: c.getOptionalString('username') ?? 'infra-portal',
    gitUrl: c.getOptionalString('gitUrl') ?? `${baseUrl}/${owner}/${repo}.git`,
    baseBranch: c.getOptionalString('baseBranch') ?? 'main',
    timeoutMs: (c.getOptionalNumber('timeoutSeconds') ?? 30) * 1000,
  };
}

export interface CreatedPullRequest {
  number: number;
  url: string;
}

/**
 * `POST /api/v1/repos/{owner}/{repo}/pulls` (Forgejo's API is Gitea's),
 * with a deadline. Errors carry the status and Forgejo's message, never the
 * token.
 */
export async function createForgejoPullRequest(
  settings: ForgejoSettings,
  pr: { head: string; title: string; body: string },
  signal?: AbortSignal,
): Promise<CreatedPullRequest> {
  const url = `${settings.baseUrl}/api/v1/repos/${encodeURIComponent(
    settings.owner,
  )}/${encodeURIComponent(settings.repo)}/pulls`;
  const deadline = AbortSignal.timeout(settings.timeoutMs);
  const res = await fetch(url, {
    method: 'POST',
    headers: {
      'content-type': 'application/json',
      accept: 'application/json',
      authorization: `token ${settings.token}`,
    },
    body: JSON.stringify({
      head: pr.head,
      base: settings.baseBranch,
      title: pr.title,
      body: pr.body,
    }),
    signal: signal ? AbortSignal.any([signal, deadline]) : deadline,
  });
  if (!res.ok) {
    throw await ResponseError.fromResponse(res);
  }
  const json = (await res.json()) as { number?: unknown; html_url?: unknown };
  if (typeof json.number !== 'number' || typeof json.html_url !== 'string') {
    throw new Error(
      `Forgejo answered ${url} without a pull request number and URL`,
    );
  }
  return { number: json.number, url: json.html_url };
}
