/**
 * A port-forwarding load balancer on loopback, as in front of several bot instances: each new connection goes to
 * the next backend in turn (round robin), bytes are piped both ways untouched.
 */

import type { AddressInfo } from 'node:net';
import { connect, createServer, type Socket } from 'node:net';

export interface TcpBalancer {
  port: number;
  /** Connections forwarded to each backend port so far. */
  connections: Map<number, number>;
  close(): Promise<void>;
}

export async function startTcpBalancer(backendPorts: readonly number[]): Promise<TcpBalancer> {
  let next = 0;
  const connections = new Map<number, number>(backendPorts.map((p) => [p, 0]));
  const open = new Set<Socket>();
  const server = createServer((client) => {
    const port = backendPorts[next % backendPorts.length] ?? 0;
    next += 1;
    connections.set(port, (connections.get(port) ?? 0) + 1);
    const backend = connect(port, '127.0.0.1');
    for (const socket of [client, backend]) {
      open.add(socket);
      socket.on('close', () => open.delete(socket));
      socket.on('error', () => {
        client.destroy();
        backend.destroy();
      });
    }
    client.pipe(backend).pipe(client);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    port: (server.address() as AddressInfo).port,
    connections,
    close: () =>
      new Promise<void>((resolve) => {
        for (const socket of open) socket.destroy();
        server.close(() => resolve());
      }),
  };
}

/** A port nothing listens on right now (for a child process's PORT). */
export async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return port;
}
