import { hostUrl, isFullHostname } from './hosts';

describe('isFullHostname', () => {
  it('accepts full hostnames and wildcards', () => {
    expect(isFullHostname('app.example.org')).toBe(true);
    expect(isFullHostname('a-b.c.example.org')).toBe(true);
    expect(isFullHostname('*.example.org')).toBe(true);
  });

  it('rejects a bare label, an expression, an IP and bad labels', () => {
    expect(isFullHostname('pb')).toBe(false);
    expect(isFullHostname('${var.host}.example.org')).toBe(false);
    expect(isFullHostname('10.0.0.1')).toBe(false);
    expect(isFullHostname('-a.example.org')).toBe(false);
    expect(isFullHostname('a..example.org')).toBe(false);
    expect(isFullHostname('')).toBe(false);
  });
});

describe('hostUrl', () => {
  it('links a full hostname over https, with the path', () => {
    expect(hostUrl('app.example.org')).toBe('https://app.example.org');
    expect(hostUrl('app.example.org', '/')).toBe('https://app.example.org');
    expect(hostUrl('app.example.org', '/static')).toBe(
      'https://app.example.org/static',
    );
  });

  it('never links what is not a reachable full hostname', () => {
    expect(hostUrl('pb')).toBeUndefined();
    expect(hostUrl('*.example.org')).toBeUndefined();
  });
});
