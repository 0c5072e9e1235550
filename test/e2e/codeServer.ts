// Starts code-server (VS Code 1.100 for the browser, installed by scripts/setup-e2e.sh) on
// 127.0.0.1 and a free port, with our .vsix installed into a fresh profile, and stops it.
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, mkdtempSync, openSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { freePort } from '../helpers/freePort';

export const ROOT = join(__dirname, '..', '..');
export const CODE_SERVER_DIR = process.env.LAYERWISE_CODE_SERVER_DIR ?? join(ROOT, '.cache', 'code-server');
const CODE_SERVER = join(CODE_SERVER_DIR, 'bin', 'code-server');

/** Settings for a deterministic workbench: no trust dialog, no welcome page, DOM terminal. */
export const BASE_SETTINGS: Record<string, unknown> = {
  'security.workspace.trust.enabled': false,
  'workbench.startupEditor': 'none',
  'workbench.tips.enabled': false,
  'workbench.enableExperiments': false,
  'workbench.welcomePage.walkthroughs.openOnInstall': false,
  'telemetry.telemetryLevel': 'off',
  'extensions.autoCheckUpdates': false,
  'extensions.autoUpdate': false,
  'update.mode': 'none',
  'git.enabled': false,
  'chat.commandCenter.enabled': false,
  // The DOM renderer puts the terminal's text in the page, where the test can read it.
  'terminal.integrated.gpuAcceleration': 'off',
  // Only language-server items in the suggest widget, so the completion test sees ours.
  'editor.wordBasedSuggestions': 'off',
  'editor.hover.delay': 150,
  // Other processes listening on this machine would otherwise pop up "Your application running
  // on port N is available" toasts at random moments.
  'remote.autoForwardPorts': false,
  // VS Code for the browser saves after a delay by default: an edit a step makes would reach the
  // disk at a random moment, and "File: Revert File" would then revert to that, not the fixture.
  'files.autoSave': 'off',
};

export interface CodeServer {
  readonly url: string;
  readonly workspace: string;
  readonly userDataDir: string;
  readonly logFile: string;
  stop(): Promise<void>;
}

export function codeServerInstalled(): boolean {
  return existsSync(CODE_SERVER);
}

async function waitForHealthy(url: string, child: ChildProcess, logFile: string, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (child.exitCode !== null)
      throw new Error(`code-server exited with ${child.exitCode}:\n${readFileSync(logFile, 'utf8')}`);
    try {
      const response = await fetch(`${url}/healthz`);
      if (response.ok) return;
    } catch {
      // not listening yet
    }
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  throw new Error(`code-server did not answer /healthz within ${timeoutMs} ms:\n${readFileSync(logFile, 'utf8')}`);
}

/**
 * Makes `locale` VS Code's display language without a language pack (none can be downloaded
 * here): the server reads <user-data-dir>/languagepacks.json to resolve the locale, and a pack
 * whose translation file is empty leaves VS Code's own UI in English while `vscode.env.language`
 * becomes `locale`, so extensions show their package.nls.<locale>.json and l10n bundle.
 */
function declareLanguagePack(base: string, userDataDir: string, locale: string): void {
  const translations = join(base, 'language-pack', 'main.i18n.json');
  mkdirSync(join(base, 'language-pack'), { recursive: true });
  writeFileSync(translations, JSON.stringify({ version: '1.0.0', contents: {} }));
  const pack = {
    hash: `layerwise-e2e-${locale}`,
    label: locale,
    extensions: [{ extensionIdentifier: { id: `layerwise-e2e.language-pack-${locale}` }, version: '0.0.0' }],
    translations: { vscode: translations },
  };
  writeFileSync(join(userDataDir, 'languagepacks.json'), JSON.stringify({ [locale]: pack }));
}

/**
 * `locale`: the display language (`--locale`), e.g. `ko`; English when absent. `settings`: user
 * settings on top of BASE_SETTINGS, e.g. `remote.extensionKind`, which only takes effect at start.
 */
export async function startCodeServer(options: {
  vsix: string;
  fixture: string;
  prepareWorkspace?: (dir: string) => void;
  locale?: string;
  settings?: Record<string, unknown>;
}): Promise<CodeServer> {
  if (!codeServerInstalled())
    throw new Error(`code-server is not installed in ${CODE_SERVER_DIR}: run scripts/setup-e2e.sh`);
  const base = mkdtempSync(join(tmpdir(), 'layerwise-e2e-'));
  const userDataDir = join(base, 'user-data');
  const extensionsDir = join(base, 'extensions');
  const workspace = join(base, 'workspace');
  const logFile = join(base, 'code-server.log');
  mkdirSync(join(userDataDir, 'User'), { recursive: true });
  cpSync(options.fixture, workspace, { recursive: true });
  options.prepareWorkspace?.(workspace);

  // Written once before start: code-server does not notice later changes to this file, so
  // tests change settings through the Settings UI (workbench.ts chooseUserSetting).
  writeFileSync(
    join(userDataDir, 'User', 'settings.json'),
    JSON.stringify({ ...BASE_SETTINGS, ...options.settings }, null, 2),
  );
  if (options.locale !== undefined) declareLanguagePack(base, userDataDir, options.locale);

  const install = spawnSync(
    CODE_SERVER,
    ['--install-extension', options.vsix, '--extensions-dir', extensionsDir, '--user-data-dir', userDataDir],
    {
      encoding: 'utf8',
      timeout: 120_000,
    },
  );
  if (install.status !== 0) throw new Error(`installing ${options.vsix} failed:\n${install.stdout}${install.stderr}`);

  const port = await freePort();
  const url = `http://127.0.0.1:${port}`;
  const log = openSync(logFile, 'a');
  const child = spawn(
    CODE_SERVER,
    [
      '--auth',
      'none',
      '--bind-addr',
      `127.0.0.1:${port}`,
      '--disable-telemetry',
      '--disable-update-check',
      '--user-data-dir',
      userDataDir,
      '--extensions-dir',
      extensionsDir,
      ...(options.locale === undefined ? [] : ['--locale', options.locale]),
      workspace,
    ],
    // Its own process group, so stop() ends code-server and everything it started.
    { detached: true, stdio: ['ignore', log, log], env: { ...process.env, VSCODE_PROXY_URI: '' } },
  );
  const stop = async (): Promise<void> => {
    if (child.pid === undefined || child.exitCode !== null) return;
    const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
    try {
      process.kill(-child.pid, 'SIGTERM');
    } catch {
      return;
    }
    const killed = await Promise.race([
      exited.then(() => true),
      new Promise<boolean>((resolve) => setTimeout(() => resolve(false), 5_000)),
    ]);
    if (!killed) {
      try {
        process.kill(-child.pid, 'SIGKILL');
      } catch {
        // already gone
      }
    }
  };
  try {
    await waitForHealthy(url, child, logFile, 60_000);
  } catch (error) {
    await stop();
    throw error;
  }
  return { url, workspace, userDataDir, logFile, stop };
}
