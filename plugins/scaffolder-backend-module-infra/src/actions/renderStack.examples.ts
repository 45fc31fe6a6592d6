import { TemplateExample } from '@backstage/plugin-scaffolder-node';
import yaml from 'yaml';

export const examples: TemplateExample[] = [
  {
    description: 'Render a new stack into the workspace',
    example: yaml.stringify({
      steps: [
        {
          id: 'render',
          action: 'infra:render-stack',
          name: 'Generate the stack',
          input: {
            values: {
              name: 'wiki',
              owner: 'group:default/platform',
              image: 'ghcr.io/acme/wiki:1.4.2',
              containerPort: 3000,
              memory: '256Mi',
              cpu: '50m',
              subdomain: 'wiki',
              authTier: {
                tier: 'app',
                justification: 'the wiki has its own login (OIDC)',
              },
            },
          },
        },
      ],
    }),
  },
];
