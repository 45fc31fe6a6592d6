import { TemplateExample } from '@backstage/plugin-scaffolder-node';
import yaml from 'yaml';

export const examples: TemplateExample[] = [
  {
    description:
      'Parse the generated stack and check the conventions before publishing',
    example: yaml.stringify({
      steps: [
        {
          id: 'check',
          action: 'infra:validate-stack',
          name: 'Check conventions',
          input: {
            summary:
              'New app wiki in namespace wiki, owned by group:default/platform.',
          },
        },
      ],
    }),
  },
];
