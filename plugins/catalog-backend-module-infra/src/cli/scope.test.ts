import { ConventionFinding } from '@internal/backstage-plugin-infra-node';
import { buildForTest } from '../__testUtils__/build';
import { aModel, aStack, aWorkload } from '../__testUtils__/model';
import { UsageError } from './args';
import { applyScope, resolveScope } from './scope';

const model = aModel([
  aStack('wiki', {
    files: ['stacks/wiki/main.tf', 'modules/kubernetes/web/main.tf'],
    workloads: [aWorkload('wiki')],
  }),
  aStack('notes', { workloads: [aWorkload('notes')] }),
  aStack('vault'),
]);
const scope = (stacks: string[], changed: string[] = []) =>
  resolveScope(model, '/repo', { stacks, changed });
const judged = (s: ReturnType<typeof scope>) => [...s.stacks].sort();

describe('resolveScope', () => {
  it('judges every stack unless told otherwise', () => {
    expect(scope([])).toMatchObject({ all: true });
    expect(judged(scope([]))).toEqual(['notes', 'vault', 'wiki']);
  });

  it('takes stack folders in any of the usual spellings', () => {
    expect(
      judged(
        scope([
          'stacks/wiki',
          'notes',
          './stacks/vault/',
          '/repo/stacks/notes',
        ]),
      ),
    ).toEqual(['notes', 'vault', 'wiki']);
  });

  it('refuses a stack that does not exist or a path outside the repo', () => {
    expect(() => scope(['stacks/nope'])).toThrow(UsageError);
    expect(() => scope(['stacks/nope'])).toThrow(
      /--stacks stacks\/nope: no such stack/,
    );
    expect(() => scope(['../elsewhere'])).toThrow(/outside the infra repo/);
  });

  it('judges the stacks a change touches', () => {
    // A file of a stack: that stack.
    expect(judged(scope([], ['stacks/notes/main.tf']))).toEqual(['notes']);
    // A shared module a stack read: the stacks that read it.
    expect(judged(scope([], ['modules/kubernetes/web/main.tf']))).toEqual([
      'wiki',
    ]);
    // A file nothing reads: no stack.
    expect(judged(scope([], ['docs/runbook.md']))).toEqual([]);
    // A file the model reads that no stack lists (the root terragrunt.hcl, a
    // module no stack was seen to read): any stack may use it.
    expect(scope([], ['terragrunt.hcl'])).toMatchObject({ all: true });
    expect(scope([], ['modules/kubernetes/other/main.tf'])).toMatchObject({
      all: true,
    });
  });
});

describe('applyScope', () => {
  it('keeps only the entities, findings and dangling references of judged stacks', () => {
    const { entities } = buildForTest(model);
    const [wikiWorkload] = model.stacks[0].workloads;
    const finding = (subject: string, file: string): ConventionFinding => ({
      subject,
      rule: 'no-cpu-limit',
      severity: 'warning',
      message: '',
      fix: '',
      file,
      line: 1,
    });
    const wikiAndOneFile = {
      all: false,
      stacks: new Set(['wiki']),
      changedFiles: new Set(['config.tfvars']),
    };
    const out = applyScope(wikiAndOneFile, model, {
      entities,
      allowed: [],
      findings: [
        // On a shared module file, about a wiki workload: judged.
        finding(wikiWorkload.id, 'modules/kubernetes/web/main.tf'),
        finding('stack:notes', 'stacks/notes/main.tf'),
        finding('file:config.tfvars', 'config.tfvars'),
        finding('file:other.tfvars', 'other.tfvars'),
      ],
      danglingReferences: [
        {
          from: 'component:default/wiki',
          field: 'owner',
          target: 'group:default/x',
        },
        {
          from: 'component:default/notes',
          field: 'owner',
          target: 'group:default/x',
        },
      ],
    });
    expect(out.entities.map(e => e.metadata.name)).toEqual(['wiki', 'wiki']);
    expect(out.findings.map(f => f.file)).toEqual([
      'modules/kubernetes/web/main.tf',
      'config.tfvars',
    ]);
    expect(out.danglingReferences.map(d => d.from)).toEqual([
      'component:default/wiki',
    ]);
  });
});
