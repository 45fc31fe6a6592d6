import { Entity } from '@backstage/catalog-model';
import { findDanglingReferences } from './relationCheck';

const entity = (
  kind: string,
  name: string,
  spec: Entity['spec'] = {},
): Entity => ({
  apiVersion: 'backstage.io/v1alpha1',
  kind,
  metadata: { name },
  spec,
});

describe('findDanglingReferences', () => {
  it('accepts relations to emitted entities, with default kinds for bare names', () => {
    const entities = [
      entity('System', 'wiki', { owner: 'platform' }),
      entity('Group', 'platform', {
        type: 'team',
        children: [],
        members: ['admin'],
      }),
      entity('User', 'admin', { memberOf: ['platform'] }),
      entity('Component', 'wiki-web', {
        owner: 'group:default/platform',
        system: 'wiki',
        dependsOn: ['resource:default/wiki-db'],
      }),
      entity('Resource', 'wiki-db', { owner: 'platform', system: 'wiki' }),
    ];
    expect(findDanglingReferences(entities)).toEqual([]);
  });

  it('reports every relation to an entity nobody emits', () => {
    const entities = [
      entity('Component', 'web', {
        owner: 'group:default/unowned',
        system: 'missing',
        dependsOn: ['resource:default/db', 'not a ref'],
      }),
      entity('Resource', 'pdb', {
        dependencyOf: ['Component:default/Web', 'component:default/gone'],
      }),
    ];
    expect(findDanglingReferences(entities)).toEqual([
      {
        from: 'component:default/web',
        field: 'owner',
        target: 'group:default/unowned',
      },
      { from: 'component:default/web', field: 'system', target: 'missing' },
      {
        from: 'component:default/web',
        field: 'dependsOn',
        target: 'resource:default/db',
      },
      {
        from: 'component:default/web',
        field: 'dependsOn',
        target: 'not a ref',
      },
      {
        from: 'resource:default/pdb',
        field: 'dependencyOf',
        target: 'component:default/gone',
      },
    ]);
  });

  it('accepts known external refs such as a configured owner', () => {
    const entities = [entity('System', 'wiki', { owner: 'group:default/ops' })];
    expect(findDanglingReferences(entities, ['group:default/ops'])).toEqual([]);
  });
});
