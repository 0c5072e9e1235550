// Integration: with `layerwise.docker.path` set to podman, the real podman's failures read as
// Podman's (the service, CONTAINER_HOST), not as Docker's. Needs podman only (no service: these
// are the failures of reaching one); skips without it, fails under CI=true, which installs it.
import assert from 'node:assert/strict';
import { before, describe, it } from 'node:test';
import { defaultDockerSettings } from '../../client/src/docker/settings';
import { probe } from '../helpers/dockerEngine';

const podman = { ...defaultDockerSettings, dockerPath: 'podman' };
let skip: string | false = false;

describe('podman integration: messages name Podman', () => {
  before(async () => {
    const local = await probe(podman);
    if (local.kind === 'cliMissing') {
      if (process.env.CI === 'true') throw new Error(`CI=true but ${local.message}`);
      skip = `podman is not installed: ${local.message}`;
    }
  });

  it('a service URL nobody listens on: "Cannot reach the Podman service"', async (t) => {
    if (skip) return t.skip(skip);
    const unreachable = await probe({ ...podman, dockerContext: 'unix:///nonexistent/podman.sock' });
    assert.equal(unreachable.kind, 'daemonUnreachable', JSON.stringify(unreachable));
    if (unreachable.kind !== 'daemonUnreachable') return;
    assert.equal(
      unreachable.message,
      'Cannot reach the Podman service at unix:///nonexistent/podman.sock. ' +
        'Start Podman, or check "layerwise.docker.context" and CONTAINER_HOST.',
    );
    assert.match(unreachable.detail, /^Cannot connect to Podman\b/);
  });

  it('a connection name podman does not know is "not reachable" too', async (t) => {
    if (skip) return t.skip(skip);
    const unknown = await probe({ ...podman, dockerContext: 'layerwise-no-such-connection' });
    assert.equal(unknown.kind, 'daemonUnreachable', JSON.stringify(unknown));
    if (unknown.kind !== 'daemonUnreachable') return;
    assert.match(unknown.message, /^Cannot reach the Podman service at layerwise-no-such-connection\. Start Podman,/);
  });

  it('a podman that is not there: "Podman was not found"', async () => {
    const missing = await probe({ ...podman, dockerPath: '/nonexistent/bin/podman' });
    assert.equal(missing.kind, 'cliMissing');
    assert.match(
      missing.kind === 'cliMissing' ? missing.message : '',
      /^Podman was not found at "\/nonexistent\/bin\/podman" \(layerwise\.docker\.path\)\. Install Podman,/,
    );
  });
});
