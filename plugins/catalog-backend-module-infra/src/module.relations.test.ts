import {
  mockCredentials,
  mockServices,
  startTestBackend,
} from '@backstage/backend-test-utils';
import { Entity, stringifyEntityRef } from '@backstage/catalog-model';
import catalogPlugin from '@backstage/plugin-catalog-backend';
import request from 'supertest';
import { copyExampleRepo } from './__testUtils__/tempRepo';
import { catalogModuleInfra } from './module';

jest.setTimeout(60_000);

/**
 * The relations as the catalog stitches them, on the example repo with a
 * Terragrunt dependency added and no org file (so the placeholder owner is
 * the one that must exist).
 */
describe('catalogModuleInfra relations through a real catalog backend', () => {
  const repo = copyExampleRepo();
  repo.write(
    'stacks/linkwarden/terragrunt.hcl',
    `${repo.read('stacks/linkwarden/terragrunt.hcl')}
dependency "dbaas" {
  config_path = "../dbaas"
}
`,
  );
  let server: Awaited<ReturnType<typeof startTestBackend>>['server'];
  let stop: () => Promise<void>;

  beforeAll(async () => {
    const backend = await startTestBackend({
      features: [
        catalogPlugin,
        catalogModuleInfra,
        mockServices.rootConfig.factory({
          data: {
            catalog: {
              providers: {
                infra: {
                  source: { path: repo.dir },
                  owners: { orgFile: 'no-such-org.yaml' },
                  schedule: {
                    frequency: { minutes: 30 },
                    timeout: { minutes: 1 },
                  },
                },
              },
            },
          },
        }),
      ],
    });
    server = backend.server;
    stop = () => backend.stop();
  });

  afterAll(async () => {
    await stop?.();
    repo.cleanup();
  });

  const get = (path: string) =>
    request(server)
      .get(path)
      .set('Authorization', mockCredentials.user.header());

  async function entity(ref: string): Promise<Entity> {
    const [kind, rest] = ref.split(':');
    const [namespace, name] = rest.split('/');
    const deadline = Date.now() + 20_000;
    for (;;) {
      const res = await get(
        `/api/catalog/entities/by-name/${kind}/${namespace}/${name}`,
      );
      if (res.status === 200 && res.body.relations?.length) return res.body;
      if (Date.now() > deadline)
        throw new Error(
          `${ref} not in the catalog (last status ${res.status})`,
        );
      await new Promise(r => setTimeout(r, 250));
    }
  }
  const targets = (e: Entity, type: string) =>
    (e.relations ?? [])
      .filter(r => r.type === type)
      .map(r => r.targetRef)
      .sort();

  it('relates a stack to the stack its Terragrunt dependency reads', async () => {
    const linkwarden = await entity('system:default/linkwarden');
    expect(targets(linkwarden, 'dependsOn')).toEqual(['system:default/dbaas']);
    const dbaas = await entity('system:default/dbaas');
    expect(targets(dbaas, 'dependencyOf')).toContain(
      'system:default/linkwarden',
    );
  });

  it('owns unclaimed stacks by a placeholder group that is in the catalog', async () => {
    const linkwarden = await entity('system:default/linkwarden');
    expect(targets(linkwarden, 'ownedBy')).toEqual([
      'group:default/infra-unowned',
    ]);
    const group = await entity('group:default/infra-unowned');
    expect(group.metadata.description).toMatch(/To assign an owner/);
  });

  it('points no relation of any entity at an entity that is not in the catalog', async () => {
    // The catalog processes entities one by one: a relation can name an
    // entity that is emitted but not yet processed. Wait until every
    // entity is stitched and no target is missing, or the deadline: a truly
    // dangling relation is still missing then.
    let dangling: string[] = [];
    const deadline = Date.now() + 30_000;
    for (;;) {
      const all: Entity[] = (await get('/api/catalog/entities')).body;
      const refs = new Set(all.map(e => stringifyEntityRef(e)));
      dangling = all.flatMap(e =>
        (e.relations ?? [])
          .filter(r => !refs.has(r.targetRef))
          .map(r => `${stringifyEntityRef(e)} ${r.type} ${r.targetRef}`),
      );
      const settled = all.length > 30 && all.every(e => e.relations?.length);
      if (settled && dangling.length === 0) break;
      if (Date.now() > deadline) {
        if (!settled) throw new Error('catalog never settled');
        break;
      }
      await new Promise(r => setTimeout(r, 250));
    }
    expect(dangling).toEqual([]);
  });
});
