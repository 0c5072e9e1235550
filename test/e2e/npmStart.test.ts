// `npm start` end to end: the command a newcomer runs, in code-server mode, checked in a real
// browser, then stopped with Ctrl+C (SIGINT to its process group, as a terminal sends it).
import assert from 'node:assert/strict';
import { type ChildProcess, spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { pathToFileURL } from 'node:url';
import type { Page } from 'playwright-core';
import { LspClient } from '../helpers/lspClient';
import { descendants, isRunning, listProcesses, type ProcessInfo } from '../helpers/processTree';
import {
  chooseUserSetting,
  closeAllEditors,
  goTo,
  openFile,
  openWorkbench,
  runCommand,
  waitUntil,
  type Workbench,
} from './workbench';

const REPO_ROOT = resolve(__dirname, '../..');
const EXAMPLES = join(REPO_ROOT, 'examples');
const PACKAGE_VERSION = (JSON.parse(readFileSync(join(REPO_ROOT, 'package.json'), 'utf8')) as { version: string })
  .version;
const EXTENSION_FOLDER = `layerwise.layerwise-${PACKAGE_VERSION}`;
const URL_PATTERN = /http:\/\/127\.0\.0\.1:(\d+)\/\?folder=(\S+)/;

interface StartedNpm {
  readonly child: ChildProcess;
  readonly exit: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
  output(): string;
}

function startNpmStart(stateDir: string): StartedNpm {
  // detached: npm leads its own process group, like a command typed into a terminal.
  const child = spawn('npm', ['start', '--', '--code-server'], {
    cwd: REPO_ROOT,
    detached: true,
    stdio: ['ignore', 'pipe', 'pipe'],
    env: { ...process.env, LAYERWISE_START_DIR: stateDir },
  });
  let output = '';
  child.stdout!.on('data', (chunk: Buffer) => (output += chunk.toString()));
  child.stderr!.on('data', (chunk: Buffer) => (output += chunk.toString()));
  const exit = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolvePromise) =>
    child.on('exit', (code, signal) => resolvePromise({ code, signal })),
  );
  return { child, exit, output: () => output };
}

function waitForOutput(npm: StartedNpm, pattern: RegExp, timeoutMs: number): Promise<RegExpExecArray> {
  return new Promise((resolvePromise, reject) => {
    const timer = setTimeout(
      () => done(new Error(`no ${pattern} within ${timeoutMs} ms; output:\n${npm.output()}`)),
      timeoutMs,
    );
    const check = (): void => {
      const match = pattern.exec(npm.output());
      if (match) done(match);
    };
    const done = (result: RegExpExecArray | Error): void => {
      clearTimeout(timer);
      npm.child.stdout!.off('data', check);
      if (result instanceof Error) reject(result);
      else resolvePromise(result);
    };
    npm.child.stdout!.on('data', check);
    void npm.exit.then(({ code, signal }) =>
      done(new Error(`npm start exited (${signal ?? code}) before printing ${pattern}; output:\n${npm.output()}`)),
    );
    check();
  });
}

/** What the bundled server itself reports for a file: the UI must show the same. */
async function serverDiagnostics(file: string): Promise<string[]> {
  const client = await LspClient.start();
  try {
    return (await client.open(pathToFileURL(file).href, readFileSync(file, 'utf8'))).diagnostics.map((d) => d.message);
  } finally {
    await client.stop();
  }
}

async function serverAnnouncesHover(): Promise<boolean> {
  const client = await LspClient.start();
  try {
    const result = client.initializeResult as { capabilities?: { hoverProvider?: unknown } };
    return Boolean(result.capabilities?.hoverProvider);
  } finally {
    await client.stop();
  }
}

function summary(docFile: string): string {
  return readFileSync(join(REPO_ROOT, 'core', 'docs', docFile), 'utf8')
    .split('\n')[0]!
    .trim();
}

const skipReason =
  process.platform === 'linux' ? undefined : 'reads /proc to check for leftover processes (Linux only)';

/** The hover at a 1-based line and column, opened with "Show or Focus Hover". */
async function hoverAt(page: Page, line: number, column: number): Promise<string> {
  await goTo(page, line, column);
  await runCommand(page, 'Show or Focus Hover');
  const text = await page
    .locator('.monaco-hover:not(.hidden)')
    .first()
    .innerText({ timeout: 5_000 })
    .catch(() => '');
  await page.keyboard.press('Escape');
  return text;
}

