import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { buildPortalDocs, MkdocsBuild } from './lib/mkdocs';
import { collectLinkedRunbooks, linkedPages } from './lib/runbookRefs';
import { builtPagePath, findBrokenSections, findSection } from './lib/sections';
import { findBrokenLinks } from './lib/siteLinks';

/**
 * The portal links every check and finding to a runbook section. These tests
 * build the docs with the real mkdocs and follow each of those links.
 */
describe('runbook links from the code', () => {
  let build: MkdocsBuild;
  const links = collectLinkedRunbooks();

  beforeAll(async () => {
    build = await buildPortalDocs(
      await mkdtemp(join(tmpdir(), 'portal-docs-')),
    );
  }, 60_000);

  afterAll(async () => {
    if (build) await rm(build.siteDir, { recursive: true, force: true });
  });

  it('covers every finding, check, the auth-tier help and the preflight', () => {
    const from = links.map(l => l.linkedFrom);
    expect(from).toContain('FINDING_RULES.parse-error');
    expect(from).toContain('CHECKS.session-store');
    expect(from).toContain('AUTH_TIER_RUNBOOK');
    expect(from).toContain('PREFLIGHT_RUNBOOK');
    expect(linkedPages(links)).toEqual([
      'runbooks/auth-tiers',
      'runbooks/conventions',
      'runbooks/critical-path',
      'runbooks/drift',
      'runbooks/forward-auth-400',
      'runbooks/helm-apply',
      'runbooks/pgbouncer-pool',
      'runbooks/stuck-rollout',
    ]);
  });

  it.each(collectLinkedRunbooks().map(l => [l.linkedFrom, l.ref] as const))(
    '%s lands on a heading',
    async (_linkedFrom, ref) => {
      const html = await readFile(
        builtPagePath(build.siteDir, ref.page),
        'utf8',
      );
      const section = findSection(html, ref.anchor);
      expect(section?.tag).toMatch(/^h[1-6]$/);
      // The heading has words of its own, not only the permalink sign.
      expect(section?.text).not.toBe('');
    },
  );

  it('reports a link whose section or page does not exist', async () => {
    const problems = await findBrokenSections(build.siteDir, [
      { page: 'runbooks/stuck-rollout', anchor: 'idle-in-transaction-holders' },
      { page: 'runbooks/stuck-rollout', anchor: 'no-such-section' },
      { page: 'runbooks/no-such-page', anchor: 'preflight' },
    ]);
    expect(problems.map(p => p.problem)).toEqual([
      'docs/runbooks/stuck-rollout.md has no heading with {#no-such-section}',
      'docs/runbooks/no-such-page.md was not built (missing file or not in mkdocs.yml)',
    ]);
  });

  it('finds no broken link among all of them', async () => {
    expect(
      await findBrokenSections(
        build.siteDir,
        links.map(l => l.ref),
      ),
    ).toEqual([]);
  });

  it('keeps the links between pages pointing at sections that exist', async () => {
    expect(await findBrokenLinks(build.siteDir)).toEqual([]);
  });

  it('builds without warnings except for screenshots not taken yet', () => {
    const unexpected = build.warnings.filter(
      w => !/link to 'images\/[^']+\.png' which is not found/.test(w),
    );
    expect(unexpected).toEqual([]);
  });
});
