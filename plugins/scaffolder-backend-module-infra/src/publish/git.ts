import { execFile } from 'node:child_process';

/** Credentials for an HTTP(S) git remote; absent for local (file) remotes. */
export interface GitAuth {
  username: string;
  token: string;
}

/**
 * Runs one git command with a deadline. The token never appears in the
 * arguments (visible in `ps`) or in a message: it is handed to git as an
 * `http.extraHeader` through the environment, and only for this process.
 */
export function runGit(
  args: string[],
  opts: {
    cwd: string;
    timeoutMs: number;
    auth?: GitAuth;
    signal?: AbortSignal;
  },
): Promise<string> {
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    GIT_TERMINAL_PROMPT: '0',
    GIT_CONFIG_NOSYSTEM: '1',
  };
  if (opts.auth) {
    const basic = Buffer.from(
      `${opts.auth.username}:${opts.auth.token}`,
    ).toString('base64');
    env.GIT_CONFIG_COUNT = '1';
    env.GIT_CONFIG_KEY_0 = 'http.extraHeader';
    env.GIT_CONFIG_VALUE_0 = `Authorization: Basic ${basic}`;
  }
  return new Promise((resolve, reject) => {
    execFile(
      'git',
      args,
      {
        cwd: opts.cwd,
        env,
        timeout: opts.timeoutMs,
        signal: opts.signal,
        maxBuffer: 16 * 1024 * 1024,
      },
      (error, stdout, stderr) => {
        if (error) {
          const why = error.killed
            ? `timed out after ${opts.timeoutMs} ms`
            : stderr.trim() || error.message;
          reject(new Error(`git ${args[0]} failed: ${redact(why, opts.auth)}`));
          return;
        }
        resolve(stdout);
      },
    );
  });
}

function redact(text: string, auth?: GitAuth): string {
  return auth ? text.split(auth.token).join('***') : text;
}
