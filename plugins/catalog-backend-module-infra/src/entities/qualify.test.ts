import { qualifyClashes } from './qualify';

const at = (modulePath: string) => ({
  address: `${modulePath}.kubernetes_ingress_v1.this`,
  modulePath,
});

describe('qualifyClashes', () => {
  it('tells a factory module called several times apart by its call label', () => {
    expect(
      qualifyClashes([
        {
          kind: 'resource',
          wanted: 'proxy-web-ingress',
          instance: at('module.proxy.module.nas'),
        },
        {
          kind: 'resource',
          wanted: 'proxy-web-ingress',
          instance: at('module.proxy.module.printer'),
        },
      ]),
    ).toEqual(['proxy-web-ingress-nas', 'proxy-web-ingress-printer']);
  });

  it('goes only as deep as needed, skipping what the name already says', () => {
    expect(
      qualifyClashes([
        {
          kind: 'resource',
          wanted: 'budget-ingress',
          instance: at('module.alice.module.ingress[0]'),
        },
        {
          kind: 'resource',
          wanted: 'budget-ingress',
          instance: at('module.bob.module.ingress[0]'),
        },
      ]),
    ).toEqual(['budget-ingress-alice', 'budget-ingress-bob']);
    expect(
      qualifyClashes([
        {
          kind: 'component',
          wanted: 'sites-web',
          instance: at('module.site["shop"]'),
        },
        {
          kind: 'component',
          wanted: 'sites-web',
          instance: at('module.site["blog"]'),
        },
      ]),
    ).toEqual(['sites-web-shop', 'sites-web-blog']);
  });

  it('names the same regardless of order, and leaves lone names and other kinds alone', () => {
    const a = {
      kind: 'resource',
      wanted: 'x-ingress',
      instance: at('module.a'),
    };
    const b = {
      kind: 'resource',
      wanted: 'x-ingress',
      instance: at('module.b'),
    };
    const c = {
      kind: 'component',
      wanted: 'x-ingress',
      instance: at('module.c'),
    };
    expect(qualifyClashes([a, b, c])).toEqual([
      'x-ingress-a',
      'x-ingress-b',
      'x-ingress',
    ]);
    expect(qualifyClashes([b, a])).toEqual(['x-ingress-b', 'x-ingress-a']);
  });

  it('leaves objects nothing sets apart to the registry', () => {
    expect(
      qualifyClashes([
        { kind: 'resource', wanted: 'db-tripit' },
        { kind: 'resource', wanted: 'db-tripit' },
      ]),
    ).toEqual(['db-tripit', 'db-tripit']);
  });
});
