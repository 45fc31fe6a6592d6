import { stringifyEntityRef } from '@backstage/catalog-model';
import { ConfigReader } from '@backstage/config';
import { FailureLimiter } from './failureLimiter';
import { readBreakGlassUsers } from './breakGlassUsers';
import {
  hashBreakGlassPassword,
  verifyBreakGlassPassword,
} from './passwordHash';

describe('break-glass credentials', () => {
  it('verifies a password against its hash and nothing else', async () => {
    const hash = await hashBreakGlassPassword('correct horse battery staple');
    expect(hash).not.toContain('correct horse');
    expect(
      await verifyBreakGlassPassword('correct horse battery staple', hash),
    ).toBe(true);
    expect(
      await verifyBreakGlassPassword('correct horse battery stapl', hash),
    ).toBe(false);
  });

  it('refuses a config that holds a password instead of a hash, naming the field', () => {
    expect(() =>
      readBreakGlassUsers(
        new ConfigReader({
          users: [{ userEntityRef: 'admin', passwordHash: 'hunter2-hunter2' }],
        }),
      ),
    ).toThrow(
      'auth.providers.breakglass.users[0].passwordHash is not a break-glass password hash; generate one with "yarn workspace backend breakglass-hash"',
    );
  });

  it('locks a name after five failures for the window', () => {
    let now = 0;
    const limiter = new FailureLimiter(5, 15 * 60_000, () => now);
    for (let i = 0; i < 5; i++) limiter.fail('admin');
    expect(limiter.lockedForMinutes('admin')).toBe(15);
    expect(limiter.lockedForMinutes('other')).toBe(0);
    now = 15 * 60_000 + 1;
    expect(limiter.lockedForMinutes('admin')).toBe(0);
  });

  it('keeps users as normalised refs', () => {
    expect(
      readBreakGlassUsers(
        new ConfigReader({
          users: [{ userEntityRef: 'admin', passwordHash: 'scrypt:AA==:AA==' }],
        }),
      )[0].userEntityRef,
    ).toBe(
      stringifyEntityRef({ kind: 'user', namespace: 'default', name: 'admin' }),
    );
  });
});
