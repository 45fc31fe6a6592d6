import {
  ANNOTATION_EDIT_URL,
  ANNOTATION_SOURCE_LOCATION,
} from '@backstage/catalog-model';
import {
  INFRA_ANNOTATIONS,
  SystemDetails,
} from '@internal/backstage-plugin-infra-common';
import { buildForTest, WEB_URL } from '../__testUtils__/build';
import { aModel, aStack } from '../__testUtils__/model';

const dependency = (name: string, configPath: string, stack?: string) => ({
  name,
  configPath,
  stack,
  source: { file: 'stacks/app/terragrunt.hcl', line: 4 },
});

describe('system entities', () => {
  it('is one System per stack, linked to its folder', () => {
    const { get } = buildForTest(aModel([aStack('app')]));
    const e = get('System:app');
    expect(e.spec).toEqual({ owner: 'group:default/platform' });
    expect(e.metadata.annotations?.[ANNOTATION_SOURCE_LOCATION]).toBe(
      `url:${WEB_URL}/stacks/app/`,
    );
    expect(e.metadata.annotations?.[ANNOTATION_EDIT_URL]).toBeUndefined();
    expect(e.metadata.description).toBe('Terraform stack stacks/app.');
  });

  it('depends on the stacks its Terragrunt dependency blocks read', () => {
    const app = aStack('app', {
      dependencies: [
        dependency('vault', '../vault', 'vault'),
        dependency('vault_again', '${get_repo_root()}/stacks/vault', 'vault'),
        dependency('gone', '../gone', 'gone'),
        dependency('odd', 'local.path'),
      ],
    });
    const { get, details } = buildForTest(aModel([app, aStack('vault')]));
    expect(get('System:app').spec?.dependsOn).toEqual(['system:default/vault']);
    const deps = (details('System:app') as SystemDetails).dependencies;
    expect(deps).toEqual([
      expect.objectContaining({
        name: 'vault',
        target: { ref: 'system:default/vault', name: 'vault' },
      }),
      expect.objectContaining({ name: 'vault_again', stack: 'vault' }),
      // A stack folder that does not exist: kept in the details, no relation.
      {
        name: 'gone',
        configPath: '../gone',
        stack: 'gone',
        source: expect.anything(),
      },
      { name: 'odd', configPath: 'local.path', source: expect.anything() },
    ]);
  });

  it('lists files it did not read, as such and never as parse errors', () => {
    const app = aStack('app', {
      skippedFiles: [
        {
          file: 'stacks/app/secrets.tfvars',
          reason: 'encrypted',
          message: 'git-crypt',
        },
        {
          file: 'stacks/app/huge.tf',
          reason: 'too-large',
          message: 'over 1 MB',
        },
      ],
    });
    const { get, details } = buildForTest(aModel([app]));
    const e = get('System:app');
    expect(e.metadata.description).toBe(
      'Terraform stack stacks/app. 1 file encrypted, not read; 1 file too large, not read.',
    );
    expect(details('System:app')).toMatchObject({
      hasParseErrors: false,
      skippedFiles: [
        { file: 'stacks/app/secrets.tfvars', reason: 'encrypted' },
        { file: 'stacks/app/huge.tf', reason: 'too-large' },
      ],
    });
    expect(
      e.metadata.annotations?.[INFRA_ANNOTATIONS.findings],
    ).toBeUndefined();
  });

  it('flags parse errors and carries the stack-level findings', () => {
    const app = aStack('app', {
      parseErrors: [
        { file: 'stacks/app/main.tf', line: 3, column: 1, message: 'bad' },
      ],
    });
    const { get } = buildForTest(aModel([app]), {
      findings: [
        {
          subject: 'stack:app',
          rule: 'parse-error',
          severity: 'error',
          message: 'stacks/app/main.tf does not parse',
          fix: 'fix it',
          file: 'stacks/app/main.tf',
          line: 3,
        },
      ],
    });
    const e = get('System:app');
    expect(e.metadata.description).toBe(
      'Terraform stack stacks/app (has parse errors: see findings).',
    );
    expect(
      JSON.parse(e.metadata.annotations![INFRA_ANNOTATIONS.findings]),
    ).toEqual([expect.objectContaining({ rule: 'parse-error', line: 3 })]);
  });
});
