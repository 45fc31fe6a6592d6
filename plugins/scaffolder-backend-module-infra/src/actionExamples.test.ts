import yaml from 'yaml';
import type { Entity } from '@backstage/catalog-model';
import type { JsonObject } from '@backstage/types';
import { createInfraGitRepo, InfraGitRepo } from './__testUtils__/infraGitRepo';
import { startFakeForgejo } from './__testUtils__/fakeForgejo';
import { runTask } from './__testUtils__/scaffolderTasks';
import {
  ScaffolderBackend,
  startScaffolderBackend,
} from './dryRun/startScaffolderBackend';

jest.setTimeout(120_000);

/*
 * The examples each action documents (shown on the portal's "Installed
 * actions" page) are run here, as they are served by the scaffolder's
 * actions API, through the real scaffolder: an example that no longer
 * matches its action's input schema, or that does not do what it says,
 * fails this file. The examples are written to compose in the order the
 * templates run them (the pull request steps read `steps.check`), so they
 * run as two chains, one per way of opening the pull request.
 */

interface ListedAction {
  id: string;
  examples?: Array<{ description: string; example: string }>;
}

type Step = JsonObject & { id: string; action: string };

const TOKEN = 'forgejo-token-of-the-examples-test';

const WIKI = {
  name: 'wiki',
  owner: 'group:default/platform',
  image: 'ghcr.io/acme/wiki:1.4.2',
  containerPort: 3000,
  memory: '256Mi',
  cpu: '50m',
  subdomain: 'wiki',
  authTier: { tier: 'app', justification: 'the wiki has its own login' },
};

/** Each chain: which actions' examples it runs, in order. */
const CHAINS: Record<string, string[]> = {
  'publish-target': [
    'infra:validate-input',
    'infra:refuse-existing',
    'infra:render-stack',
    'infra:check-module-calls',
    'infra:validate-stack',
    'infra:publish-target',
  ],
  'forgejo-pull-request': [
    'infra:validate-input',
    'infra:render-stack',
    'infra:render-ingress',
    'infra:validate-stack',
    'infra:forgejo-pull-request',
  ],
};

function templateOf(name: string, steps: Step[]): Entity {
  return {
    apiVersion: 'scaffolder.backstage.io/v1beta3',
    kind: 'Template',
    metadata: { name, namespace: 'default' },
    spec: { type: 'service', owner: 'group:default/platform', steps },
  };
}

describe('the examples of the infra actions', () => {
  let repo: InfraGitRepo;
  let forgejo: Awaited<ReturnType<typeof startFakeForgejo>>;
  let listing: ScaffolderBackend;
  let actions: ListedAction[];

  const stepsOf = (actionId: string): Step[] => {
    const action = actions.find(a => a.id === actionId);
    return (action?.examples ?? []).flatMap(
      e => (yaml.parse(e.example) as { steps: Step[] }).steps,
    );
  };

  async function backendWith(templates: Entity[]) {
    const config: JsonObject = {
      backend: { baseUrl: 'http://localhost:7007', listen: { port: 0 } },
      scaffolder: {
        infra: {
          repo: { localPath: repo.checkout },
          publisher: 'forgejo',
          forgejo: {
            baseUrl: forgejo.baseUrl,
            owner: 'homelab',
            repo: 'infra',
            token: TOKEN,
            gitUrl: repo.remote,
          },
        },
      },
    };
    return startScaffolderBackend(config, { entities: templates });
  }

  beforeAll(async () => {
    repo = createInfraGitRepo();
    forgejo = await startFakeForgejo({ token: TOKEN });
    listing = await backendWith([]);
    const res = await fetch(`${listing.baseUrl}/api/scaffolder/v2/actions`, {
      headers: { authorization: listing.authorization },
    });
    actions = ((await res.json()) as ListedAction[]).filter(a =>
      a.id.startsWith('infra:'),
    );
  });

  afterAll(async () => {
    await listing?.stop();
    await forgejo?.close();
    repo?.remove();
  });

  it('exist for every infra action, and every one is run by a chain below', () => {
    expect(actions.length).toBeGreaterThan(0);
    const run = new Set(Object.values(CHAINS).flat());
    expect(actions.filter(a => !a.examples?.length).map(a => a.id)).toEqual([]);
    expect(actions.filter(a => !run.has(a.id)).map(a => a.id)).toEqual([]);
  });

  it.each(Object.entries(CHAINS))(
    'chained up to %s, open the pull request they describe',
    async (chain, actionIds) => {
      // Two examples may use the same step id (both render examples say
      // `render`): the later one gets a suffix, as a template author would.
      const seen = new Set<string>();
      const steps = actionIds.flatMap(stepsOf).map(s => {
        let id = s.id;
        for (let n = 2; seen.has(id); n++) id = `${s.id}-${n}`;
        seen.add(id);
        return { ...s, id };
      });
      const name = `examples-${chain}`;
      const backend = await backendWith([templateOf(name, steps)]);
      try {
        const before = forgejo.received.length;
        const task = await runTask(backend, `template:default/${name}`, WIKI);
        // On failure the diff shows the whole task log: which step refused.
        expect(task).toMatchObject({ status: 'completed' });
        const prs = forgejo.received.slice(before);
        expect(prs.map(p => p.body.head)).toEqual(['portal/new-app-wiki']);
        const files = repo.changedFiles('portal/new-app-wiki');
        expect(files).toEqual(
          expect.arrayContaining([
            'stacks/wiki/main.tf',
            'stacks/wiki/ingress.tf',
            // render-ingress's example adds its carve-out beside the stack.
            ...(actionIds.includes('infra:render-ingress')
              ? ['stacks/wiki/ingress_wiki_api.tf']
              : []),
          ]),
        );
        // The body the validate-stack example wrote reached the pull request.
        expect(prs[0].body.body).toContain(
          'New app wiki in namespace wiki, owned by group:default/platform.',
        );
      } finally {
        await backend.stop();
        // Both chains open the same branch: the next starts from main again.
        repo.remove();
        repo = createInfraGitRepo();
      }
    },
  );

  it("validate-input's example refuses a bad request with the field and the fix", async () => {
    const backend = await backendWith([
      templateOf('examples-refusal', stepsOf('infra:validate-input')),
    ]);
    try {
      const task = await runTask(backend, 'template:default/examples-refusal', {
        ...WIKI,
        image: 'ghcr.io/acme/wiki:latest',
      });
      expect(task.status).toBe('failed');
      expect(task.log.join('\n')).toMatch(/image: .*latest/);
    } finally {
      await backend.stop();
    }
  });
});
