import { ConventionFinding } from '@internal/backstage-plugin-infra-node';
import { formatLines, formatSummary } from './formats';
import { summarizePreview } from './summary';

const finding = (overrides: Partial<ConventionFinding>): ConventionFinding => ({
  subject: 'x',
  rule: 'no-cpu-limit',
  severity: 'warning',
  message: 'app sets a CPU limit',
  fix: 'drop it',
  file: 'stacks/app/main.tf',
  line: 12,
  ...overrides,
});

describe('formatLines', () => {
  it('prints file:line: severity: message, one finding a line', () => {
    expect(
      formatLines([
        finding({}),
        finding({
          severity: 'error',
          rule: 'auth-justification',
          message: 'no reason\n  above auth',
          line: 3,
        }),
      ]),
    ).toBe(
      'stacks/app/main.tf:12: warning: app sets a CPU limit (no-cpu-limit)\n' +
        'stacks/app/main.tf:3: error: no reason above auth (auth-justification)\n',
    );
    expect(formatLines([])).toBe('');
  });
});

describe('formatSummary', () => {
  it('says counts, host coverage, findings and dangling references in a few lines', () => {
    const text = formatSummary(
      summarizePreview({
        stacks: 2,
        entities: [],
        findings: [
          finding({}),
          finding({ severity: 'error', rule: 'parse-error' }),
        ],
        skippedFiles: [
          { file: 'config.tfvars', reason: 'encrypted', message: 'git-crypt' },
        ],
        danglingReferences: [],
      }),
      { source: '/repo', scope: 'judging a, b' },
    );
    expect(text).toBe(
      [
        'Infra preview of /repo: 2 stacks (judging a, b)',
        'Entities: 0',
        'Ingresses: 0, full hostname on 0 (n/a); unresolved 0, not a full hostname 0',
        'Unresolved values: 0',
        'Files not read: 1 (encrypted 1)',
        'Findings: 2 (error 1, warning 1)',
        '  no-cpu-limit: warning 1',
        '  parse-error: error 1',
        'Dangling references: none',
        '',
      ].join('\n'),
    );
  });
});
