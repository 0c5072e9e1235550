// What each e2e suite sets up the same way: code-server with the packaged .vsix and a copy of the
// fixture workspace, one Chromium workbench on it, an image and a container name unique to the run
// (removed after the suite), a screenshot when a step fails, and the docker and port helpers the
// steps use.
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { copyFileSync, existsSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { after, afterEach, before } from 'node:test';

import type { Page } from 'playwright-core';

import { ROOT, startCodeServer, type CodeServer } from './codeServer';
import { openWorkbench, screenshot, type Workbench } from './workbench';

const VSIX = join(ROOT, 'layerwise.vsix');
const FIXTURE = join(ROOT, 'test', 'e2e', 'workspace');
const RUN_ID = `${process.pid}-${Date.now().toString(36)}`;

export function docker(...args: string[]): { status: number | null; stdout: string; stderr: string } {
  const result = spawnSync('docker', args, { encoding: 'utf8', timeout: 60_000 });
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}

export async function freeHostPort(): Promise<number> {
  const { createServer } = await import('node:net');
  return new Promise((resolve) => {
    const server = createServer().listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() => resolve(typeof address === 'object' && address !== null ? address.port : 0));
    });
  });
}

export interface WorkbenchSession {
  /** `<name>:<run id>`: the image the steps build (removed after the suite). */
  readonly image: string;
  /** `<name>-<run id>`: the container the steps run (removed after the suite). */
  readonly container: string;
  /** The workbench page; fails the step when the workbench did not open. */
  page(): Page;
}

/**
 * Registers the suite's hooks (call it inside `describe`): before, code-server (`locale`, if
 * given) and the workbench; after a failed step, a screenshot named `FAILED-<shotPrefix>…`;
 * after all, the browser, code-server, the container and the image go.
 */
export function useWorkbenchSession(options: {
  name: string;
  locale?: string;
  shotPrefix?: string;
  /** Files written into the workspace copy besides the fixture's, by name. */
  files?: Readonly<Record<string, string>>;
  /** User settings on top of codeServer.ts BASE_SETTINGS, written before code-server starts. */
  settings?: Record<string, unknown>;
}): WorkbenchSession {
  let server: CodeServer | undefined;
  let workbench: Workbench | undefined;
  const image = `${options.name}:${RUN_ID}`;
  const container = `${options.name}-${RUN_ID}`;

  before(async () => {
    assert.ok(existsSync(VSIX), `${VSIX} is missing: run npm run package`);
    server = await startCodeServer({
      vsix: VSIX,
      fixture: FIXTURE,
      ...(options.locale === undefined ? {} : { locale: options.locale }),
      ...(options.settings === undefined ? {} : { settings: options.settings }),
      // The build context needs the static busybox binary (no registry is reachable).
      prepareWorkspace: (dir) => {
        copyFileSync('/bin/busybox', join(dir, 'busybox'));
        for (const [name, text] of Object.entries(options.files ?? {})) writeFileSync(join(dir, name), text);
      },
    });
    workbench = await openWorkbench(server.url, server.workspace);
  });

  afterEach(async (t) => {
    // What the workbench showed when a step failed.
    if ('passed' in t && !t.passed && workbench)
      await screenshot(
        workbench.page,
        `FAILED-${options.shotPrefix ?? ''}${t.name.replace(/[^a-z0-9]+/gi, '-').slice(0, 40)}`,
      ).catch(() => undefined);
  });

  after(async () => {
    await workbench?.browser.close().catch(() => undefined);
    await server?.stop();
    docker('rm', '-f', container);
    docker('rmi', '-f', image);
  });

  return {
    image,
    container,
    page: () => {
      assert.ok(workbench, 'the workbench did not open');
      return workbench.page;
    },
  };
}
