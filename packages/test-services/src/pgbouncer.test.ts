import { Client } from 'pg';
import { startPgBouncer } from './pgbouncer';
import { startPostgres } from './postgres';

describe('startPgBouncer', () => {
  it('pools connections to PostgreSQL, refuses a wrong password, and serves the admin console', async () => {
    const postgres = await startPostgres();
    const bouncer = await startPgBouncer({
      postgres,
      poolMode: 'session',
      defaultPoolSize: 3,
    });
    try {
      const client = await bouncer.connect();
      const { rows } = await client.query('SELECT 40 + 2 AS answer');
      expect(rows).toEqual([{ answer: 42 }]);
      const config = await bouncer.admin<{ key: string; value: string }>(
        'SHOW CONFIG',
      );
      expect(config.find(row => row.key === 'pool_mode')?.value).toBe(
        'session',
      );
      expect(config.find(row => row.key === 'default_pool_size')?.value).toBe(
        '3',
      );
      const pools = await bouncer.admin<{
        database: string;
        cl_active: number;
      }>('SHOW POOLS');
      expect(pools.find(p => p.database === 'postgres')?.cl_active).toBe(1);
      await client.end();

      const intruder = new Client({
        host: bouncer.host,
        port: bouncer.port,
        user: postgres.user,
        password: 'wrong',
        database: 'postgres',
      });
      await expect(intruder.connect()).rejects.toThrow(
        /SASL authentication failed|password authentication failed/,
      );
    } finally {
      await bouncer.stop();
      await postgres.stop();
    }
    await expect(bouncer.connect()).rejects.toThrow(/ECONNREFUSED/);
  }, 60_000);
});
