import { checkAddIngress } from './checkAddIngress';
import { checkNewApp } from './checkNewApp';
import { problemsOfField } from './problems';

// The hostile-input cases run through the scaffolder action
// (scaffolder-backend-module-infra hostileInput.test.ts); these pin what the
// form relies on: the result's shape and each problem's field name.
const VALID = {
  name: 'status-page',
  owner: 'group:default/platform',
  image: 'ghcr.io/homelab/status-page:1.4.2',
  containerPort: 8080,
  memory: '256Mi',
  cpu: '50m',
  authTier: { tier: 'required' },
};

const fieldsOf = (values: Record<string, unknown>) =>
  checkNewApp({ ...VALID, ...values }).problems.map(p => p.field);

describe('checkNewApp', () => {
  it('returns the typed spec and no problems for a valid request', () => {
    const checked = checkNewApp(VALID);
    expect(checked.problems).toEqual([]);
    expect(checked.spec).toMatchObject({
      name: 'status-page',
      namespace: 'status-page',
      ingress: { subdomain: 'status-page', auth: { tier: 'required' } },
    });
  });

  it('names the field of each value the issue saw pass the form', () => {
    const checked = checkNewApp({
      ...VALID,
      namespace: 'authentik',
      image: 'ghcr.io/homelab/status-page:latest',
      memory: '512',
    });
    expect(checked.spec).toBeUndefined();
    expect(checked.problems).toEqual([
      expect.objectContaining({
        field: 'namespace',
        problem:
          'The namespace "authentik" is reserved for the cluster or the platform.',
      }),
      expect.objectContaining({
        field: 'image',
        problem: expect.stringContaining('uses the "latest" tag'),
      }),
      expect.objectContaining({
        field: 'memory',
        fix: expect.stringContaining('a bare number means bytes'),
      }),
    ]);
  });

  it('refuses any kube- namespace, not only the listed ones', () => {
    expect(fieldsOf({ namespace: 'kube-anything' })).toEqual(['namespace']);
  });

  it('treats an empty namespace or subdomain as the app name', () => {
    expect(fieldsOf({ namespace: '', subdomain: '' })).toEqual([]);
  });

  it('reads memory at its unit edges', () => {
    expect(fieldsOf({ memory: '16Mi' })).toEqual([]);
    expect(fieldsOf({ memory: '0.5Gi' })).toEqual([]);
    expect(fieldsOf({ memory: '16Gi' })).toEqual([]);
    expect(fieldsOf({ memory: '15Mi' })).toEqual(['memory']);
    expect(fieldsOf({ memory: '17Gi' })).toEqual(['memory']);
    expect(fieldsOf({ memory: '1e9' })).toEqual(['memory']);
    expect(fieldsOf({ memory: '256mi' })).toEqual(['memory']);
  });

  it('refuses a digest without a tag: the infra reads the tag', () => {
    expect(
      fieldsOf({
        image: `ghcr.io/homelab/status-page@sha256:${'a'.repeat(64)}`,
      }),
    ).toEqual(['image']);
  });

  it('checks carve-outs item by item under the list field', () => {
    const { problems } = checkNewApp({
      ...VALID,
      carveOuts: [
        { path: '/api', authTier: { tier: 'required' } },
        { path: 'api', authTier: { tier: 'required' } },
      ],
    });
    expect(problemsOfField(problems, 'carveOuts').map(p => p.field)).toEqual([
      'carveOuts[1].path',
    ]);
    expect(problemsOfField(problems, 'carve')).toEqual([]);
  });
});

describe('checkAddIngress', () => {
  it('refuses a platform namespace the same way', () => {
    const { problems } = checkAddIngress({
      stack: 'blog',
      namespace: 'traefik',
      ingressName: 'feed',
      subdomain: 'blog',
      paths: ['/feed.xml'],
      authTier: { tier: 'required' },
    });
    expect(problems.map(p => p.field)).toEqual(['namespace']);
  });
});
