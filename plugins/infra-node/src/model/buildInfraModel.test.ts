import { ParseCache } from '../hcl/ParseCache';
import { readExampleRepo, withFile } from '../__testUtils__/exampleRepo';
import { buildInfraModel } from './buildInfraModel';
import { InfraModel, StackModel } from './types';

const stack = (m: InfraModel, name: string): StackModel => {
  const s = m.stacks.find(x => x.name === name);
  if (!s) throw new Error(`no stack ${name}`);
  return s;
};
const plain = (v: unknown) => JSON.parse(JSON.stringify(v));

describe('buildInfraModel on the example repo', () => {
  let model: InfraModel;
  beforeAll(async () => {
    model = await buildInfraModel(await readExampleRepo());
  });

  it('finds one stack per stacks/<name> folder and no parse errors', () => {
    expect(model.stacks.map(s => s.name)).toEqual([
      'authentik',
      'blog',
      'cloudflared',
      'dbaas',
      'echo',
      'linkwarden',
      'monitoring',
      'playground',
      'prowlarr',
    ]);
    expect(model.parseErrors).toEqual([]);
  });

  it('reads the authentik workloads from the Helm values, with their PDB settings and lines', () => {
    const a = stack(model, 'authentik');
    const server = a.workloads.find(w => w.helm?.component === 'server')!;
    expect(plain(server)).toMatchObject({
      kind: 'helm',
      name: 'goauthentik-server',
      namespace: 'authentik',
      replicas: 3,
      criticalPath: true,
      selector: {
        'app.kubernetes.io/instance': 'goauthentik',
        'app.kubernetes.io/component': 'server',
      },
      inlinePdb: { minAvailable: 2 },
      replicasAt: { file: 'stacks/authentik/modules/authentik/values.yaml' },
      containers: [
        {
          image: 'ghcr.io/goauthentik/server:2026.2.4',
          memoryRequest: '2Gi',
          memoryLimit: '2Gi',
        },
      ],
    });
    const worker = a.workloads.find(w => w.helm?.component === 'worker')!;
    expect(plain(worker.inlinePdb)).toMatchObject({ maxUnavailable: 1 });
    // The templatefile variable in values.yaml was substituted.
    const hostEnv = server.containers[0].env.find(
      e => e.name === 'AUTHENTIK_POSTGRESQL__HOST',
    );
    expect(hostEnv?.value).toBe('pgbouncer.authentik.svc.cluster.local');
  });

  it('reads PgBouncer settings and databases from the ini the config map mounts', () => {
    const [pooler] = stack(model, 'authentik').poolers;
    expect(pooler.workload.address).toBe(
      'module.authentik.kubernetes_deployment.pgbouncer',
    );
    expect(pooler.workload.namespace).toBe('authentik'); // var.namespace <- kubernetes_namespace.authentik.metadata[0].name
    expect(pooler.settings).toMatchObject({
      pool_mode: 'session',
      default_pool_size: 20,
      reserve_pool_size: 5,
      max_client_conn: 500,
      idle_transaction_timeout: 300,
    });
    expect(pooler.settings).not.toHaveProperty('auth_file');
    expect(pooler.databases).toEqual([
      {
        name: 'authentik',
        host: 'postgresql.dbaas.svc.cluster.local',
        port: 5432,
        dbname: 'authentik',
      },
    ]);
    expect(pooler.iniFile?.file).toBe(
      'stacks/authentik/modules/authentik/pgbouncer.ini',
    );
  });

  it('links authentik server and worker -> PgBouncer -> the authentik database on the CNPG cluster', () => {
    const a = stack(model, 'authentik');
    const d = stack(model, 'dbaas');
    const id = (pred: (w: any) => boolean) => a.workloads.find(pred)!.id;
    const pgbouncer = id(w => w.role === 'pooler');
    const authentikDb = d.databases.find(
      x => x.role === 'database' && x.name === 'authentik',
    )!;
    const cluster = d.databases.find(x => x.name === 'pg-cluster')!;
    expect(authentikDb.serverId).toBe(cluster.id);
    const deps = model.dependencies.map(x => [x.fromId, x.toId]);
    expect(deps).toContainEqual([
      id(w => w.helm?.component === 'server'),
      pgbouncer,
    ]);
    expect(deps).toContainEqual([
      id(w => w.helm?.component === 'worker'),
      pgbouncer,
    ]);
    expect(deps).toContainEqual([pgbouncer, authentikDb.id]);
    // linkwarden reaches its own database through var.postgresql_host from config.tfvars.
    const linkwarden = stack(model, 'linkwarden').workloads[0];
    const linkwardenDb = d.databases.find(x => x.name === 'linkwarden')!;
    expect(deps).toContainEqual([linkwarden.id, linkwardenDb.id]);
  });

  it('reads ingress_factory calls: default tier, justification, Anubis, carve-outs', () => {
    const prowlarr = stack(model, 'prowlarr').ingresses[0];
    expect(prowlarr).toMatchObject({
      authTier: 'required',
      authDefaulted: true,
      host: 'prowlarr.homelab.example',
      dnsType: 'non-proxied',
    });
    const [blog, carveOut] = stack(model, 'blog').ingresses;
    expect(blog).toMatchObject({
      authTier: 'none',
      anubis: 'anubis',
      serviceName: 'anubis-blog',
      port: 8080,
      justification:
        'public blog; Anubis in front is the gate against scrapers.',
    });
    expect(carveOut).toMatchObject({
      paths: ['/net-diag.sh'],
      host: 'blog.homelab.example',
      serviceName: 'blog',
      dnsType: 'none',
    });
    // Both reach the blog deployment, the first through Anubis' target_url.
    const blogDeployment = stack(model, 'blog').workloads[0].id;
    expect(model.ingressTargets.get(blog.id)).toBe(blogDeployment);
    expect(model.ingressTargets.get(carveOut.id)).toBe(blogDeployment);
    expect(stack(model, 'playground').ingresses[0]).toMatchObject({
      authTier: 'none',
      justification: undefined,
    });
  });

  it('relates PDBs to the workloads they select and reads storage', () => {
    const a = stack(model, 'authentik');
    const [pdb] = a.pdbs;
    expect(plain(pdb)).toMatchObject({
      name: 'pgbouncer',
      minAvailable: 2,
      selector: { app: 'pgbouncer' },
    });
    expect(model.pdbTargets.get(pdb.id)).toEqual([
      a.workloads.find(w => w.role === 'pooler')!.id,
    ]);
    const lw = stack(model, 'linkwarden');
    expect(plain(lw.pvcs.find(p => p.type === 'pvc'))).toMatchObject({
      name: 'linkwarden-data-encrypted',
      storageClass: 'proxmox-lvm-encrypted',
      size: '1Gi',
      accessModes: ['ReadWriteOnce'],
      storageLimit: '5Gi',
    });
    const mysql = stack(model, 'dbaas').workloads.find(
      w => w.role === 'database',
    )!;
    expect(mysql.engine).toBe('mysql');
    expect(plain(mysql.volumeClaimTemplates[0])).toMatchObject({
      storageClass: 'proxmox-lvm-encrypted',
      size: '5Gi',
    });
  });
});

