import {
  startPostgres,
  startRedis,
  TestPostgres,
  TestRedis,
  findFreePort,
} from '@internal/test-services';
import {
  spawnBackend,
  SpawnedBackend,
  waitForHttpOk,
  repoRoot,
} from './__testUtils__/spawnBackend';

// Production mode: app-config.production.yaml selects PostgreSQL, reading
// its connection from POSTGRES_* environment variables.
const productionConfig = ['app-config.yaml', 'app-config.production.yaml'];
const token = 'integration-test-token-0123456789';

// Production reads TechDocs from an object store that CI publishes to. None
// runs here; the backend must still start (TechDocs reports it not ready).
const techdocsEnv = {
  TECHDOCS_BUCKET: 'portal-techdocs',
  TECHDOCS_S3_ENDPOINT: 'http://127.0.0.1:9',
  TECHDOCS_S3_REGION: 'us-east-1',
  TECHDOCS_S3_ACCESS_KEY_ID: 'test-access-key',
  TECHDOCS_S3_SECRET_ACCESS_KEY: 'test-secret-key',
};

// Production signs in through authentik. None runs here either; the OIDC
// provider must be configured (or the backend refuses to start) and retries
// discovery at the first sign-in.
const signInEnv = {
  AUTHENTIK_OIDC_METADATA_URL:
    'http://127.0.0.1:9/.well-known/openid-configuration',
  AUTHENTIK_OIDC_CLIENT_ID: 'infra-portal',
  AUTHENTIK_OIDC_CLIENT_SECRET: 'test-client-secret',
  AUTH_SESSION_SECRET: 'test-session-secret',
};

// Production reads the real cluster and authentik's PgBouncer and database;
// none runs here. Their settings must be present (or the backend refuses to
// start), and the checks they feed say "unknown" with the connection error.
const rolloutEnv = {
  KUBERNETES_API_URL: 'http://127.0.0.1:9',
  KUBERNETES_PORTAL_TOKEN: 'test-kubernetes-token',
  KUBERNETES_CA_DATA: Buffer.from('not a real CA').toString('base64'),
  ROLLOUT_STATUS_PGBOUNCER_PASSWORD: 'test-pgbouncer-password',
  ROLLOUT_STATUS_PG_PASSWORD: 'test-pg-password',
  ROLLOUT_STATUS_AUTHENTIK_READY_URL: 'http://127.0.0.1:9/-/health/ready/',
  ROLLOUT_STATUS_FORWARD_AUTH_URL: 'http://127.0.0.1:9/',
};

function overlay(port: number) {
  const url = `http://localhost:${port}`;
  return {
    app: { baseUrl: url },
    backend: {
      baseUrl: url,
      listen: { port },
      auth: {
        externalAccess: [
          { type: 'static', options: { token, subject: 'postgres-test' } },
        ],
      },
    },
    catalog: {
      locations: [{ type: 'file', target: `${repoRoot}/catalog-info.yaml` }],
    },
  };
}

describe('backend on PostgreSQL (production config)', () => {
  let postgres: TestPostgres;
  // Production keeps its cache in Redis (backend.cache.store: redis).
  let redis: TestRedis;
  let backend: SpawnedBackend | undefined;

  beforeAll(async () => {
    postgres = await startPostgres();
    redis = await startRedis();
  });
  afterEach(async () => {
    await backend?.stop();
    backend = undefined;
  });
  afterAll(async () => {
    await postgres?.stop();
    await redis?.stop();
  });

  it('stores the catalog in PostgreSQL', async () => {
    const port = await findFreePort();
    backend = await spawnBackend({
      configFiles: productionConfig,
      overlay: overlay(port),
      env: {
        NODE_ENV: 'production',
        ...techdocsEnv,
        ...signInEnv,
        ...rolloutEnv,
        POSTGRES_HOST: postgres.host,
        POSTGRES_PORT: String(postgres.port),
        POSTGRES_USER: postgres.user,
        POSTGRES_PASSWORD: postgres.password,
        REDIS_URL: redis.url,
      },
    });
    const base = `http://localhost:${port}`;
    await waitForHttpOk(`${base}/.backstage/health/v1/readiness`, 120_000, {
      backend,
    });

    // Through the API, as a client sees it.
    const res = await waitForHttpOk(
      `${base}/api/catalog/entities/by-name/component/default/infra-portal`,
      60_000,
      { headers: { authorization: `Bearer ${token}` }, backend },
    );
    const entity = await res.json();
    expect(entity.metadata.title).toBe('Infra Portal');

    // And in the database itself: the catalog plugin's own database.
    const rows = await postgres.query<{ final_entity: string }>(
      `SELECT f.final_entity FROM final_entities f
         JOIN refresh_state r ON r.entity_id = f.entity_id
        WHERE r.entity_ref = $1`,
      ['component:default/infra-portal'],
      'backstage_plugin_catalog',
    );
    expect(rows).toHaveLength(1);
    expect(JSON.parse(rows[0].final_entity).metadata.title).toBe(
      'Infra Portal',
    );
    // The password never reaches the log.
    expect(backend.output()).not.toContain(postgres.password);
  }, 240_000);

  it('fails fast, naming host and port, when PostgreSQL is unreachable', async () => {
    const port = await findFreePort();
    const deadPort = await findFreePort();
    const started = Date.now();
    backend = await spawnBackend({
      configFiles: productionConfig,
      overlay: overlay(port),
      env: {
        NODE_ENV: 'production',
        POSTGRES_HOST: '127.0.0.1',
        POSTGRES_PORT: String(deadPort),
        POSTGRES_USER: 'postgres',
        POSTGRES_PASSWORD: 'not-a-real-password',
      },
    });
    const code = await backend.exited;
    expect(code).not.toBe(0);
    expect(Date.now() - started).toBeLessThan(30_000);
    expect(backend.output()).toContain(
      `cannot reach PostgreSQL at 127.0.0.1:${deadPort}`,
    );
    expect(backend.output()).toContain('Fix:');
    expect(backend.output()).not.toContain('not-a-real-password');
  }, 60_000);

  it('fails fast when no PostgreSQL host is configured', async () => {
    const port = await findFreePort();
    backend = await spawnBackend({
      configFiles: productionConfig,
      overlay: overlay(port),
      env: { NODE_ENV: 'production', POSTGRES_HOST: '', POSTGRES_PORT: '' },
    });
    expect(await backend.exited).not.toBe(0);
    expect(backend.output()).toContain(
      'backend.database.connection.host is not set',
    );
  }, 60_000);
});
