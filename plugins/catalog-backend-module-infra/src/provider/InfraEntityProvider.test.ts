import fs from 'node:fs';
import path from 'node:path';
import { mockServices } from '@backstage/backend-test-utils';
import {
  UrlReaderService,
  UrlReaderServiceReadTreeResponse,
} from '@backstage/backend-plugin-api';
import { Entity } from '@backstage/catalog-model';
import { NotModifiedError } from '@backstage/errors';
import { EntityProviderConnection } from '@backstage/plugin-catalog-node';
import { INFRA_ANNOTATIONS } from '@internal/backstage-plugin-infra-common';
import { copyExampleRepo, EXAMPLE_REPO } from '../__testUtils__/tempRepo';
import { DEFAULT_SCHEDULE } from './config';
import { InfraEntityProvider } from './InfraEntityProvider';

function connection() {
  const applied: Entity[][] = [];
  const conn: EntityProviderConnection = {
    applyMutation: jest.fn(async m => {
      if (m.type !== 'full') throw new Error('expected a full mutation');
      applied.push(m.entities.map(e => e.entity));
    }),
    refresh: jest.fn(),
  };
  return { conn, applied };
}

function localProvider(dir: string) {
  const logger = mockServices.logger.mock();
  const provider = new InfraEntityProvider({
    config: {
      source: { path: dir },
      schedule: DEFAULT_SCHEDULE,
      orgFile: 'org.yaml',
      emitOrgEntities: true,
    },
    logger,
  });
  return { provider, logger };
}

const names = (entities: Entity[]) =>
  entities.map(e => `${e.kind}:${e.metadata.name}`).sort();

describe('InfraEntityProvider: nothing lost', () => {
  it('applies the example repo, then skips an unchanged read', async () => {
    const repo = copyExampleRepo();
    try {
      const { provider } = localProvider(repo.dir);
      const { conn, applied } = connection();
      await provider.connect(conn);
      expect(await provider.refresh()).toMatchObject({
        status: 'applied',
        parseErrors: 0,
      });
      expect(names(applied[0])).toEqual(
        expect.arrayContaining([
          'System:authentik',
          'Resource:authentik-pgbouncer',
        ]),
      );
      expect(await provider.refresh()).toMatchObject({ status: 'unchanged' });
      expect(conn.applyMutation).toHaveBeenCalledTimes(1);
    } finally {
      repo.cleanup();
    }
  });

  it('keeps the last good entities when the path disappears or the tree is empty', async () => {
    const repo = copyExampleRepo();
    try {
      const { provider, logger } = localProvider(repo.dir);
      const { conn } = connection();
      await provider.connect(conn);
      await provider.refresh();

      fs.rmSync(path.join(repo.dir, 'stacks'), { recursive: true });
      expect(await provider.refresh()).toMatchObject({
        status: 'kept-last-good',
        reason: expect.stringMatching(/no stacks/),
      });

      repo.cleanup();
      expect(await provider.refresh()).toMatchObject({
        status: 'kept-last-good',
        reason: expect.stringMatching(/does not exist/),
      });

      expect(conn.applyMutation).toHaveBeenCalledTimes(1);
      expect(logger.error).toHaveBeenCalledWith(
        expect.stringContaining('keeping the last good entities'),
        { source: repo.dir },
      );
    } finally {
      repo.cleanup();
    }
  });

  it('never applies an empty set on a first read that fails', async () => {
    const { provider } = localProvider('/nonexistent/infra');
    const { conn } = connection();
    await provider.connect(conn);
    expect(await provider.refresh()).toMatchObject({
      status: 'kept-last-good',
    });
    expect(conn.applyMutation).not.toHaveBeenCalled();
  });

  it('flags the stack of a file that stops parsing and ingests the rest', async () => {
    const repo = copyExampleRepo();
    try {
      const { provider } = localProvider(repo.dir);
      const { conn, applied } = connection();
      await provider.connect(conn);
      await provider.refresh();
      const before = names(applied[0]);

      const file = 'stacks/linkwarden/main.tf';
      repo.write(file, repo.read(file).replace('replicas = 1', 'replicas = '));
      repo.write('stacks/blog/broken.tf', 'locals {\n  a = "unterminated\n}\n');
      expect(await provider.refresh()).toMatchObject({
        status: 'applied',
        parseErrors: 2,
      });
      const after = applied[1];
      // Nothing disappeared: linkwarden keeps its last good parse.
      expect(names(after)).toEqual(before);
      const system = (n: string) =>
        after.find(e => e.kind === 'System' && e.metadata.name === n)!;
      expect(
        JSON.parse(
          system('linkwarden').metadata.annotations![
            INFRA_ANNOTATIONS.findings
          ],
        ),
      ).toEqual([
        expect.objectContaining({
          rule: 'parse-error',
          file,
          line: expect.any(Number),
        }),
      ]);
      expect(
        JSON.parse(
          system('blog').metadata.annotations![INFRA_ANNOTATIONS.findings],
        ),
      ).toEqual([
        expect.objectContaining({
          rule: 'parse-error',
          file: 'stacks/blog/broken.tf',
          line: 2,
        }),
      ]);
      expect(
        system('echo').metadata.annotations![INFRA_ANNOTATIONS.findings],
      ).toBeUndefined();
    } finally {
      repo.cleanup();
    }
  });
});

