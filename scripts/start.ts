// `npm start`: builds Layerwise and opens it in a real VS Code on examples/ (or a given folder).
// VS Code desktop when `code` is on PATH; otherwise code-server in the background, installed on
// first use by scripts/setup-e2e.sh into .cache/code-server, with its state in .cache/start.
import { createWriteStream, existsSync, mkdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { parseStartArgs, START_USAGE, type StartOptions } from './start/args';
import {
  CODE_SERVER_HOST,
  codeServerInstallArgs,
  codeServerServeArgs,
  codeServerUrl,
  desktopArgs,
  listeningPort,
  type StartStateDirs,
  startStateDirs,
} from './start/codeServerCommand';
import { findExecutable } from './start/findExecutable';
import { findFreePort, isPortFree } from './start/freePort';
import { run, spawnGroup, stopGroup } from './start/processes';
import { mergeUserSettings } from './start/userSettings';

const REPO_ROOT = resolve(__dirname, '..');
const LISTEN_TIMEOUT_MS = 60_000;

class StartError extends Error {}

function say(message: string): void {
  console.log(`npm start: ${message}`);
}

async function main(): Promise<void> {
  const parsed = parseStartArgs(
    process.argv.slice(2),
    process.env.INIT_CWD ?? process.cwd(),
    join(REPO_ROOT, 'examples'),
  );
  if (parsed.kind === 'help') {
    console.log(START_USAGE);
    return;
  }
  if (parsed.kind === 'error') throw new StartError(parsed.message);
  const options = parsed.options;
  if (!existsSync(options.folder) || !statSync(options.folder).isDirectory()) {
    throw new StartError(`${options.folder} is not a folder. Give a folder to open: npm start -- path/to/folder`);
  }

  say('building the extension');
  await mustRun(process.execPath, [join(REPO_ROOT, 'scripts', 'build.mjs')], 'the build failed (see above)');

  const code = options.editor === 'auto' ? findExecutable('code', process.env.PATH) : undefined;
  if (code !== undefined) await openDesktop(code, options);
  else await serveCodeServer(options);
}

async function openDesktop(code: string, options: StartOptions): Promise<void> {
  say(`opening VS Code (${code}) on ${options.folder} with Layerwise from source`);
  await mustRun(code, desktopArgs(REPO_ROOT, options.folder), `${code} failed`);
  say('VS Code is open: Layerwise runs in the window titled "[Extension Development Host]".');
}

async function serveCodeServer(options: StartOptions): Promise<void> {
  const codeServer = join(
    process.env.LAYERWISE_CODE_SERVER_DIR ?? join(REPO_ROOT, '.cache', 'code-server'),
    'bin',
    'code-server',
  );
  say('no `code` on PATH: using code-server (installed into .cache/code-server on first use)');
  await mustRun(
    'bash',
    [join(REPO_ROOT, 'scripts', 'setup-e2e.sh'), '--code-server-only'],
    'code-server could not be installed (see above). Alternatively install VS Code and put `code` on PATH.',
  );

  const dirs = startStateDirs(process.env.LAYERWISE_START_DIR ?? join(REPO_ROOT, '.cache', 'start'));
  prepareState(dirs);
  const env = { ...process.env, XDG_DATA_HOME: dirs.xdg, XDG_CONFIG_HOME: dirs.xdg };

  say('packaging and installing the extension');
  await mustRun(
    process.execPath,
    [
      join(REPO_ROOT, 'node_modules', '@vscode', 'vsce', 'vsce'),
      'package',
      '--no-dependencies',
      '--no-rewrite-relative-links',
      '--out',
      dirs.vsix,
    ],
    'packaging the extension failed',
    {
      cwd: REPO_ROOT,
      quiet: true,
    },
  );
  await mustRun(codeServer, codeServerInstallArgs(dirs), 'code-server could not install the extension', {
    env,
    quiet: true,
  });

  const port = await choosePort(options.port);
  const log = createWriteStream(dirs.log);
  const child = spawnGroup(codeServer, codeServerServeArgs(dirs, port, options.folder), { env, cwd: options.folder });
  let stopping = false;
  const stop = (): void => {
    if (stopping) return; // npm forwards the terminal's Ctrl+C, so it arrives twice.
    stopping = true;
    say('stopping code-server');
    void stopGroup(child).then(() => {
      say('code-server stopped');
      process.exit(0);
    });
  };
  for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP'] as const) process.on(signal, stop);

  let listening = false;
  let recent = '';
  const onOutput = (chunk: Buffer): void => {
    log.write(chunk);
    recent = (recent + chunk.toString()).slice(-4000);
    if (!listening && recent.split('\n').some((line) => listeningPort(line) === port)) {
      listening = true;
      clearTimeout(timer);
      console.log(
        `\n  Layerwise is running in code-server. Open:\n\n    ${codeServerUrl(port, options.folder)}\n\n` +
          `  Log: ${dirs.log}\n  Press Ctrl+C to stop.\n`,
      );
    }
  };
  child.stdout?.on('data', onOutput);
  child.stderr?.on('data', onOutput);
  const timer = setTimeout(() => {
    console.error(
      `npm start: code-server did not start listening within ${LISTEN_TIMEOUT_MS / 1000} s; its log:\n${recent}`,
    );
    process.exitCode = 1;
    stop();
  }, LISTEN_TIMEOUT_MS);
  child.on('error', (error) => {
    clearTimeout(timer);
    console.error(`npm start: could not run ${codeServer}: ${error.message}`);
    process.exit(1);
  });
  child.on('exit', (code, signal) => {
    clearTimeout(timer);
    if (stopping) return;
    console.error(`npm start: code-server exited (${signal ?? `code ${code}`}); the end of its log:\n${recent}`);
    void stopGroup(child).then(() => process.exit(1));
  });
}

/** Creates the state folders, a config file (so code-server does not write one into ~/.config) and the settings. */
function prepareState(dirs: StartStateDirs): void {
  const userDir = join(dirs.userData, 'User');
  for (const dir of [userDir, dirs.extensions, dirs.xdg]) mkdirSync(dir, { recursive: true });
  writeFileSync(
    dirs.configFile,
    '# Written by npm start, which passes the other options on the command line (scripts/start.ts).\nauth: none\n',
  );
  const settingsFile = join(userDir, 'settings.json');
  const merged = mergeUserSettings(existsSync(settingsFile) ? readFileSync(settingsFile, 'utf8') : undefined);
  if (merged.kind === 'error') throw new StartError(`cannot update ${settingsFile}: ${merged.message}`);
  writeFileSync(settingsFile, merged.text);
}

async function choosePort(requested: number | undefined): Promise<number> {
  if (requested === undefined) return findFreePort(CODE_SERVER_HOST);
  if (await isPortFree(CODE_SERVER_HOST, requested)) return requested;
  throw new StartError(
    `port ${requested} on ${CODE_SERVER_HOST} is in use. ` +
      'Pick another with --port, or leave --port out to get a free one.',
  );
}

async function mustRun(
  command: string,
  args: readonly string[],
  failure: string,
  options: Parameters<typeof run>[2] = {},
): Promise<void> {
  const result = await run(command, args, options);
  if (result.code !== 0)
    throw new StartError(`${failure}${options.quiet && result.output ? `:\n${result.output.trimEnd()}` : ''}`);
}

main().catch((error: unknown) => {
  console.error(error instanceof StartError ? `npm start: ${error.message}` : error);
  process.exit(1);
});
