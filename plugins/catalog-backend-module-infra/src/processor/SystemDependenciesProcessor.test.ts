import { Entity } from '@backstage/catalog-model';
import { CatalogProcessorResult } from '@backstage/plugin-catalog-node';
import { INFRA_ANNOTATIONS } from '@internal/backstage-plugin-infra-common';
import { SystemDependenciesProcessor } from './SystemDependenciesProcessor';

const location = { type: 'url', target: 'file:/repo' };

async function relationsOf(entity: Entity) {
  const emitted: CatalogProcessorResult[] = [];
  await new SystemDependenciesProcessor().postProcessEntity(
    entity,
    location,
    r => emitted.push(r),
  );
  return emitted.map(r =>
    r.type === 'relation'
      ? `${r.relation.source.name} ${
          r.relation.type
        } ${r.relation.target.kind.toLowerCase()}:${r.relation.target.name}`
      : `${r.type}`,
  );
}

const system = (
  spec: Entity['spec'],
  annotations: Record<string, string> = {
    [INFRA_ANNOTATIONS.stack]: 'app',
  },
): Entity => ({
  apiVersion: 'backstage.io/v1alpha1',
  kind: 'System',
  metadata: { name: 'app', annotations },
  spec,
});

describe('SystemDependenciesProcessor', () => {
  it('relates a stack to the stacks it depends on, both ways', async () => {
    expect(
      await relationsOf(
        system({ owner: 'x', dependsOn: ['system:default/vault', 'dns'] }),
      ),
    ).toEqual([
      'app dependsOn system:vault',
      'vault dependencyOf system:app',
      'app dependsOn system:dns',
      'dns dependencyOf system:app',
    ]);
  });

  it('leaves Systems of other sources and Systems without the field alone', async () => {
    expect(
      await relationsOf(
        system({ owner: 'x', dependsOn: ['system:default/vault'] }, {}),
      ),
    ).toEqual([]);
    expect(await relationsOf(system({ owner: 'x' }))).toEqual([]);
  });

  it('reports a target that is not an entity ref', async () => {
    expect(
      await relationsOf(system({ owner: 'x', dependsOn: ['system:default/'] })),
    ).toEqual(['error']);
  });
});
