import { TemplateExample } from '@backstage/plugin-scaffolder-node';
import yaml from 'yaml';

export const examples: TemplateExample[] = [
  {
    description: 'Add a carve-out for /api to an existing stack',
    example: yaml.stringify({
      steps: [
        {
          id: 'render',
          action: 'infra:render-ingress',
          name: 'Generate the ingress file',
          input: {
            values: {
              stack: 'wiki',
              namespace: 'wiki',
              ingressName: 'wiki-api',
              subdomain: 'wiki',
              paths: ['/api'],
              serviceName: 'wiki',
              port: 80,
              authTier: {
                tier: 'none',
                justification: 'API clients send their own bearer tokens',
              },
            },
          },
        },
      ],
    }),
  },
];
