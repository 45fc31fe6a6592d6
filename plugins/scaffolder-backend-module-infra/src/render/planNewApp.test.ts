import { planNewApp } from '@internal/backstage-plugin-infra-common';
import { validateNewApp } from '../spec/validateNewApp';
import { renderNewApp } from './renderNewApp';

// The wizard's review lists the files from infra-common's plan; the pull
// request has the renderer's. For every option that adds or drops a file,
// the two must agree.
const BASE = {
  name: 'status-page',
  owner: 'group:default/platform',
  image: 'ghcr.io/homelab/status-page:1.4.2',
  containerPort: 8080,
  memory: '256Mi',
  cpu: '50m',
  authTier: { tier: 'required' },
};

const VARIANTS: Array<[string, Record<string, unknown>]> = [
  ['the defaults', {}],
  ['no ingress', { exposeIngress: false }],
  ['a volume', { persistentVolume: true }],
  ['a database', { database: true }],
  [
    'secrets only',
    {
      secrets: [
        { env: 'API_TOKEN', vaultPath: 'secret/status-page', key: 'token' },
      ],
    },
  ],
  [
    'carve-outs',
    {
      carveOuts: [
        {
          path: '/api',
          authTier: {
            tier: 'app',
            justification: 'the API has its own tokens',
          },
        },
      ],
    },
  ],
];

describe('the new-app plan the review shows', () => {
  it.each(VARIANTS)('lists the files the renderer writes, with %s', (_, v) => {
    const spec = validateNewApp({ ...BASE, ...v });
    expect(planNewApp(spec).files.sort()).toEqual(
      renderNewApp(spec)
        .map(f => f.path)
        .sort(),
    );
  });
});
