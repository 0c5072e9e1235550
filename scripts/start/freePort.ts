// Finds a TCP port that code-server can listen on.
import { createServer } from 'node:net';

/** The ports tried first, so that the URL (and the browser's state for it) stays the same between runs. */
const PREFERRED_PORTS: readonly number[] = Array.from({ length: 20 }, (_, i) => 8730 + i);

/** Whether a server can listen on host:port right now. */
export function isPortFree(host: string, port: number): Promise<boolean> {
  return new Promise((resolvePromise) => {
    const server = createServer();
    server.once('error', () => resolvePromise(false));
    server.listen({ host, port, exclusive: true }, () => server.close(() => resolvePromise(true)));
  });
}

/** The first free port of `candidates`; when all are taken, one the operating system picks. */
export async function findFreePort(host: string, candidates: readonly number[] = PREFERRED_PORTS): Promise<number> {
  for (const port of candidates) {
    if (await isPortFree(host, port)) return port;
  }
  return new Promise((resolvePromise, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen({ host, port: 0, exclusive: true }, () => {
      const address = server.address();
      const port = typeof address === 'object' && address !== null ? address.port : 0;
      server.close(() => (port > 0 ? resolvePromise(port) : reject(new Error(`no free port on ${host}`))));
    });
  });
}
