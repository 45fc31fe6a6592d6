import { createServer, connect, Server } from 'node:net';
import { AddressInfo } from 'node:net';

/** A TCP proxy that counts connections: one poll of PgBouncer or PostgreSQL opens one. */
export async function startCountingProxy(targetPort: number): Promise<{
  port: number;
  connections: () => number;
  close: () => Promise<void>;
}> {
  let connections = 0;
  const server: Server = createServer(client => {
    connections++;
    const upstream = connect(targetPort, '127.0.0.1');
    client.pipe(upstream).pipe(client);
    const closeBoth = () => {
      client.destroy();
      upstream.destroy();
    };
    client.on('error', closeBoth);
    upstream.on('error', closeBoth);
  });
  await new Promise<void>(resolve => server.listen(0, '127.0.0.1', resolve));
  return {
    port: (server.address() as AddressInfo).port,
    connections: () => connections,
    close: () => new Promise(resolve => server.close(() => resolve())),
  };
}
