import { evaluateConventions } from '../checkConventions';
import { ingress, model, stack } from '../__testUtils__/model';

const WIKI = [
  'module "wiki_ingress" {',
  '  source = "../../modules/kubernetes/ingress_factory"',
  '  # The wiki has its own accounts; authentik in front would',
  '  # break its API tokens.',
  '  auth = "app"',
  '}',
  '',
  'module "feed_ingress" {',
  '  source = "../../modules/kubernetes/ingress_factory"',
  '  auth   = "none" # the feed is public on purpose',
  '}',
].join('\n');

function wikiModel() {
  return model([
    stack('wiki', {
      ingresses: [
        ingress({
          stack: 'wiki',
          moduleName: 'wiki_ingress',
          host: 'wiki.example.org',
          authTier: 'app',
          authAt: { file: 'stacks/wiki/main.tf', line: 5 },
          source: { file: 'stacks/wiki/main.tf', line: 1 },
        }),
        ingress({
          stack: 'wiki',
          moduleName: 'feed_ingress',
          host: 'feed.example.org',
          authTier: 'none',
          authAt: { file: 'stacks/wiki/main.tf', line: 10 },
          source: { file: 'stacks/wiki/main.tf', line: 8 },
        }),
      ],
    }),
  ]);
}

describe('auth-justification', () => {
  it('reports a site without the marker as an error on its ingress, and a trailing reason as info', () => {
    const { findings } = evaluateConventions(wikiModel(), {
      files: [{ path: 'stacks/wiki/main.tf', content: WIKI }],
    });
    expect(findings.map(f => [f.severity, f.subject, f.line])).toEqual([
      ['error', 'stacks/wiki/main.tf:1', 5],
      ['info', 'stacks/wiki/main.tf:8', 10],
    ]);
    expect(findings[0].message).toBe(
      'module.wiki_ingress (wiki.example.org) sets auth = "app" but none of the 2 comment lines above it says auth = "app".',
    );
    expect(findings[0].fix).toContain('# auth = "app": <what gates the app>');
    expect(findings[1].message).toContain(
      'its reason only as a trailing comment ("the feed is public on purpose")',
    );
    expect(findings[1].fix).toContain(
      '# auth = "none": the feed is public on purpose',
    );
  });

  it('passes once the block carries the marker on any of its lines', () => {
    const fixed = WIKI.replace(
      '  # break its API tokens.',
      '  # break its API tokens. auth = "app": own accounts',
    ).replace(
      '  auth   = "none" # the feed is public on purpose',
      '  # auth = "none": the feed is public on purpose\n  auth   = "none"',
    );
    const { findings } = evaluateConventions(wikiModel(), {
      files: [{ path: 'stacks/wiki/main.tf', content: fixed }],
    });
    expect(findings).toEqual([]);
  });

  it('reports a site outside any ingress on the stack, and skips encrypted files and shared modules', () => {
    const locals = [
      'locals {',
      '  sites = {',
      '    docs = {',
      '      auth = "none"',
      '    }',
      '  }',
      '}',
    ].join('\n');
    const m = model([
      stack('docs', {
        skippedFiles: [
          {
            file: 'stacks/docs/secret.tf',
            reason: 'encrypted',
            message: 'git-crypt',
          },
        ],
      }),
    ]);
    const { findings } = evaluateConventions(m, {
      files: [
        { path: 'stacks/docs/sites.tf', content: locals },
        { path: 'stacks/docs/secret.tf', content: '  auth = "none"\n' },
        { path: 'modules/web/main.tf', content: '  auth = "none"\n' },
      ],
    });
    expect(findings.map(f => [f.subject, f.file, f.line, f.message])).toEqual([
      [
        'stack:docs',
        'stacks/docs/sites.tf',
        4,
        'line 4 of stacks/docs/sites.tf sets auth = "none" with no comment above it saying why it is public.',
      ],
    ]);
  });

  it('says when a blank line cuts the reason off', () => {
    const content = [
      'module "hook" {',
      '  # auth = "none": the sender signs each webhook',
      '',
      '  auth = "none"',
      '}',
    ].join('\r\n');
    const m = model([
      stack('hooks', {
        ingresses: [
          ingress({
            stack: 'hooks',
            moduleName: 'hook',
            authTier: 'none',
            authAt: { file: 'stacks/hooks/main.tf', line: 4 },
          }),
        ],
      }),
    ]);
    const [f] = evaluateConventions(m, {
      files: [{ path: 'stacks/hooks/main.tf', content }],
    }).findings;
    expect(f.message).toContain(
      'The reason at line 2 is cut off from it by a blank line.',
    );
    expect(f.fix).toBe(
      'Remove the blank line between the comment and the auth line.',
    );
  });

  it('without the files, judges the comments the model kept above each factory call', () => {
    const m = model([
      stack('wiki', {
        ingresses: [
          ingress({
            moduleName: 'ok',
            authTier: 'app',
            authAt: { file: 'stacks/wiki/a.tf', line: 3 },
            authComments: [
              {
                text: 'auth = "app": own login',
                line: 1,
                endLine: 1,
                ownLine: true,
              },
              { text: 'and API tokens', line: 2, endLine: 2, ownLine: true },
            ],
          }),
          ingress({
            moduleName: 'other_tier',
            authTier: 'none',
            authAt: { file: 'stacks/wiki/b.tf', line: 2 },
            authComments: [
              {
                text: 'auth = "app": own login',
                line: 1,
                endLine: 1,
                ownLine: true,
              },
            ],
          }),
          ingress({ moduleName: 'required', authTier: 'required' }),
          ingress({
            moduleName: 'graphql',
            kind: 'plain',
            authTier: 'none',
            authAt: { file: 'stacks/wiki/c.tf', line: 1 },
          }),
        ],
      }),
    ]);
    const { findings } = evaluateConventions(m);
    expect(findings.map(f => [f.file, f.message])).toEqual([
      [
        'stacks/wiki/b.tf',
        'module.other_tier (other_tier.example.org) sets auth = "none" but the comment above it justifies auth = "app", not "none".',
      ],
    ]);
  });
});
