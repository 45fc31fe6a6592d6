import { TemplateExample } from '@backstage/plugin-scaffolder-node';
import yaml from 'yaml';

export const examples: TemplateExample[] = [
  {
    description:
      'Push the generated files on a branch and open a pull request on Forgejo',
    example: yaml.stringify({
      steps: [
        {
          id: 'pr',
          action: 'infra:forgejo-pull-request',
          name: 'Open the pull request',
          input: {
            title: 'New app: wiki',
            description: '${{ steps.check.output.pullRequestBody }}',
            branchName: 'portal/new-app-wiki',
          },
        },
      ],
    }),
  },
];
