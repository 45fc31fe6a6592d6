import {
  DocCounterpart,
  docSitePath,
  RunbookRef,
} from '@internal/backstage-plugin-infra-common';
import { DocPage } from '@internal/backstage-plugin-infra-node';

function words(s: string): string[] {
  return s
    .toLowerCase()
    .split(/[^a-z0-9]+/)
    .filter(Boolean);
}

function baseName(path: string): string {
  return (path.split('/').pop() ?? path).replace(/\.md$/i, '').toLowerCase();
}

/**
 * The infra docs' own counterpart of one of the portal's runbook sections:
 * a section whose heading has every word of the portal section's anchor
 * (`check-dev-shm` ↔ "Check /dev/shm in the outpost"), preferring runbooks;
 * else a page with the same file name as the portal's runbook page. The
 * names are what the two docs share; nothing here knows either's content.
 */
export function runbookCounterpart(
  ref: RunbookRef,
  pages: DocPage[],
  repoFolder: string,
): DocCounterpart | undefined {
  const anchorWords = words(ref.anchor);
  const byKind = [...pages].sort(
    (a, b) => Number(b.kind === 'runbook') - Number(a.kind === 'runbook'),
  );
  if (anchorWords.length >= 2) {
    for (const page of byKind) {
      // The first heading is the page's title: a section is any later one.
      for (const h of page.headings.slice(1)) {
        const hw = new Set([...words(h.text), ...words(h.id)]);
        if (anchorWords.every(w => hw.has(w))) {
          return {
            file: `${repoFolder}/${page.path}`,
            title: `${page.title}: ${h.text}`,
            sitePath: docSitePath(page.path),
            anchor: h.id,
            reason: 'same section name',
          };
        }
      }
    }
  }
  const portalPage = baseName(ref.page);
  const samePage = byKind.find(p => baseName(p.path) === portalPage);
  if (!samePage) return undefined;
  return {
    file: `${repoFolder}/${samePage.path}`,
    title: samePage.title,
    sitePath: docSitePath(samePage.path),
    reason: 'same page name',
  };
}

/** `page#anchor`, the key of a runbook section in the counterparts annotation. */
export function runbookKey(ref: RunbookRef): string {
  return `${ref.page}#${ref.anchor}`;
}
