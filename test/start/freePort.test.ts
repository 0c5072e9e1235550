import assert from 'node:assert/strict';
import { createServer, type Server } from 'node:net';
import { after, before, describe, it } from 'node:test';
import { findFreePort, isPortFree } from '../../scripts/start/freePort';

const HOST = '127.0.0.1';

function listen(port: number): Promise<Server> {
  return new Promise((resolvePromise, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen({ host: HOST, port }, () => resolvePromise(server));
  });
}

function portOf(server: Server): number {
  const address = server.address();
  assert.ok(typeof address === 'object' && address !== null);
  return address.port;
}

describe('findFreePort', () => {
  let busy: Server;
  let busyPort: number;
  let freePort: number;

  before(async () => {
    busy = await listen(0);
    busyPort = portOf(busy);
    // A port that was free a moment ago: taken and released.
    const probe = await listen(0);
    freePort = portOf(probe);
    await new Promise((resolvePromise) => probe.close(resolvePromise));
  });
  after(() => new Promise((resolvePromise) => busy.close(resolvePromise)));

  it('tells a port in use from a free one', async () => {
    assert.equal(await isPortFree(HOST, busyPort), false);
    assert.equal(await isPortFree(HOST, freePort), true);
  });

  it('skips candidates in use and returns the first free one', async () => {
    assert.equal(await findFreePort(HOST, [busyPort, freePort]), freePort);
  });

  it('asks the operating system for a port when every candidate is in use', async () => {
    const port = await findFreePort(HOST, [busyPort]);
    assert.notEqual(port, busyPort);
    const server = await listen(port); // really usable
    await new Promise((resolvePromise) => server.close(resolvePromise));
  });
});
