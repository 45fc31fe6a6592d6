/**
 * Real PostgreSQL (and PgBouncer) and Redis processes, a real OpenID
 * Connect provider, and simulated viewers (a load generator in its own
 * process), for integration tests and benchmarks. Debian's
 * packages provide the binaries; the README's test command installs them.
 *
 * @packageDocumentation
 */
export { startPostgres, type TestPostgres } from './postgres';
export { startRedis, type TestRedis } from './redis';
export {
  startPgBouncer,
  type TestPgBouncer,
  type StartPgBouncerOptions,
} from './pgbouncer';
export {
  findFreePort,
  runServiceCommand,
  makeServiceDir,
  runsAsRoot,
} from './processes';
export {
  startOidcServer,
  type TestOidcServer,
  type OidcTestUser,
  type OidcTestClient,
  type StartOidcServerOptions,
} from './oidc/startOidcServer';
export {
  runViewers,
  runViewersInChild,
  type LoadResult,
} from './viewers/loadGenerator';
