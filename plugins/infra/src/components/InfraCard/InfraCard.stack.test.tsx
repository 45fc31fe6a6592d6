import { SystemDetails } from '@internal/backstage-plugin-infra-common';
import { within } from '@testing-library/react';
import { field, hasNoField, renderCard } from '../../__testUtils__/card';
import { infraEntity } from '../../testing/entities';

const system = (overrides: Partial<SystemDetails>): SystemDetails => ({
  kind: 'system',
  stack: 'notes',
  source: { file: 'stacks/notes', line: 1 },
  files: ['stacks/notes/main.tf', 'stacks/notes/terragrunt.hcl'],
  namespaces: ['notes'],
  hasParseErrors: false,
  ...overrides,
});

describe('InfraCard on a stack', () => {
  it('lists encrypted files as not read, and still says the stack parses', async () => {
    await renderCard(
      infraEntity({
        kind: 'System',
        type: '',
        details: system({
          skippedFiles: [
            {
              file: 'stacks/notes/secrets.auto.tfvars',
              reason: 'encrypted',
              message: 'git-crypt',
            },
          ],
        }),
      }),
    );

    expect(field('Files not read')).toHaveTextContent(
      'stacks/notes/secrets.auto.tfvars: encrypted, not read',
    );
    expect(field('Parses')).toHaveTextContent('yes');
  });

  it('links the stacks it depends on and says when a dependency is not a stack', async () => {
    await renderCard(
      infraEntity({
        kind: 'System',
        type: '',
        details: system({
          dependencies: [
            {
              name: 'vault',
              configPath: '../vault',
              stack: 'vault',
              target: { ref: 'system:default/vault', name: 'vault' },
              source: { file: 'stacks/notes/terragrunt.hcl', line: 3 },
            },
            {
              name: 'old',
              configPath: '../old',
              stack: 'old',
              source: { file: 'stacks/notes/terragrunt.hcl', line: 7 },
            },
          ],
        }),
      }),
    );

    expect(
      within(field('Depends on')).getByRole('link', { name: 'vault' }),
    ).toHaveAttribute('href', '/catalog/default/system/vault');
    expect(field('Depends on')).toHaveTextContent(
      '../old (no stack old in the repo)',
    );
  });

  it('leaves out what older providers did not record', async () => {
    await renderCard(
      infraEntity({ kind: 'System', type: '', details: system({}) }),
    );

    expect(hasNoField('Files not read')).toBe(true);
    expect(hasNoField('Depends on')).toBe(true);
  });
});
