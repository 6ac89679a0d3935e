/** Ports for local runs: one the OS picks, and whether a chosen one is already taken. */
import { createServer } from 'node:net';

/** A loopback TCP port that was free a moment ago (the OS picks it). */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.unref();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() => (address && typeof address === 'object' ? resolve(address.port) : reject(new Error('no port'))));
    });
  });
}

function tryListen(port: number, host: string): Promise<NodeJS.ErrnoException | null> {
  return new Promise((resolve) => {
    const server = createServer();
    server.unref();
    server.once('error', (error: NodeJS.ErrnoException) => resolve(error));
    server.listen({ port, host, exclusive: true }, () => server.close(() => resolve(null)));
  });
}

/**
 * Whether something already listens on `port`, on any address: the local servers listen on loopback or on all
 * addresses, and either clashes with a listener on the other. Tries the dual-stack wildcard, or IPv4's where
 * the machine has no IPv6.
 */
export async function portTaken(port: number): Promise<boolean> {
  let error = await tryListen(port, '::');
  if (error?.code === 'EAFNOSUPPORT' || error?.code === 'EADDRNOTAVAIL') error = await tryListen(port, '0.0.0.0');
  if (error === null) return false;
  if (error.code === 'EADDRINUSE' || error.code === 'EACCES') return true;
  throw error;
}
