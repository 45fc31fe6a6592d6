import { ChildProcess, spawn } from 'node:child_process';
import { join } from 'node:path';
import { findFreePort } from '../processes';

/** An account the test OIDC server signs in, with authentik-like claims. */
export interface OidcTestUser {
  name?: string;
  email?: string;
  emailVerified?: boolean;
  /** authentik group names, sent as the `groups` claim. */
  groups?: string[];
}

export interface OidcTestClient {
  client_id: string;
  client_secret: string;
  redirect_uris: string[];
  grant_types?: string[];
}

export interface StartOidcServerOptions {
  /** Fixed port, when the backend's config must know it in advance. */
  port?: number;
  clients: OidcTestClient[];
  /** By login name. Names not listed still sign in, without groups. */
  users?: Record<string, OidcTestUser>;
  timeoutMs?: number;
}

/** A running OIDC provider on localhost. */
export interface TestOidcServer {
  issuer: string;
  metadataUrl: string;
  port: number;
  /** Everything the process printed (for a failing test's message). */
  output(): string;
  /** Stops it: the identity provider is down from then on. */
  stop(): Promise<void>;
}

/**
 * Starts a real OpenID Connect provider (the `oidc-provider` library) in a
 * child process on 127.0.0.1, with the development login form: any login
 * name and password signs in as that name.
 */
export async function startOidcServer(
  options: StartOidcServerOptions,
): Promise<TestOidcServer> {
  const port = options.port ?? (await findFreePort());
  const clients = options.clients.map(c => ({
    grant_types: ['authorization_code', 'refresh_token'],
    response_types: ['code'],
    ...c,
  }));
  const child: ChildProcess = spawn(
    process.execPath,
    // This package runs from its sources only (main: src/index.ts), so the
    // script sits next to this file.
    // eslint-disable-next-line no-restricted-syntax
    [join(__dirname, 'oidcServerProcess.mjs')],
    {
      env: {
        ...process.env,
        OIDC_TEST_SERVER_OPTIONS: JSON.stringify({
          port,
          clients,
          users: options.users ?? {},
        }),
      },
      stdio: ['ignore', 'pipe', 'pipe'],
    },
  );
  let output = '';
  const exited = new Promise<void>(done => child.once('exit', () => done()));
  const issuer = await new Promise<string>((resolve, reject) => {
    const timer = setTimeout(
      () => reject(new Error(`OIDC test server did not start: ${output}`)),
      options.timeoutMs ?? 30_000,
    );
    const onData = (data: Buffer) => {
      output += data;
      const match = /listening (\S+)/.exec(output);
      if (match) {
        clearTimeout(timer);
        resolve(match[1]);
      }
    };
    child.stdout?.on('data', onData);
    child.stderr?.on('data', onData);
    child.once('exit', code => {
      clearTimeout(timer);
      reject(new Error(`OIDC test server exited (${code}): ${output}`));
    });
  });
  return {
    issuer,
    port,
    metadataUrl: `${issuer}/.well-known/openid-configuration`,
    output: () => output,
    async stop() {
      if (child.exitCode !== null || child.signalCode !== null) return;
      child.kill('SIGTERM');
      const timer = setTimeout(() => child.kill('SIGKILL'), 5_000);
      await exited;
      clearTimeout(timer);
    },
  };
}
