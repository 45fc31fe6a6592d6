import {
  instanceName,
  NameRegistry,
  sanitizeName,
  stackScopedName,
} from './names';

describe('entity names', () => {
  it('sanitizes free text and keeps long names unique with a hash', () => {
    expect(sanitizeName('Paperless NGX_web')).toBe('paperless-ngx-web');
    expect(sanitizeName('!!!')).toBe('unnamed');
    const long = sanitizeName(`${'a'.repeat(40)}-${'b'.repeat(40)}`);
    expect(long.length).toBeLessThanOrEqual(63);
    expect(long).not.toBe(sanitizeName(`${'a'.repeat(40)}-${'c'.repeat(40)}`));
  });

  it('prefixes with the stack unless the name already starts with it', () => {
    expect(stackScopedName('immich', 'immich-server')).toBe('immich-server');
    expect(stackScopedName('authentik', 'pgbouncer')).toBe(
      'authentik-pgbouncer',
    );
  });

  it('suffixes clashes per kind only', () => {
    const names = new NameRegistry();
    expect(names.take('component', 'app')).toBe('app');
    expect(names.take('resource', 'app')).toBe('app');
    expect(names.take('component', 'app')).toBe('app-2');
  });
});

describe('instanceName', () => {
  it('names a for_each instance by its key', () => {
    expect(instanceName('media-ingress', 'photos')).toBe(
      'media-ingress-photos',
    );
  });

  it('does not repeat a key the name already carries', () => {
    expect(instanceName('media-photos-server', 'photos')).toBe(
      'media-photos-server',
    );
    // A key that is only part of a word is not "carried".
    expect(instanceName('media-app', 'a')).toBe('media-app-a');
  });

  it('keeps count index 0 bare and names later indexes by number', () => {
    expect(instanceName('worker', 0)).toBe('worker');
    expect(instanceName('worker', 2)).toBe('worker-2');
    expect(instanceName('worker', undefined)).toBe('worker');
  });
});