describe('buildInfraModel with a ParseCache', () => {
  it('re-parses only changed files and keeps the last good parse of a broken file', async () => {
    const files = await readExampleRepo();
    const cache = new ParseCache();
    await buildInfraModel(files, { cache });
    const hcl = files.filter(f => /\.(tf|hcl|tfvars)$/.test(f.path)).length;
    expect(cache.stats).toEqual({ parsed: hcl, reused: 0 });

    await buildInfraModel(files, { cache });
    expect(cache.stats).toEqual({ parsed: 0, reused: hcl });

    const path = 'stacks/echo/main.tf';
    const good = files.find(f => f.path === path)!.content;
    const broken = withFile(
      files,
      path,
      good.replace('replicas = 1', 'replicas = = 1'),
    );
    const model = await buildInfraModel(broken, { cache });
    expect(cache.stats.parsed).toBe(1);
    const echo = model.stacks.find(s => s.name === 'echo')!;
    expect(echo.parseErrors).toEqual([
      expect.objectContaining({ file: path, line: expect.any(Number) }),
    ]);
    // The deployment is still there, from the last good parse.
    expect(echo.workloads.map(w => w.name)).toEqual(['echo']);
    // Other stacks are untouched.
    expect(
      model.stacks.filter(s => s.parseErrors.length > 0).map(s => s.name),
    ).toEqual(['echo']);
  });

  it('without history, a broken file flags its stack and the rest of the repo ingests', async () => {
    const files = await readExampleRepo();
    const broken = withFile(
      files,
      'stacks/blog/extra.tf',
      'resource "x" "y" {\n  a = [1, 2\n}\n',
    );
    const model = await buildInfraModel(broken);
    const blog = model.stacks.find(s => s.name === 'blog')!;
    expect(blog.parseErrors).toEqual([
      expect.objectContaining({ file: 'stacks/blog/extra.tf', line: 2 }),
    ]);
    expect(blog.workloads.map(w => w.address)).toEqual([
      'kubernetes_deployment.blog',
      'module.anubis.kubernetes_deployment.anubis',
    ]);
    expect(model.stacks).toHaveLength(9);
  });
});

describe('buildInfraModel and the event loop', () => {
  it('lets the event loop run between stacks, and builds the same model', async () => {
    const files = await readExampleRepo();
    let ticks = 0;
    let running = true;
    const tick = () => {
      ticks++;
      if (running) setImmediate(tick);
    };
    setImmediate(tick);
    // A slice of 0 ms lets the loop through at every stack that starts in a
    // later millisecond: a backend stays responsive through a cold build.
    const sliced = await buildInfraModel(files, { sliceMs: 0 });
    running = false;
    const ticksDuringBuild = ticks;
    expect(ticksDuringBuild).toBeGreaterThan(1);
    expect(plain(sliced)).toEqual(plain(await buildInfraModel(files)));
  });
});
