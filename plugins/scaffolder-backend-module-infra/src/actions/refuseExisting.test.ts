import fs from 'node:fs/promises';
import path from 'node:path';
import { ConflictError } from '@backstage/errors';
import {
  createMockDirectory,
  mockServices,
} from '@backstage/backend-test-utils';
import type { UrlReaderServiceReadTreeResponse } from '@backstage/backend-plugin-api';
import { createMockActionContext } from '@backstage/plugin-scaffolder-node-test-utils';
import { createRefuseExistingAction } from './refuseExisting';

const EXAMPLE_REPO = path.resolve(__dirname, '../../../../examples/infra');

async function exampleRepoTree(): Promise<UrlReaderServiceReadTreeResponse> {
  const files: Array<{ path: string; content: () => Promise<Buffer> }> = [];
  const walk = async (rel: string) => {
    for (const e of await fs.readdir(path.join(EXAMPLE_REPO, rel), {
      withFileTypes: true,
    })) {
      const p = rel ? `${rel}/${e.name}` : e.name;
      if (e.isDirectory()) await walk(p);
      else
        files.push({
          path: p,
          content: () => fs.readFile(path.join(EXAMPLE_REPO, p)),
        });
    }
  };
  await walk('');
  return {
    files: async () => files,
    archive: async () => {
      throw new Error('not used');
    },
    dir: async () => {
      throw new Error('not used');
    },
    etag: 'etag',
  };
}

describe('infra:refuse-existing through the UrlReaderService', () => {
  const workspace = createMockDirectory();
  const reader = mockServices.urlReader.mock({
    readTree: async () => exampleRepoTree(),
  });
  const action = createRefuseExistingAction({
    config: mockServices.rootConfig({
      data: {
        scaffolder: {
          infra: { repo: { url: 'https://forgejo.example.org/homelab/infra' } },
        },
      },
    }),
    reader,
  });

  it('reads the repo URL from config and refuses an existing stack', async () => {
    const error = await action
      .handler(
        createMockActionContext({
          input: {
            kind: 'new-app',
            values: {
              name: 'prowlarr',
              subdomain: 'indexers',
              owner: 'group:default/platform',
              image: 'ghcr.io/acme/prowlarr:1.0.0',
              containerPort: 9696,
              memory: '256Mi',
              cpu: '50m',
              authTier: { tier: 'required' },
            },
          },
          workspacePath: workspace.path,
        }),
      )
      .catch(e => e);
    expect(reader.readTree).toHaveBeenCalledWith(
      'https://forgejo.example.org/homelab/infra',
    );
    expect(error).toBeInstanceOf(ConflictError);
    expect(error.message).toContain(
      '- name: A stack named "prowlarr" already exists at stacks/prowlarr/.',
    );
  });

  it('fails closed when no repo is configured', async () => {
    const unconfigured = createRefuseExistingAction({
      config: mockServices.rootConfig({ data: {} }),
      reader,
    });
    await expect(
      unconfigured.handler(
        createMockActionContext({
          input: { kind: 'new-app', values: {} },
          workspacePath: workspace.path,
        }),
      ),
    ).rejects.toThrow(/scaffolder\.infra\.repo is not configured/);
  });
});