describe('npm start (code-server mode)', { skip: skipReason }, () => {
  const stateDir = mkdtempSync(join(tmpdir(), 'layerwise-start-'));
  let npm: StartedNpm;
  let workbench: Workbench | undefined;
  let page: Page;
  let url: string;
  let seen: ProcessInfo[] = [];

  before(async () => {
    npm = startNpmStart(stateDir);
    // The first run may install code-server (about a minute and a half).
    url = (await waitForOutput(npm, URL_PATTERN, 240_000))[0];
    // Opens exactly the printed address (origin and folder).
    const printed = new URL(url);
    workbench = await openWorkbench(printed.origin, printed.searchParams.get('folder') ?? '');
    page = workbench.page;
  });

  after(async () => {
    await workbench?.browser.close();
    // Whatever a failed test left running goes, so that a failure cannot leave code-server behind.
    if (isRunning(npm.child.pid!)) process.kill(-npm.child.pid!, 'SIGKILL');
    for (const process_ of [...seen, ...listProcesses().filter((p) => p.commandLine.includes(stateDir))]) {
      if (isRunning(process_.pid)) process.kill(process_.pid, 'SIGKILL');
    }
    rmSync(stateDir, { recursive: true, force: true });
  });

  it('prints the URL of code-server on 127.0.0.1 with the examples folder', () => {
    const match = URL_PATTERN.exec(url)!;
    assert.equal(decodeURIComponent(match[2]!), EXAMPLES);
    assert.match(npm.output(), /Press Ctrl\+C to stop/);
  });

  it("opens an example Dockerfile with Layerwise's diagnostics in the Problems panel", {
    timeout: 120_000,
  }, async () => {
    const expected = await serverDiagnostics(join(EXAMPLES, 'broken.Dockerfile'));
    assert.ok(expected.length >= 3, `broken.Dockerfile should have several problems, got ${expected.length}`);
    await openFile(page, 'broken.Dockerfile');
    await page
      .locator('.statusbar-item', { hasText: /^Dockerfile$/ })
      .first()
      .waitFor();
    await page.keyboard.press('Control+Shift+M');
    const rows = page.locator('.markers-panel .monaco-list-row[aria-label$="generated by layerwise"]');
    await rows.nth(expected.length - 1).waitFor({ timeout: 60_000 });
    const labels = await rows.evaluateAll((elements) => elements.map((e) => e.getAttribute('aria-label') ?? ''));
    assert.equal(labels.length, expected.length, labels.join('\n'));
    for (const message of expected) {
      assert.ok(
        labels.some((label) => label.startsWith(`Error: ${message} at line`)),
        `Problems panel lacks "${message}":\n${labels.join('\n')}`,
      );
    }
  });

  it('shows hover docs in English, then in Korean once layerwise.docs.language is ko', {
    timeout: 120_000,
  }, async (t) => {
    if (!(await serverAnnouncesHover())) {
      t.todo('the server does not announce hoverProvider yet (hover is being built on branch hover-completion)');
      return;
    }
    // FROM on line 11 of examples/Dockerfile ("FROM scratch AS base").
    await closeAllEditors(page);
    await openFile(page, 'Dockerfile');
    const english = summary('en/instruction/FROM.md');
    await waitUntil(
      () => hoverAt(page, 11, 2),
      (text) => text.includes(english),
      `a hover with "${english}"`,
    );

    await chooseUserSetting(page, 'layerwise.docs.language', 'ko');
    await closeAllEditors(page);
    await openFile(page, 'Dockerfile');
    const korean = summary('ko/instruction/FROM.md');
    await waitUntil(
      () => hoverAt(page, 11, 2),
      (text) => text.includes(korean),
      `a hover with "${korean}"`,
    );
  });

  it('stops code-server and every process it started on Ctrl+C', { timeout: 60_000 }, async () => {
    seen = descendants(npm.child.pid!);
    assert.ok(
      seen.some((p) => p.commandLine.includes('bin/code-server')),
      `code-server is not running:\n${seen.map((p) => p.commandLine).join('\n')}`,
    );
    assert.ok(
      seen.some((p) => p.commandLine.includes(`${EXTENSION_FOLDER}/dist/server.js`)),
      'the installed extension should have started its language server',
    );

    process.kill(-npm.child.pid!, 'SIGINT');
    // npm passes the interrupt on to the launcher, waits for it, then ends itself by the same signal.
    const { code, signal } = await npm.exit;
    assert.ok(code === 0 || signal === 'SIGINT', `npm start ended with ${signal ?? code}:\n${npm.output()}`);
    assert.match(npm.output(), /code-server stopped/);
    const left = seen.filter((p) => isRunning(p.pid)).map((p) => `${p.pid} ${p.commandLine}`);
    assert.deepEqual(left, []);
    const strays = listProcesses().filter((p) => p.commandLine.includes(stateDir) && p.state !== 'Z');
    assert.deepEqual(
      strays.map((p) => `${p.pid} ${p.commandLine}`),
      [],
    );
  });
});
