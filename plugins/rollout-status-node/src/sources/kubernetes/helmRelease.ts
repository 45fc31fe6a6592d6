import { gunzipSync, gzipSync } from 'node:zlib';
import { V1Secret } from '@kubernetes/client-node';
import { HelmReleaseInfo } from './types';

/** Helm 3 names its release Secrets `sh.helm.release.v1.<release>.v<revision>`. */
const RELEASE_SECRET = /^sh\.helm\.release\.v1\.(.+)\.v(\d+)$/;

interface HelmReleaseJson {
  name?: string;
  version?: number;
  info?: { status?: string };
  chart?: { metadata?: { version?: string; appVersion?: string } };
  config?: Record<string, unknown>;
}

/**
 * Decodes a Helm release Secret: the API's base64 of `data.release` holds
 * Helm's own base64 of a gzip of the release JSON.
 */
export function decodeHelmReleaseSecret(secret: V1Secret): HelmReleaseInfo {
  const encoded = secret.data?.release;
  if (!encoded) {
    throw new Error(`Secret ${secret.metadata?.name} has no data.release`);
  }
  const helmBase64 = Buffer.from(encoded, 'base64').toString('utf8');
  const gzipped = Buffer.from(helmBase64, 'base64');
  const release = JSON.parse(
    gunzipSync(gzipped).toString('utf8'),
  ) as HelmReleaseJson;
  return {
    name: release.name ?? '',
    revision: release.version ?? 0,
    status: release.info?.status ?? 'unknown',
    chartVersion: release.chart?.metadata?.version,
    appVersion: release.chart?.metadata?.appVersion,
    values: release.config ?? {},
  };
}

/** Encodes a release the way Helm and the API server store it (for snapshots and fixtures). */
export function encodeHelmReleaseSecret(options: {
  namespace: string;
  release: HelmReleaseJson & { name: string; version: number };
}): V1Secret {
  const { namespace, release } = options;
  const helmBase64 = gzipSync(Buffer.from(JSON.stringify(release))).toString(
    'base64',
  );
  return {
    apiVersion: 'v1',
    kind: 'Secret',
    type: 'helm.sh/release.v1',
    metadata: {
      name: `sh.helm.release.v1.${release.name}.v${release.version}`,
      namespace,
      labels: {
        owner: 'helm',
        name: release.name,
        status: release.info?.status ?? 'deployed',
        version: String(release.version),
      },
    },
    data: { release: Buffer.from(helmBase64).toString('base64') },
  };
}

/**
 * Picks the newest deployed revision of `releaseName` among the Secrets
 * labelled `owner=helm` (a failed or superseded revision says nothing about
 * what an apply would render now).
 */
export function latestDeployedRelease(
  secrets: V1Secret[],
  releaseName: string,
): HelmReleaseInfo | undefined {
  const candidates = secrets
    .map(secret => ({
      secret,
      match: RELEASE_SECRET.exec(secret.metadata?.name ?? ''),
    }))
    .filter(
      ({ secret, match }) =>
        match?.[1] === releaseName &&
        secret.metadata?.labels?.status === 'deployed',
    )
    .sort((a, b) => Number(b.match?.[2]) - Number(a.match?.[2]));
  return candidates.length
    ? decodeHelmReleaseSecret(candidates[0].secret)
    : undefined;
}
