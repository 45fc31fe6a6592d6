import { parseOrgFile } from './org';
import { DEFAULT_UNOWNED_GROUP, StackOwners } from './owners';

const ORG = `apiVersion: backstage.io/v1alpha1
kind: Group
metadata:
  name: platform
  annotations:
    infra.homelab/stacks: vault, dns
spec:
  type: team
  children: []
`;

describe('StackOwners', () => {
  it('takes the org file entry, then the configured default owner', () => {
    const owners = new StackOwners({
      org: parseOrgFile(ORG, 'org.yaml'),
      defaultOwner: 'group:default/ops',
    });
    expect(owners.ownerOf('vault')).toBe('group:default/platform');
    expect(owners.ownerOf('wiki')).toBe('group:default/ops');
    expect(owners.unownedStacks).toEqual([]);
    expect(owners.placeholderEntities('file:/repo')).toEqual([]);
    expect(owners.knownExternalRefs()).toEqual(['group:default/ops']);
  });

  it('gives stacks nobody owns a placeholder group it emits, saying how to assign owners', () => {
    const owners = new StackOwners({
      org: parseOrgFile(ORG, 'org.yaml'),
      orgFile: 'org.yaml',
    });
    expect(owners.ownerOf('wiki')).toBe(DEFAULT_UNOWNED_GROUP);
    expect(owners.ownerOf('notes')).toBe(DEFAULT_UNOWNED_GROUP);
    expect(owners.unownedStacks).toEqual(['wiki', 'notes']);
    const [group] = owners.placeholderEntities('file:/repo');
    expect(group).toMatchObject({
      kind: 'Group',
      metadata: {
        name: 'infra-unowned',
        annotations: { 'backstage.io/managed-by-location': 'file:/repo' },
      },
      spec: { type: 'placeholder', children: [] },
    });
    expect(group.metadata.description).toMatch(
      /^Placeholder owner of 2 infra stacks nobody claims\. .*infra\.homelab\/stacks.*org\.yaml.*owners\.defaultOwner/,
    );
  });

  it('uses a configured placeholder name, and emits nothing when the org file defines it', () => {
    const custom = new StackOwners({ unownedGroup: 'group:ops/nobody' });
    expect(custom.ownerOf('wiki')).toBe('group:ops/nobody');
    expect(custom.placeholderEntities('file:/repo')[0].metadata).toMatchObject({
      name: 'nobody',
      namespace: 'ops',
    });
    const inOrg = new StackOwners({
      org: parseOrgFile(ORG, 'org.yaml'),
      unownedGroup: 'platform',
    });
    expect(inOrg.ownerOf('wiki')).toBe('group:default/platform');
    expect(inOrg.placeholderEntities('file:/repo')).toEqual([]);
  });
});
