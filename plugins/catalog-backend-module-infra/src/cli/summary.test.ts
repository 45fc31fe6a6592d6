import { Unresolved } from '@internal/backstage-plugin-infra-node';
import { buildForTest } from '../__testUtils__/build';
import {
  aContainer,
  aModel,
  anIngress,
  aStack,
  aWorkload,
} from '../__testUtils__/model';
import { summarizePreview } from './summary';

function summaryOf(model: Parameters<typeof buildForTest>[0]) {
  return summarizePreview({
    stacks: model.stacks.length,
    entities: buildForTest(model).entities,
    findings: [],
    skippedFiles: model.skippedFiles,
    danglingReferences: [],
  });
}

describe('summarizePreview', () => {
  it('counts entities by kind and type', () => {
    const s = summaryOf(
      aModel([
        aStack('a', {
          workloads: [
            aWorkload('a'),
            aWorkload('a', { name: 'agent', kind: 'daemon-set' }),
          ],
        }),
      ]),
    );
    expect(s.entities).toEqual({
      total: 3,
      byKind: {
        System: { total: 1, byType: { '-': 1 } },
        Component: { total: 2, byType: { service: 1, 'daemon-set': 1 } },
      },
    });
  });

  it('counts ingresses with a full hostname, an unresolved host, or a bare label', () => {
    const s = summaryOf(
      aModel([
        aStack('a', {
          ingresses: [
            anIngress('a', { moduleName: 'one', host: 'one.homelab.example' }),
            anIngress('a', {
              moduleName: 'two',
              host: new Unresolved('var.host', 'encrypted'),
            }),
            anIngress('a', { moduleName: 'three', host: 'pb' }),
          ],
        }),
      ]),
    );
    expect(s.ingresses).toEqual({
      total: 3,
      withFullHost: 1,
      unresolvedHost: 1,
      notFullHost: 1,
    });
  });

  it('counts each unresolved value once per entity, by reason', () => {
    const image = new Unresolved('var.image', 'no-value');
    // The first container's image appears twice in the details (image and
    // containers[0].image): one unknown, counted once.
    const a = aWorkload('a', { containers: [aContainer({ image })] });
    const b = aWorkload('a', {
      name: 'b',
      containers: [aContainer({ image })],
      replicas: new Unresolved('local.replicas'),
    });
    const s = summaryOf(aModel([aStack('a', { workloads: [a, b] })]));
    expect(s.unresolved).toEqual({
      total: 3,
      byReason: { 'no-value': 2, unspecified: 1 },
      top: [
        { expression: 'var.image', reason: 'no-value', entities: 2 },
        { expression: 'local.replicas', entities: 1 },
      ],
    });
  });

  it('counts files not read by reason and findings by rule and severity', () => {
    const s = summarizePreview({
      stacks: 1,
      entities: [],
      skippedFiles: [
        { file: 'config.tfvars', reason: 'encrypted', message: '' },
        { file: 'stacks/a/x.tfvars', reason: 'encrypted', message: '' },
        { file: 'stacks/a/big.tf', reason: 'too-large', message: '' },
      ],
      findings: [
        {
          subject: 'x',
          rule: 'auth-justification',
          severity: 'error',
          message: '',
          fix: '',
          file: 'f',
          line: 1,
        },
        {
          subject: 'y',
          rule: 'auth-justification',
          severity: 'warning',
          message: '',
          fix: '',
          file: 'f',
          line: 2,
        },
      ],
      danglingReferences: [],
    });
    expect(s.skippedFiles).toEqual({
      total: 3,
      byReason: { encrypted: 2, 'too-large': 1 },
    });
    expect(s.findings).toEqual({
      total: 2,
      bySeverity: { error: 1, warning: 1 },
      byRule: { 'auth-justification': { error: 1, warning: 1 } },
    });
  });
});
