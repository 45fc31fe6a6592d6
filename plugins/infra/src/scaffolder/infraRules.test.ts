import { validateWithInfraRules } from './infraRules';

const VALID = {
  name: 'status-page',
  owner: 'group:default/platform',
  image: 'ghcr.io/homelab/status-page:1.4.2',
  containerPort: 8080,
  memory: '256Mi',
  cpu: '50m',
  authTier: { tier: 'required' },
};

function errorsAt(
  field: string,
  formData: Record<string, unknown>,
  uiSchema?: Record<string, unknown>,
): string[] {
  const errors: string[] = [];
  validateWithInfraRules(
    formData[field],
    { addError: (m: string) => errors.push(m) },
    {
      formData,
      uiSchema: uiSchema ?? {
        'ui:options': { rules: 'new-app', parameter: field },
      },
    },
  );
  return errors;
}

describe('the infra rules at a wizard field', () => {
  it('marks the three values the issue saw pass, each at its own field, in words', () => {
    const form = {
      ...VALID,
      namespace: 'authentik',
      image: 'ghcr.io/homelab/status-page:latest',
      memory: '512',
    };
    expect(errorsAt('namespace', form)).toEqual([
      'The namespace "authentik" is reserved for the cluster or the platform. Use your own namespace (the one you were onboarded with, or the app name).',
    ]);
    expect(errorsAt('image', form)).toEqual([
      expect.stringMatching(
        /^The image .* uses the "latest" tag\. Pin a version/,
      ),
    ]);
    expect(errorsAt('memory', form)).toEqual([
      expect.stringContaining('a bare number means bytes'),
    ]);
    expect(errorsAt('name', form)).toEqual([]);
  });

  it('checks a rule that joins fields where the field shows it', () => {
    const form = {
      ...VALID,
      anubis: true,
      authTier: { tier: 'required' },
    };
    expect(errorsAt('anubis', form)).toEqual([
      expect.stringContaining('Anubis is offered only for auth = "none"'),
    ]);
  });

  it('says which item of a list is wrong, finding its options in the items', () => {
    const form = {
      ...VALID,
      carveOuts: [
        { path: '/api', authTier: { tier: 'required' } },
        { path: 'hooks', authTier: { tier: 'required' } },
      ],
    };
    // The scaffolder hands an item field's validator the items' ui schema.
    const itemsUiSchema = {
      path: {
        'ui:field': 'InfraInput',
        'ui:options': { rules: 'new-app', parameter: 'carveOuts' },
      },
    };
    expect(errorsAt('carveOuts', form, itemsUiSchema)).toEqual([
      expect.stringMatching(
        /^Item 2 \(path\): The path "hooks" is not a plain absolute URL path\./,
      ),
    ]);
  });

  it('checks nothing for a field that names no rules', () => {
    expect(errorsAt('namespace', { namespace: 'authentik' }, {})).toEqual([]);
  });
});
