/**
 * Checks for the portal's own TechDocs: runbook links from the code resolve
 * to headings, the TechDocs backend builds and serves the pages, and search
 * ranks the right runbook first. Used by this package's tests and benchmark.
 *
 * @packageDocumentation
 */
export { collectLinkedRunbooks, linkedPages } from './lib/runbookRefs';
export type { LinkedRunbook } from './lib/runbookRefs';
export { buildPortalDocs } from './lib/mkdocs';
export type { MkdocsBuild } from './lib/mkdocs';
export { findBrokenSections, findSection, builtPagePath } from './lib/sections';
export type { SectionProblem } from './lib/sections';
export { findBrokenLinks } from './lib/siteLinks';
export type { BrokenLink } from './lib/siteLinks';
export { REPO_ROOT } from './lib/repoRoot';
export {
  startDocsBackend,
  waitForPortalEntity,
  syncPortalDocs,
  fetchDocsPage,
  PORTAL_ENTITY_PATH,
} from './lib/docsBackend';
export type {
  DocsBackend,
  DocsBackendOptions,
  SyncOutcome,
} from './lib/docsBackend';
export { generateFromRepoRoot } from './lib/generate';
