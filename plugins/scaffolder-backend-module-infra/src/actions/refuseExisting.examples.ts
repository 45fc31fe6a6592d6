import { TemplateExample } from '@backstage/plugin-scaffolder-node';
import yaml from 'yaml';

export const examples: TemplateExample[] = [
  {
    description:
      'Stop when the stack name or host is already used in the infra repo',
    example: yaml.stringify({
      steps: [
        {
          id: 'unique',
          action: 'infra:refuse-existing',
          name: 'Check the name is free',
          input: {
            kind: 'new-app',
            values: '${{ parameters }}',
          },
        },
      ],
    }),
  },
];
