import { evaluateConventions } from '../checkConventions';
import { model, stack } from '../__testUtils__/model';

describe('parse-error', () => {
  it('reports a syntax error on its stack, and not a file skipped as ciphertext', () => {
    const m = model(
      [
        stack('notes', {
          parseErrors: [
            {
              file: 'stacks/notes/main.tf',
              line: 2,
              column: 7,
              message: 'unterminated string',
            },
          ],
        }),
      ],
      {
        parseErrors: [
          {
            file: 'stacks/notes/main.tf',
            line: 2,
            column: 7,
            message: 'unterminated string',
          },
          {
            file: 'secrets.tfvars',
            line: 1,
            column: 1,
            message: 'unexpected byte',
          },
        ],
        skippedFiles: [
          { file: 'secrets.tfvars', reason: 'encrypted', message: 'git-crypt' },
        ],
      },
    );
    expect(evaluateConventions(m).findings).toEqual([
      {
        rule: 'parse-error',
        severity: 'error',
        subject: 'stack:notes',
        message:
          'stacks/notes/main.tf does not parse: unterminated string (line 2, column 7).',
        fix: expect.stringContaining('terraform fmt'),
        file: 'stacks/notes/main.tf',
        line: 2,
      },
    ]);
  });
});
