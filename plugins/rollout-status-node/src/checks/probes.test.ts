import { createServer, Server } from 'node:http';
import { AddressInfo } from 'node:net';
import {
  CheckId,
  TargetStatus,
} from '@internal/backstage-plugin-rollout-status-common';
import { collectReadings, evaluateTarget, readRolloutStatusConfig } from '..';

const check = (status: TargetStatus, id: CheckId) =>
  status.checks.find(c => c.id === id);

describe('HTTP probes against local servers', () => {
  let server: Server;
  let base: string;
  const cookiesSeen: Array<string | undefined> = [];

  beforeAll(async () => {
    server = createServer((req, res) => {
      cookiesSeen.push(req.headers.cookie);
      switch (req.url) {
        case '/protected':
          res
            .writeHead(302, {
              location: `${base}/outpost.goauthentik.io/start?rd=%2Fprotected`,
            })
            .end();
          return;
        case '/elsewhere':
          res.writeHead(302, { location: 'https://example.org/' }).end();
          return;
        case '/full-shm':
          res.writeHead(400).end('Bad Request');
          return;
        case '/-/health/ready/':
          res.writeHead(200).end('ok');
          return;
        case '/not-ready':
          res.writeHead(503).end();
          return;
        case '/hang':
          return; // never answers
        default:
          res.writeHead(404).end();
      }
    });
    await new Promise<void>(r => server.listen(0, '127.0.0.1', r));
    base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });
  afterAll(async () => {
    server.closeAllConnections();
    await new Promise(r => server.close(r));
  });

  async function probe(
    readyPath: string,
    forwardAuthPath: string,
    deadlineMs = 3000,
  ) {
    const config = readRolloutStatusConfig({
      deadlineMs,
      targets: [
        {
          id: 't',
          title: 't',
          http: {
            readyUrl: `${base}${readyPath}`,
            forwardAuthUrl: `${base}${forwardAuthPath}`,
          },
        },
      ],
    });
    const t = config.targets[0];
    return evaluateTarget(t, await collectReadings(t, { deadlineMs }));
  }

  it('302 to the login is healthy and 200 readiness is ok; no cookie is sent and the redirect is not followed', async () => {
    const status = await probe('/-/health/ready/', '/protected');
    expect(check(status, 'forward-auth')).toMatchObject({
      verdict: 'ok',
      summary: 'HTTP 302 to the login, as expected without a cookie',
    });
    expect(check(status, 'authentik-ready')?.verdict).toBe('ok');
    expect(cookiesSeen.every(c => c === undefined)).toBe(true);
  });

  it('400 is the session-store failure signature: critical', async () => {
    const result = check(
      await probe('/-/health/ready/', '/full-shm'),
      'forward-auth',
    );
    expect(result?.verdict).toBe('critical');
    expect(result?.summary).toMatch(
      /HTTP 400 instead of a redirect to the login/,
    );
  });

  it('a redirect that is not to the login is a warning', async () => {
    expect(
      check(await probe('/-/health/ready/', '/elsewhere'), 'forward-auth')
        ?.verdict,
    ).toBe('warn');
  });

  it('503 is critical for both probes', async () => {
    const status = await probe('/not-ready', '/not-ready');
    expect(check(status, 'authentik-ready')).toMatchObject({
      verdict: 'critical',
      summary: 'Readiness answered HTTP 503',
    });
    expect(check(status, 'forward-auth')).toMatchObject({
      verdict: 'critical',
      summary: 'HTTP 503: forward-auth is failing',
    });
  });

  it('a server that never answers is unknown within the deadline', async () => {
    const started = Date.now();
    const status = await probe('/hang', '/hang', 500);
    expect(Date.now() - started).toBeLessThan(1500);
    for (const id of ['authentik-ready', 'forward-auth'] as CheckId[]) {
      expect(check(status, id)?.verdict).toBe('unknown');
      expect(check(status, id)?.summary).toMatch(
        /did not answer within 500 ms/,
      );
    }
  });
});
