import { TemplateExample } from '@backstage/plugin-scaffolder-node';
import yaml from 'yaml';

export const examples: TemplateExample[] = [
  {
    description: 'Refuse a bad new-app request before anything is written',
    example: yaml.stringify({
      steps: [
        {
          id: 'validate',
          action: 'infra:validate-input',
          name: 'Check the request',
          input: {
            kind: 'new-app',
            values: '${{ parameters }}',
          },
        },
      ],
    }),
  },
];
