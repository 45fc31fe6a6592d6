import { Unresolved } from '@internal/backstage-plugin-infra-node';
import {
  aCronJob,
  aDatabase,
  aHelmRelease,
  aModel,
  anIngress,
  aPdb,
  aStack,
  aWorkload,
} from '../__testUtils__/model';
import { assignEntityRefs, inlinePdbId } from './refs';

describe('assignEntityRefs', () => {
  it('scopes names by stack and kind', () => {
    const web = aWorkload('media', { name: 'web' });
    const pooler = aWorkload('media', { name: 'pgbouncer', role: 'pooler' });
    const refs = assignEntityRefs(
      aModel([aStack('media', { workloads: [web, pooler] })]),
    );
    expect(refs.system('media')?.ref).toBe('system:default/media');
    expect(refs.get(web.id)?.ref).toBe('component:default/media-web');
    expect(refs.get(pooler.id)?.ref).toBe('resource:default/media-pgbouncer');
  });

  it('names every for_each instance by its key, and count instances by index', () => {
    const instance = (key: string | number) => ({
      address: `module.site[${JSON.stringify(key)}].module.ingress`,
      modulePath: `module.site[${JSON.stringify(key)}]`,
      key,
    });
    const blog = anIngress('sites', { instance: instance('blog') });
    const shop = anIngress('sites', { instance: instance('shop') });
    const first = aCronJob('sites', { name: 'sync', instance: instance(0) });
    const second = aCronJob('sites', { name: 'sync', instance: instance(1) });
    const refs = assignEntityRefs(
      aModel([
        aStack('sites', { ingresses: [blog, shop], cronJobs: [first, second] }),
      ]),
    );
    expect(refs.get(blog.id)?.name).toBe('sites-ingress-blog');
    expect(refs.get(shop.id)?.name).toBe('sites-ingress-shop');
    expect(refs.get(first.id)?.name).toBe('sites-sync');
    expect(refs.get(second.id)?.name).toBe('sites-sync-1');
  });

  it('tells the instances of a factory module called twice apart by the call, in any order', () => {
    const via = (call: string) =>
      anIngress('edge', {
        moduleName: 'web_ingress',
        instance: {
          address: `module.${call}.kubernetes_ingress_v1.web_ingress`,
          modulePath: `module.${call}`,
        },
      });
    const nas = via('nas');
    const printer = via('printer');
    const names = (ingresses: ReturnType<typeof via>[]) => {
      const refs = assignEntityRefs(aModel([aStack('edge', { ingresses })]));
      return [nas, printer].map(i => refs.get(i.id)?.name);
    };
    expect(names([nas, printer])).toEqual([
      'edge-web-ingress-nas',
      'edge-web-ingress-printer',
    ]);
    expect(names([printer, nas])).toEqual(names([nas, printer]));
  });

  it('says what an ingress is when its label does not', () => {
    const pb = anIngress('notes', { moduleName: 'pb' });
    const plain = anIngress('notes', {
      kind: 'plain',
      moduleName: 'notes_ingress',
    });
    const refs = assignEntityRefs(
      aModel([aStack('notes', { ingresses: [pb, plain] })]),
    );
    expect(refs.get(pb.id)?.name).toBe('notes-pb-ingress');
    expect(refs.get(plain.id)?.name).toBe('notes-ingress');
  });

  it('gives the same names for the same model, and suffixes real clashes', () => {
    const model = () =>
      aModel([
        aStack('a', {
          workloads: [
            aWorkload('a', { id: 'w1', name: 'app' }),
            aWorkload('a', { id: 'w2', name: 'app' }),
          ],
        }),
      ]);
    const names = (m: ReturnType<typeof model>) => {
      const refs = assignEntityRefs(m);
      return ['w1', 'w2'].map(id => refs.get(id)?.name);
    };
    expect(names(model())).toEqual(['a-app', 'a-app-2']);
    expect(names(model())).toEqual(names(model()));
  });

  it('names helm releases, inline PDBs and databases after what they belong to', () => {
    const server = aWorkload('auth', {
      kind: 'helm',
      name: 'idp-server',
      helm: { release: 'idp', chart: 'idp', component: 'server' },
      inlinePdb: {
        minAvailable: 2,
        source: { file: 'stacks/auth/values.yaml', line: 9 },
      },
    });
    const release = aHelmRelease('auth', {
      name: 'idp',
      workloadIds: [server.id],
    });
    const cluster = aDatabase('db', { name: 'pg' });
    const appDb = aDatabase('db', {
      role: 'database',
      name: 'auth',
      serverId: cluster.id,
    });
    const orphanDb = aDatabase('db', {
      role: 'database',
      name: new Unresolved('var.db'),
    });
    const refs = assignEntityRefs(
      aModel([
        aStack('auth', { workloads: [server], helmReleases: [release] }),
        aStack('db', { databases: [cluster, appDb, orphanDb] }),
      ]),
    );
    expect(refs.get(server.id)?.name).toBe('auth-server');
    expect(refs.get(inlinePdbId(server.id))?.name).toBe('auth-server-pdb');
    expect(refs.get(release.id)?.name).toBe('auth-idp');
    expect(refs.get(appDb.id)?.name).toBe('db-pg-auth');
    expect(refs.get(orphanDb.id)?.display).toBe(orphanDb.id);
  });

  it('links only ids that have an entity, without repeats', () => {
    const pdb = aPdb('x');
    const refs = assignEntityRefs(aModel([aStack('x', { pdbs: [pdb] })]));
    expect(refs.links([pdb.id, 'nope', pdb.id])).toEqual([
      { ref: 'resource:default/x-pdb', name: 'x' },
    ]);
    expect(() => refs.require('nope')).toThrow(/nope/);
  });
});
