/**
 * True for a full DNS hostname such as `app.example.org` (or a wildcard
 * `*.example.org`): at least two labels, each 1-63 letters, digits or
 * hyphens, not starting or ending with a hyphen, the last one not numeric.
 * A bare label (`pb`) or an expression is not one, so a link to it would be
 * broken: callers show such a value as text, not as a link.
 */
export function isFullHostname(host: string): boolean {
  if (host.length > 253) return false;
  const labels = host.replace(/^\*\./, '').split('.');
  if (labels.length < 2) return false;
  const label = /^[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?$/i;
  if (!labels.every(l => label.test(l))) return false;
  return !/^\d+$/.test(labels[labels.length - 1]);
}

/**
 * `https://<host>` (with the path, when given) for a full hostname that is
 * not a wildcard; undefined for anything a browser could not open.
 */
export function hostUrl(host: string, path?: string): string | undefined {
  if (!isFullHostname(host) || host.startsWith('*.')) return undefined;
  if (!path || path === '/') return `https://${host}`;
  return `https://${host}${path.startsWith('/') ? path : `/${path}`}`;
}
