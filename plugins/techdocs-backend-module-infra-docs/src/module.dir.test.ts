import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import {
  copyExampleRepo,
  get,
  InfraDocsBackend,
  startInfraDocsBackend,
  syncDocs,
  waitForEntity,
} from './__testUtils__/docsBackend';

jest.setTimeout(120_000);

/** TechDocs checks a built site for changes at most once a minute; a test moves the clock instead of waiting. */
function laterBy(ms: number) {
  const now = Date.now.bind(Date);
  const offset = (jest.isMockFunction(Date.now) ? Date.now() - now() : 0) + ms;
  jest.restoreAllMocks();
  jest.spyOn(Date, 'now').mockImplementation(() => now() + offset);
}

const ENTITY_PATH = 'default/component/handbook';

/** A project like the portal's own: an entity in a local file, its docs beside it (`dir:.`). */
function localDocsProject() {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'dir-docs-'));
  const write = (rel: string, content: string) => {
    fs.mkdirSync(path.dirname(path.join(dir, rel)), { recursive: true });
    fs.writeFileSync(path.join(dir, rel), content);
  };
  write(
    'catalog-info.yaml',
    [
      'apiVersion: backstage.io/v1alpha1',
      'kind: Component',
      'metadata:',
      '  name: handbook',
      '  annotations:',
      '    backstage.io/techdocs-ref: dir:.',
      'spec: { type: documentation, lifecycle: production, owner: group:default/platform }',
      '',
    ].join('\n'),
  );
  write('mkdocs.yml', 'site_name: Handbook\nplugins: [search]\n');
  write('docs/index.md', '# Handbook\n\nFirst words.\n');
  // Outside the docs folder: MkDocs never reads it, so it is no change.
  write('notes.txt', 'scratch\n');
  return {
    dir,
    write,
    cleanup: () => fs.rmSync(dir, { recursive: true, force: true }),
  };
}

describe("a local dir: docs folder (the portal's own docs) is rebuilt only when it changed", () => {
  const repo = copyExampleRepo();
  const project = localDocsProject();
  let docs: InfraDocsBackend;

  beforeAll(async () => {
    docs = await startInfraDocsBackend({
      repoDir: repo.dir,
      catalogFiles: [path.join(project.dir, 'catalog-info.yaml')],
    });
    await waitForEntity(docs.baseUrl, 'component/default/handbook');
  });

  afterAll(async () => {
    jest.restoreAllMocks();
    await docs?.stop();
    repo.cleanup();
    project.cleanup();
  });

  it('builds it, then says nothing is newer on a visit minutes later, also after an unrelated file changed', async () => {
    const first = await syncDocs(docs.baseUrl, ENTITY_PATH);
    expect(first.error).toBeUndefined();
    expect(first.finish).toEqual({ updated: true });

    laterBy(2 * 60_000);
    expect((await syncDocs(docs.baseUrl, ENTITY_PATH)).finish).toEqual({
      updated: false,
    });

    project.write('notes.txt', 'more scratch\n');
    laterBy(2 * 60_000);
    expect((await syncDocs(docs.baseUrl, ENTITY_PATH)).finish).toEqual({
      updated: false,
    });
  });

  it('rebuilds it when a page changed, and shows the change', async () => {
    project.write('docs/index.md', '# Handbook\n\nSecond words.\n');
    laterBy(2 * 60_000);
    expect((await syncDocs(docs.baseUrl, ENTITY_PATH)).finish).toEqual({
      updated: true,
    });
    const page = await get(
      `${docs.baseUrl}/api/techdocs/static/docs/${ENTITY_PATH}/index.html`,
    );
    expect(await page.text()).toContain('Second words.');
  });
});
