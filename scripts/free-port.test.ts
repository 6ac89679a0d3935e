import { createServer, type Server } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { freePort, portTaken } from './free-port.ts';

const servers: Server[] = [];
afterEach(async () => {
  await Promise.all(servers.splice(0).map((server) => new Promise((resolve) => server.close(resolve))));
});

function listen(port: number, host: string): Promise<void> {
  const server = createServer();
  servers.push(server);
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, host, () => resolve());
  });
}

describe('portTaken', () => {
  it('is false for a port nothing listens on, and leaves it free', async () => {
    const port = await freePort();
    expect(await portTaken(port)).toBe(false);
    await listen(port, '127.0.0.1');
  });

  it('is true while a server listens on loopback only (as the sandbox does)', async () => {
    const port = await freePort();
    await listen(port, '127.0.0.1');
    expect(await portTaken(port)).toBe(true);
  });

  it('is true while a server listens on every address (as the compressing front does)', async () => {
    const port = await freePort();
    await listen(port, '::');
    expect(await portTaken(port)).toBe(true);
  });
});
