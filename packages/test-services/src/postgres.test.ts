import { startPostgres } from './postgres';

describe('startPostgres', () => {
  it('starts a server that answers queries with password auth and stops it', async () => {
    const pg = await startPostgres();
    try {
      const rows = await pg.query<{ answer: number }>(
        'SELECT 41 + 1 AS answer',
      );
      expect(rows).toEqual([{ answer: 42 }]);
    } finally {
      await pg.stop();
    }
    await expect(pg.query('SELECT 1')).rejects.toThrow(/ECONNREFUSED/);
  }, 60_000);
});
