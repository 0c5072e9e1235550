import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import {
  codeServerServeArgs,
  codeServerUrl,
  desktopArgs,
  listeningPort,
  startStateDirs,
} from '../../scripts/start/codeServerCommand';
import { findExecutable } from '../../scripts/start/findExecutable';

describe('code-server command line', () => {
  const dirs = startStateDirs('/repo/.cache/start');

  it('binds to 127.0.0.1 without auth and keeps all state in the state folder', () => {
    assert.deepEqual(codeServerServeArgs(dirs, 8731, '/repo/examples'), [
      '--config',
      '/repo/.cache/start/config.yaml',
      '--user-data-dir',
      '/repo/.cache/start/user-data',
      '--extensions-dir',
      '/repo/.cache/start/extensions',
      '--auth',
      'none',
      '--bind-addr',
      '127.0.0.1:8731',
      '--disable-telemetry',
      '--disable-update-check',
      '--disable-workspace-trust',
      '--disable-getting-started-override',
      '/repo/examples',
    ]);
  });

  it('builds the URL that opens the folder, escaping what a URL cannot hold', () => {
    assert.equal(codeServerUrl(8730, '/repo/examples'), 'http://127.0.0.1:8730/?folder=/repo/examples');
    assert.equal(codeServerUrl(8730, '/my files/a&b#c'), 'http://127.0.0.1:8730/?folder=/my%20files/a%26b%23c');
    assert.equal(new URL(codeServerUrl(1, '/my files/a&b#c')).searchParams.get('folder'), '/my files/a&b#c');
  });

  it("reads the port from code-server's listening line", () => {
    assert.equal(
      listeningPort('[2026-11-23T06:57:26.081Z] info  HTTP server listening on http://127.0.0.1:18765/'),
      18765,
    );
    assert.equal(
      listeningPort('[2026-11-23T06:57:26.081Z] info  Session server listening on /tmp/ud/code-server-ipc.sock'),
      undefined,
    );
  });

  it('opens VS Code desktop with the extension from source', () => {
    assert.deepEqual(desktopArgs('/repo', '/repo/examples'), [
      '--new-window',
      '--extensionDevelopmentPath=/repo',
      '/repo/examples',
    ]);
  });
});

describe('findExecutable', () => {
  const files = new Set(['/usr/bin/code', '/opt/vscode/bin/code', '/win/bin/code.cmd']);
  const isExecutable = (path: string): boolean => files.has(path);

  it('returns the first match in PATH order', () => {
    assert.equal(findExecutable('code', '/opt/vscode/bin:/usr/bin', isExecutable, [''], ':'), '/opt/vscode/bin/code');
    assert.equal(findExecutable('code', '/usr/local/bin::/usr/bin', isExecutable, [''], ':'), '/usr/bin/code');
  });

  it('tries each extension, as PATHEXT asks on Windows', () => {
    assert.equal(findExecutable('code', '/win/bin', isExecutable, ['.exe', '.cmd'], ':'), '/win/bin/code.cmd');
  });

  it('returns undefined when the command is nowhere on PATH, or PATH is unset', () => {
    assert.equal(findExecutable('code', '/bin:/usr/local/bin', isExecutable, [''], ':'), undefined);
    assert.equal(findExecutable('code', undefined, isExecutable, [''], ':'), undefined);
  });
});
