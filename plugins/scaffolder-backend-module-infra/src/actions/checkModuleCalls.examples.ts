import { TemplateExample } from '@backstage/plugin-scaffolder-node';
import yaml from 'yaml';

export const examples: TemplateExample[] = [
  {
    description:
      'Check the generated module calls against the modules of the target infra repo',
    example: yaml.stringify({
      steps: [
        {
          id: 'modules',
          action: 'infra:check-module-calls',
          name: 'Check module calls against the infra repo',
        },
      ],
    }),
  },
];
