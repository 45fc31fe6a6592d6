import { Entity } from '@backstage/catalog-model';
import { INFRA_ANNOTATIONS } from '@internal/backstage-plugin-infra-common';
import { collectFindings } from './FindingsOverview';

const withFindings = (name: string, findings: string): Entity => ({
  apiVersion: 'backstage.io/v1alpha1',
  kind: 'Component',
  metadata: { name, annotations: { [INFRA_ANNOTATIONS.findings]: findings } },
});

const finding = (severity: string, message: string) => ({
  rule: 'critical-path-replicas',
  severity,
  message,
  fix: 'Run 3 replicas.',
  file: 'stacks/x/main.tf',
  line: 3,
});

describe('collectFindings', () => {
  it('lists every readable finding across entities, errors first', () => {
    const { found, unreadable } = collectFindings([
      withFindings('a', JSON.stringify([finding('warning', 'a warns')])),
      withFindings('b', JSON.stringify([finding('error', 'b fails')])),
    ]);
    expect(found.map(f => [f.entity.metadata.name, f.finding.message])).toEqual(
      [
        ['b', 'b fails'],
        ['a', 'a warns'],
      ],
    );
    expect(unreadable).toEqual([]);
  });

  it('reports an annotation that does not parse, never as "no findings"', () => {
    const { found, unreadable } = collectFindings([
      withFindings('broken', '{not json'),
    ]);
    expect(found).toEqual([]);
    expect(unreadable.map(e => e.metadata.name)).toEqual(['broken']);
  });
});
