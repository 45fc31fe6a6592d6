import { TemplateExample } from '@backstage/plugin-scaffolder-node';
import yaml from 'yaml';

export const examples: TemplateExample[] = [
  {
    description: 'Choose the pull request step from config',
    example: yaml.stringify({
      steps: [
        {
          id: 'target',
          action: 'infra:publish-target',
          name: 'Where to publish',
        },
        {
          id: 'pr-forgejo',
          if: "${{ steps.target.output.publisher === 'forgejo' }}",
          action: 'infra:forgejo-pull-request',
          input: {
            title: 'Add wiki',
            description: '${{ steps.check.output.pullRequestBody }}',
            branchName: 'portal/new-app-wiki',
          },
        },
      ],
    }),
  },
];
