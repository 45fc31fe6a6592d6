import { HostTarget, hostsNamedIn, hostVariableTarget } from './hosts';

const pooler: HostTarget = { kind: 'pooler', id: 'pooler:auth/pgbouncer' };
const cluster: HostTarget = { kind: 'database', id: 'db:dbaas/pg' };

describe('hostsNamedIn', () => {
  const hosts = new Map<string, HostTarget>([
    ['pgbouncer.auth', pooler],
    ['pgbouncer.auth.svc.cluster.local', pooler],
    ['pg-rw.dbaas', cluster],
  ]);

  it('finds the hosts a connection string names, with the database in its path', () => {
    expect(
      hostsNamedIn(
        'postgres://app:${password}@pg-rw.dbaas:5432/wiki?sslmode=disable',
        'wiki',
        hosts,
      ),
    ).toEqual([{ target: cluster, database: 'wiki' }]);
    expect(
      hostsNamedIn(
        'host=pgbouncer.auth.svc.cluster.local port=6432',
        'x',
        hosts,
      ),
    ).toEqual([{ target: pooler, database: undefined }]);
  });

  it('resolves a bare name in the namespace given, as cluster DNS does', () => {
    expect(
      hostsNamedIn('host=pgbouncer dbname=authentik', 'auth', hosts),
    ).toEqual([{ target: pooler, database: undefined }]);
    expect(hostsNamedIn('host=pgbouncer', 'elsewhere', hosts)).toEqual([]);
  });

  it('matches host names exactly where a plain search for dotted names would', () => {
    // The search for dotted names skips starts inside a word; this is the
    // plain pattern it must agree with.
    const plain =
      /[a-z0-9]([-a-z0-9]*[a-z0-9])?(\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)+/g;
    let seed = 7;
    const random = () => {
      seed = (seed * 1103515245 + 12345) % 2 ** 31;
      return seed / 2 ** 31;
    };
    const alphabet = 'ab0.-.A :/@';
    for (let n = 0; n < 500; n++) {
      const text = Array.from(
        { length: 1 + Math.floor(random() * 30) },
        () => alphabet[Math.floor(random() * alphabet.length)],
      ).join('');
      const expected = [...text.matchAll(plain)].map(m => m[0]);
      const everyName = new Map<string, HostTarget>(
        expected.map(h => [h, { kind: 'database', id: h }]),
      );
      expect(
        hostsNamedIn(text, undefined, everyName).map(h => h.target.id),
      ).toEqual(expected);
    }
  });
});

describe('hostVariableTarget', () => {
  it('takes the Service a `var.<name>_host` names when exactly one has that name', () => {
    const hosts = new Map<string, HostTarget>([
      ['pgbouncer.auth', pooler],
      ['pgbouncer.auth.svc', pooler],
    ]);
    expect(hostVariableTarget('${var.pgbouncer_host}', hosts, [])).toBe(pooler);
  });

  it('gives nothing when two Services share the name', () => {
    const hosts = new Map<string, HostTarget>([
      ['pgbouncer.auth', pooler],
      ['pgbouncer.other', { kind: 'pooler', id: 'pooler:other/pgbouncer' }],
    ]);
    expect(
      hostVariableTarget('${var.pgbouncer_host}', hosts, []),
    ).toBeUndefined();
  });
});