describe('InfraEntityProvider through the UrlReader', () => {
  const url = 'https://github.com/homelab-example/infra/tree/main';

  function treeOf(dir: string, etag: string): UrlReaderServiceReadTreeResponse {
    const walk = (d: string, rel = ''): string[] =>
      fs
        .readdirSync(d, { withFileTypes: true })
        .flatMap(e =>
          e.isDirectory()
            ? walk(path.join(d, e.name), `${rel}${e.name}/`)
            : [`${rel}${e.name}`],
        );
    return {
      etag,
      files: async () =>
        walk(dir).map(p => ({
          path: p,
          content: async () => fs.readFileSync(path.join(dir, p)),
        })),
      archive: async () => {
        throw new Error('not used');
      },
      dir: async () => dir,
    };
  }

  function remoteProvider(readTree: UrlReaderService['readTree']) {
    const reader: UrlReaderService = {
      readUrl: jest.fn(),
      readTree: jest.fn(readTree),
      search: jest.fn(),
    };
    const logger = mockServices.logger.mock();
    const provider = new InfraEntityProvider({
      config: {
        source: { url },
        schedule: DEFAULT_SCHEDULE,
        orgFile: 'org.yaml',
        emitOrgEntities: true,
      },
      logger,
      reader,
    });
    return { provider, reader, logger };
  }

  it('reads the tree, links to the forge, and passes the etag back', async () => {
    const seen: Array<Parameters<UrlReaderService['readTree']>[1]> = [];
    const { provider, reader } = remoteProvider(async (_u, opts) => {
      seen.push(opts);
      if (opts?.etag === 'etag-1') throw new NotModifiedError();
      return treeOf(EXAMPLE_REPO, 'etag-1');
    });
    const { conn, applied } = connection();
    await provider.connect(conn);
    expect(await provider.refresh()).toMatchObject({ status: 'applied' });
    const server = applied[0].find(
      e => e.metadata.name === 'authentik-server',
    )!;
    expect(server.metadata.annotations!['backstage.io/source-location']).toBe(
      'url:https://github.com/homelab-example/infra/blob/main/stacks/authentik/modules/authentik/main.tf#L3',
    );
    expect(
      server.metadata.annotations!['backstage.io/managed-by-location'],
    ).toBe(`url:${url}`);
    expect(await provider.refresh()).toMatchObject({ status: 'unchanged' });
    expect(reader.readTree).toHaveBeenCalledTimes(2);
    expect(seen.map(o => o?.etag)).toEqual([undefined, 'etag-1']);
    expect(seen[0]?.filter?.('stacks/a/main.tf')).toBe(true);
    // The docs folder comes with the same read (the infra docs site and links).
    expect(seen[0]?.filter?.('docs/index.md')).toBe(true);
    expect(seen[0]?.filter?.('README.md')).toBe(false);
  });

  it('keeps the last good set when the remote is unreachable or denies access, without leaking credentials', async () => {
    let mode = 'ok';
    const { provider, logger } = remoteProvider(async () => {
      if (mode === 'down')
        throw new Error(
          'connect ECONNREFUSED https://user:hunter2@github.com/homelab-example/infra',
        );
      if (mode === 'denied')
        throw new Error(
          'Request failed with 403 Forbidden (permission denied)',
        );
      if (mode === 'empty')
        return treeOf(fs.mkdtempSync('/tmp/empty-'), 'etag-empty');
      return treeOf(EXAMPLE_REPO, 'etag-1');
    });
    const { conn } = connection();
    await provider.connect(conn);
    await provider.refresh();
    for (mode of ['down', 'denied', 'empty']) {
      expect(await provider.refresh()).toMatchObject({
        status: 'kept-last-good',
      });
    }
    expect(conn.applyMutation).toHaveBeenCalledTimes(1);
    const logged = JSON.stringify((logger.error as jest.Mock).mock.calls);
    expect(logged).toContain('ECONNREFUSED');
    expect(logged).toContain('403');
    expect(logged).not.toContain('hunter2');
  });
});
