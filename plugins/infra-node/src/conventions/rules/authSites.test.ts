import { isGuardedFile, scanAuthSites } from './authSites';

/** The sites of a snippet as [line, tier, justified]. */
function verdicts(text: string) {
  return scanAuthSites(text).map(s => [s.line, s.tier, s.justified]);
}

describe('scanAuthSites (the guard semantics)', () => {
  it('passes when the marker is on the first line of a multi-line comment block', () => {
    const text = [
      'module "web" {',
      '  # auth = "app": the wiki asks for a login on every page,',
      '  # including its API (tokens); checked on the staging copy',
      '  # before switching.',
      '  auth = "app"',
      '}',
    ].join('\n');
    expect(verdicts(text)).toEqual([[5, 'app', true]]);
    expect(scanAuthSites(text)[0].commentBlock).toHaveLength(3);
  });

  it('accepts the marker anywhere in a comment line, colon or not', () => {
    const text = [
      '  # reviewed 2025: auth = "none" because the feed is public by design',
      '  auth = "none"',
    ].join('\n');
    expect(verdicts(text)).toEqual([[2, 'none', true]]);
  });

  it('fails when a blank line cuts the reason off, and says where the reason is', () => {
    const text = [
      '  # auth = "none": webhook receiver, the sender signs each request',
      '',
      '  auth = "none"',
    ].join('\n');
    const [site] = scanAuthSites(text);
    expect([site.line, site.justified, site.commentBlock]).toEqual([
      3,
      false,
      [],
    ]);
    expect(site.detachedMarkerLine).toBe(1);
  });

  it('fails on a marker for the other tier and names it', () => {
    const text = [
      '  # auth = "app": has its own login',
      '  auth = "none"',
    ].join('\n');
    const [site] = scanAuthSites(text);
    expect(site.justified).toBe(false);
    expect(site.otherTiers).toEqual(['app']);
  });

  it('reads only the first marker of a comment line, as the guard does', () => {
    const text = [
      '  # was auth = "none" before; now auth = "app" (own login)',
      '  auth = "app"',
    ].join('\n');
    expect(verdicts(text)).toEqual([[2, 'app', false]]);
  });

  it('counts only # comment lines in the block: // ends it', () => {
    const text = [
      '  # auth = "app": own login',
      '  // reviewed by the platform team',
      '  auth = "app"',
    ].join('\n');
    expect(verdicts(text)).toEqual([[3, 'app', false]]);
  });

  it('does not treat a line with a trailing comment as a guarded site', () => {
    const text = '  auth = "none" # behind a proof-of-work challenge\n';
    const [site] = scanAuthSites(text);
    expect(site).toMatchObject({
      line: 1,
      tier: 'none',
      guarded: false,
      justified: false,
      trailingComment: 'behind a proof-of-work challenge',
    });
  });

  it('reads CRLF and lone-CR files like LF files', () => {
    const lines = [
      'module "docs" {',
      '  # auth = "none": static pages',
      '  auth = "none"',
      '',
      '  auth = "app"',
      '}',
    ];
    const lf = verdicts(lines.join('\n'));
    expect(lf).toEqual([
      [3, 'none', true],
      [5, 'app', false],
    ]);
    expect(verdicts(lines.join('\r\n'))).toEqual(lf);
    expect(verdicts(lines.join('\r'))).toEqual(lf);
  });

  it('treats heredoc lines as lines: a closing marker ends the block, and a bare auth line inside counts', () => {
    const text = [
      '  notes = <<-EOT',
      '    # auth = "none": this is text of the heredoc',
      '    auth = "none"',
      '  EOT',
      '  auth = "none"',
    ].join('\n');
    expect(verdicts(text)).toEqual([
      [3, 'none', true],
      [5, 'none', false],
    ]);
  });

  it('ignores lines that are not exactly auth = "app"|"none"', () => {
    const text = [
      '  auth = "required"',
      '  auth = var.auth',
      '  # auth = "none"',
      '  settings = { auth = "app" }',
      '  auth = "app",',
      '\tauth\t=\t"app"',
    ].join('\n');
    expect(verdicts(text)).toEqual([[6, 'app', false]]);
  });

  it("uses the guard's whitespace: a byte-order mark is not whitespace", () => {
    expect(verdicts('\uFEFFauth = "app"\n')).toEqual([]);
    expect(verdicts('\u00a0auth = "app"\n')).toEqual([[1, 'app', false]]);
  });

  it('scans .tf files under stacks/ only', () => {
    expect(isGuardedFile('stacks/wiki/main.tf')).toBe(true);
    expect(isGuardedFile('stacks/wiki/modules/web/main.tf')).toBe(true);
    expect(isGuardedFile('modules/kubernetes/ingress_factory/main.tf')).toBe(
      false,
    );
    expect(isGuardedFile('stacks/wiki/terragrunt.hcl')).toBe(false);
    expect(isGuardedFile('stacks/wiki/values.tf.json')).toBe(false);
  });
});
