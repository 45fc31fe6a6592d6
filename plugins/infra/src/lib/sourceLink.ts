import {
  ANNOTATION_EDIT_URL,
  ANNOTATION_SOURCE_LOCATION,
  Entity,
} from '@backstage/catalog-model';
import {
  INFRA_ANNOTATIONS,
  readInfraDetails,
} from '@internal/backstage-plugin-infra-common';

export interface SourceLinkTarget {
  /** Browsable URL, when the source lives behind one. */
  url?: string;
  /** What the reader sees: `path/to/file.tf:42` when it can be derived. */
  label: string;
}

/**
 * Repo-relative `file:line` from a GitHub (`/blob/<ref>/`) or
 * Gitea/Forgejo (`/src/branch|commit|tag/<ref>/`) file URL with `#L<n>`.
 */
export function fileLabelFromUrl(url: string): string | undefined {
  const [beforeHash, hash = ''] = url.split('#');
  const path = beforeHash.split('?')[0];
  const file = path.match(
    /\/(?:blob|src\/(?:branch|commit|tag))\/[^/]+\/(.+)$/,
  )?.[1];
  if (!file) return undefined;
  const line = hash.match(/^L(\d+)/)?.[1];
  return line ? `${file}:${line}` : file;
}

/** Where the provider recorded the entity in its details, when it did. */
function detailsSource(
  entity: Entity,
): { file: string; label: string; url?: string } | undefined {
  const parsed = readInfraDetails(
    entity.metadata.annotations?.[INFRA_ANNOTATIONS.details],
  );
  if (parsed.state !== 'parsed') return undefined;
  const source: unknown = parsed.details.source;
  if (typeof source !== 'object' || source === null) return undefined;
  const { file, line, url } = source as Record<string, unknown>;
  if (typeof file !== 'string') return undefined;
  return {
    file,
    label: typeof line === 'number' ? `${file}:${line}` : file,
    url: typeof url === 'string' ? url : undefined,
  };
}

/**
 * Where an infra entity is defined. `backstage.io/edit-url` points at the
 * exact file and line, so it wins; then the details' own `source`; then
 * `backstage.io/source-location` (`url:<url>` or `file:<path>`).
 */
export function readSourceLink(entity: Entity): SourceLinkTarget | undefined {
  const annotations = entity.metadata.annotations ?? {};
  const fromDetails = detailsSource(entity);
  const editUrl = annotations[ANNOTATION_EDIT_URL];
  if (editUrl) {
    return {
      url: editUrl,
      label: fileLabelFromUrl(editUrl) ?? fromDetails?.label ?? editUrl,
    };
  }
  if (fromDetails?.url)
    return { url: fromDetails.url, label: fromDetails.label };
  const location = annotations[ANNOTATION_SOURCE_LOCATION];
  if (location) {
    const separator = location.indexOf(':');
    const type = location.slice(0, separator);
    const target = location.slice(separator + 1);
    if (type === 'url') {
      return {
        url: target,
        label: fromDetails?.label ?? fileLabelFromUrl(target) ?? target,
      };
    }
  }
  // A local checkout (`file:`) has no URL a browser could open: show where.
  if (fromDetails) return { label: fromDetails.label };
  if (location) return { label: location.slice(location.indexOf(':') + 1) };
  return undefined;
}

/**
 * A browser URL for another file of the same infra repo, e.g. the file of a
 * finding. Derived only when the entity's own file URL is known and ends
 * with its repo-relative path (from the details), so the repo's base URL is
 * certain; otherwise undefined and the caller shows the path as text.
 */
export function repoFileUrl(
  entity: Entity,
  file: string,
  line: number,
): string | undefined {
  const own = detailsSource(entity);
  const ownUrl = entity.metadata.annotations?.[ANNOTATION_EDIT_URL] ?? own?.url;
  if (!own || !ownUrl) return undefined;
  const ownFile = own.file;
  const withoutAnchor = ownUrl.split('#')[0].split('?')[0];
  if (!withoutAnchor.endsWith(`/${ownFile}`)) return undefined;
  const base = withoutAnchor.slice(0, -ownFile.length);
  return `${base}${file}#L${line}`;
}
