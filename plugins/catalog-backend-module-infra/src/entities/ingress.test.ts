import {
  INFRA_ANNOTATIONS,
  IngressDetails,
} from '@internal/backstage-plugin-infra-common';
import { Unresolved } from '@internal/backstage-plugin-infra-node';
import { buildForTest } from '../__testUtils__/build';
import {
  aModel,
  anAnubis,
  anIngress,
  aPdb,
  aStack,
  aWorkload,
} from '../__testUtils__/model';

const oneIngress = (overrides: Parameters<typeof anIngress>[1]) => {
  const i = anIngress('docs', overrides);
  return buildForTest(aModel([aStack('docs', { ingresses: [i] })]));
};

describe('ingress entities', () => {
  it('links the full hostname, with the first path, and titles it by what people type', () => {
    const { get, details } = oneIngress({
      host: 'docs.homelab.example',
      paths: ['/static', '/assets'],
    });
    const e = get('Resource:docs-ingress');
    expect(e.metadata.title).toBe('docs.homelab.example /static /assets');
    expect(e.metadata.links).toEqual([
      {
        url: 'https://docs.homelab.example/static',
        title: 'docs.homelab.example',
      },
    ]);
    expect((details('Resource:docs-ingress') as IngressDetails).url).toBe(
      'https://docs.homelab.example/static',
    );
  });

  it('titles a whole-host ingress by its host alone', () => {
    const { get } = oneIngress({ host: 'docs.homelab.example', paths: ['/'] });
    expect(get('Resource:docs-ingress').metadata.title).toBe(
      'docs.homelab.example',
    );
  });

  it('never links an unresolved host or a bare label, and says which it is', () => {
    const unresolved = oneIngress({
      host: new Unresolved('local.host', 'no-value'),
    });
    const e = unresolved.get('Resource:docs-ingress');
    expect(e.metadata.links).toBeUndefined();
    expect(e.metadata.annotations?.[INFRA_ANNOTATIONS.host]).toBe(
      'unresolved: local.host',
    );
    expect(unresolved.details('Resource:docs-ingress')).toMatchObject({
      host: { unresolved: 'local.host', reason: 'no-value' },
    });
    expect(unresolved.details('Resource:docs-ingress')).not.toHaveProperty(
      'url',
    );

    const label = oneIngress({ host: 'pb' });
    expect(label.get('Resource:docs-ingress').metadata.links).toBeUndefined();
    expect(label.get('Resource:docs-ingress').metadata.title).toBe('pb');
    expect(
      oneIngress({ host: 'pb', title: 'PocketBase' }).get(
        'Resource:docs-ingress',
      ).metadata.title,
    ).toBe('PocketBase');
  });

  it('falls back to the homepage name, then the label, when the host is unknown', () => {
    const named = oneIngress({
      host: new Unresolved('var.host'),
      title: 'Docs',
    });
    expect(named.get('Resource:docs-ingress').metadata.title).toBe('Docs');
    const bare = oneIngress({ host: new Unresolved('var.host') });
    expect(bare.get('Resource:docs-ingress').metadata.title).toBe('ingress');
  });

  it('describes it with the homepage description and its auth tier', () => {
    const { get, details } = oneIngress({
      title: 'Docs',
      description: 'Team handbook',
      authDefaulted: true,
    });
    expect(get('Resource:docs-ingress').metadata.description).toBe(
      'Docs: Team handbook. Ingress module.ingress (auth required, the default) in stack docs.',
    );
    expect(details('Resource:docs-ingress')).toMatchObject({
      homepageName: 'Docs',
      homepageDescription: 'Team handbook',
      authDefaulted: true,
    });
  });

  it('models a plain kubernetes_ingress_v1 like a factory one, with all its hosts', () => {
    const { get, details } = oneIngress({
      kind: 'plain',
      moduleName: 'web',
      host: 'a.homelab.example',
      extraHosts: ['b.homelab.example', 'pb'],
    });
    const e = get('Resource:docs-web-ingress');
    expect(e.spec?.type).toBe('ingress');
    expect(e.metadata.description).toMatch(
      /^Ingress kubernetes_ingress_v1\.web /,
    );
    expect(e.metadata.links?.map(l => l.url)).toEqual([
      'https://a.homelab.example',
      'https://b.homelab.example',
    ]);
    expect(details('Resource:docs-web-ingress')).toMatchObject({
      ingressKind: 'plain',
      extraHosts: ['b.homelab.example', 'pb'],
    });
  });

  it('depends on the workload behind it and on the Anubis Deployment in front, with its PDB', () => {
    const app = aWorkload('blog', { name: 'blog' });
    const guard = aWorkload('blog', { name: 'anubis' });
    const guardPdb = aPdb('blog', { name: 'anubis' });
    const anubis = anAnubis('blog', {
      workloadId: guard.id,
      pdbId: guardPdb.id,
    });
    const i = anIngress('blog', { anubis: 'anubis', authTier: 'none' });
    const model = aModel(
      [
        aStack('blog', {
          workloads: [app, guard],
          pdbs: [guardPdb],
          anubis: [anubis],
          ingresses: [i],
        }),
      ],
      { ingressTargets: new Map([[i.id, app.id]]) },
    );
    const { get, details } = buildForTest(model);
    expect(get('Resource:blog-ingress').spec?.dependsOn).toEqual([
      'component:default/blog',
      'component:default/blog-anubis',
    ]);
    expect(details('Resource:blog-ingress')).toMatchObject({
      anubis: true,
      anubisInstance: 'anubis',
      anubisWorkload: { ref: 'component:default/blog-anubis' },
      anubisPdb: { ref: 'resource:default/blog-anubis-pdb' },
      target: { ref: 'component:default/blog' },
    });
    expect(get('Resource:blog-ingress').metadata.tags).toEqual(['auth-none']);
  });

  it('carries its findings', () => {
    const i = anIngress('docs', { authTier: 'none' });
    const { get } = buildForTest(aModel([aStack('docs', { ingresses: [i] })]), {
      findings: [
        {
          subject: i.id,
          rule: 'auth-justification',
          severity: 'error',
          message: 'no reason given',
          fix: 'write one',
          file: i.source.file,
          line: 7,
        },
      ],
    });
    expect(
      JSON.parse(
        get('Resource:docs-ingress').metadata.annotations![
          INFRA_ANNOTATIONS.findings
        ],
      ),
    ).toEqual([
      expect.objectContaining({ rule: 'auth-justification', line: 7 }),
    ]);
  });
});
