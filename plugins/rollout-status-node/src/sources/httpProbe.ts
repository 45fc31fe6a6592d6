/** What one HTTP probe saw. */
export interface ProbeAnswer {
  url: string;
  status: number;
  /** The Location header of a redirect (never followed). */
  location?: string;
  elapsedMs: number;
}

/**
 * One cookie-less GET that does not follow redirects: a forward-auth host
 * must answer 302 to the login, and only the first answer tells us that.
 */
export async function probeHttp(
  url: string,
  signal: AbortSignal,
): Promise<ProbeAnswer> {
  const started = Date.now();
  const response = await fetch(url, {
    method: 'GET',
    redirect: 'manual',
    signal,
    headers: { 'user-agent': 'backstage-rollout-status' },
  });
  // Drain the body so the connection is released; its content is not needed.
  await response.arrayBuffer();
  return {
    url,
    status: response.status,
    location: response.headers.get('location') ?? undefined,
    elapsedMs: Date.now() - started,
  };
}
