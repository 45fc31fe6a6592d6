import { Client } from 'pg';
import {
  startPgBouncer,
  startPostgres,
  TestPgBouncer,
  TestPostgres,
} from '@internal/test-services';
import {
  CheckId,
  TargetStatus,
} from '@internal/backstage-plugin-rollout-status-common';
import { collectReadings, evaluateTarget, readRolloutStatusConfig } from '..';

const check = (status: TargetStatus, id: CheckId) => {
  const found = status.checks.find(c => c.id === id);
  if (!found) throw new Error(`no ${id} check`);
  return found;
};

async function waitFor(predicate: () => Promise<boolean>, what: string) {
  const until = Date.now() + 10_000;
  while (!(await predicate())) {
    if (Date.now() > until) throw new Error(`timed out waiting for ${what}`);
    await new Promise(r => setTimeout(r, 50));
  }
}

describe('pool and lock checks against a real PgBouncer in front of a real PostgreSQL', () => {
  let postgres: TestPostgres;
  let bouncer: TestPgBouncer;
  const opened: Client[] = [];

  beforeAll(async () => {
    postgres = await startPostgres();
    bouncer = await startPgBouncer({
      postgres,
      poolMode: 'session',
      defaultPoolSize: 2,
      idleTransactionTimeout: 300,
    });
  }, 60_000);
  afterAll(async () => {
    await Promise.all(opened.map(c => c.end().catch(() => undefined)));
    await bouncer?.stop();
    await postgres?.stop();
  });

  function target(
    overrides: { adminPassword?: string; pgbouncerPort?: number } = {},
  ) {
    return readRolloutStatusConfig({
      deadlineMs: 2000,
      targets: [
        {
          id: 'authentik',
          title: 'authentik',
          pgbouncer: {
            host: bouncer.host,
            port: overrides.pgbouncerPort ?? bouncer.port,
            user: bouncer.adminUser,
            password: overrides.adminPassword ?? bouncer.adminPassword,
            database: 'postgres',
          },
          postgres: {
            host: postgres.host,
            port: postgres.port,
            user: postgres.user,
            password: postgres.password,
            database: 'postgres',
          },
          thresholds: { idleInTransactionSeconds: 1 },
        },
      ],
    }).targets[0];
  }

  async function status(t = target()) {
    return evaluateTarget(t, await collectReadings(t, { deadlineMs: 2000 }));
  }

  async function through(applicationName: string) {
    const client = new Client({
      host: bouncer.host,
      port: bouncer.port,
      user: postgres.user,
      password: postgres.password,
      database: 'postgres',
      application_name: applicationName,
    });
    await client.connect();
    opened.push(client);
    return client;
  }

  it('a saturated session-mode pool with waiting clients is critical, and clears when released', async () => {
    const holders = [await through('holder-1'), await through('holder-2')];
    for (const h of holders) await h.query('SELECT 1');
    const waiter = await through('waiter');
    const waited = waiter.query('SELECT 1 AS done');
    await waitFor(async () => {
      const pools = await bouncer.admin<{
        database: string;
        cl_waiting: number;
      }>('SHOW POOLS');
      return (pools.find(p => p.database === 'postgres')?.cl_waiting ?? 0) > 0;
    }, 'a waiting client');

    const saturated = check(await status(), 'pool');
    expect(saturated.verdict).toBe('critical');
    expect(saturated.summary).toMatch(
      /1 client\(s\) wait for a server connection.*saturated/,
    );
    expect(saturated.data).toMatchObject({
      poolMode: 'session',
      poolSize: 2,
      serverActive: 2,
      clientWaiting: 1,
      saturationPercent: 100,
    });
    expect(saturated.sources[0]).toMatchObject({
      kind: 'pgbouncer',
      mode: 'live',
    });

    await Promise.all(holders.map(h => h.end()));
    await expect(waited).resolves.toMatchObject({ rows: [{ done: 1 }] });
    await waiter.end();
    await waitFor(
      async () => check(await status(), 'pool').verdict === 'ok',
      'the pool to clear',
    );
    expect(check(await status(), 'pool').data).toMatchObject({
      clientWaiting: 0,
    });
  }, 30_000);

  it('an advisory lock held by a session idle in transaction is critical with pid, age and application', async () => {
    const ghost = await through('authentik');
    await ghost.query('BEGIN');
    const { rows } = await ghost.query(
      'SELECT pg_backend_pid() AS pid, pg_advisory_xact_lock(2026)',
    );
    await ghost.query('SELECT count(*) FROM pg_class');
    await new Promise(r => setTimeout(r, 1500));

    const held = check(await status(), 'lock-holders');
    expect(held.verdict).toBe('critical');
    const holders = held.data?.holders as Array<Record<string, unknown>>;
    expect(holders).toHaveLength(1);
    expect(holders[0]).toMatchObject({
      pid: rows[0].pid,
      applicationName: 'authentik',
      state: 'idle in transaction',
      query: 'SELECT count(*) FROM pg_class',
    });
    expect(holders[0].idleSeconds).toBeGreaterThanOrEqual(1);
    expect(held.summary).toContain(`pid ${rows[0].pid} (authentik)`);

    await ghost.query('COMMIT');
    const cleared = check(await status(), 'lock-holders');
    expect(cleared.verdict).toBe('ok');
    expect(cleared.data?.holders).toEqual([]);
    await ghost.end();
  }, 30_000);

  it('reports connections per application against max_connections', async () => {
    const result = check(await status(), 'db-connections');
    expect(result.verdict).toBe('ok');
    expect(result.data?.maxConnections).toBe(100);
    expect(
      (result.data?.byApplication as Array<{ application: string }>).map(
        a => a.application,
      ),
    ).toContain('backstage-rollout-status');
  });

  it('a refused admin password makes the pool unknown, without echoing the password', async () => {
    const wrong = 'not-the-admin-password-xyz';
    const result = check(
      await status(target({ adminPassword: wrong })),
      'pool',
    );
    expect(result.verdict).toBe('unknown');
    expect(result.summary).toMatch(/authentication failed/);
    expect(JSON.stringify(result)).not.toContain(wrong);
    expect(JSON.stringify(result)).not.toContain(bouncer.adminPassword);
  });

  it('a statement timeout makes the database checks unknown within the deadline', async () => {
    await postgres.query(
      'CREATE TABLE IF NOT EXISTS authentik_version_history (id serial, "timestamp" timestamptz DEFAULT now(), version text, build text)',
    );
    const locker = new Client({
      host: postgres.host,
      port: postgres.port,
      user: postgres.user,
      password: postgres.password,
      database: 'postgres',
    });
    await locker.connect();
    opened.push(locker);
    await locker.query('BEGIN');
    await locker.query(
      'LOCK TABLE authentik_version_history IN ACCESS EXCLUSIVE MODE',
    );
    const started = Date.now();
    const result = await status();
    expect(Date.now() - started).toBeLessThan(2000 + 500);
    const locks = check(result, 'lock-holders');
    expect(locks.verdict).toBe('unknown');
    expect(locks.summary).toMatch(/statement timeout/);
    await locker.query('ROLLBACK');
    await locker.end();
  }, 30_000);
});
