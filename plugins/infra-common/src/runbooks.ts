/**
 * Where a runbook section lives in the portal's own TechDocs.
 *
 * `page` is the path of the Markdown file under the repo's `docs/` folder,
 * without `.md`; `anchor` is the explicit heading id (`{#anchor}`) written in
 * that file. Both are stable: a docs test fails when one does not exist.
 */
export interface RunbookRef {
  page: string;
  anchor: string;
}

/** The catalog entity whose TechDocs hold the runbooks (the portal itself). */
export const RUNBOOK_DOCS_ENTITY = {
  namespace: 'default',
  kind: 'component',
  name: 'infra-portal',
} as const;

/** The portal-relative URL of a runbook section, e.g. for a link in a card. */
export function runbookPath(ref: RunbookRef): string {
  const { namespace, kind, name } = RUNBOOK_DOCS_ENTITY;
  return `/docs/${namespace}/${kind}/${name}/${ref.page}/#${ref.anchor}`;
}
