// The code-server command line and the URL it serves, built from plain values.
import { join } from 'node:path';

export const CODE_SERVER_HOST = '127.0.0.1';

/** Where `npm start` keeps code-server's state between runs (inside the repo-ignored .cache/). */
export interface StartStateDirs {
  readonly root: string;
  readonly userData: string;
  readonly extensions: string;
  /** XDG_DATA_HOME/XDG_CONFIG_HOME for code-server, so that nothing lands in the user's home. */
  readonly xdg: string;
  readonly configFile: string;
  readonly vsix: string;
  readonly log: string;
}

export function startStateDirs(root: string): StartStateDirs {
  return {
    root,
    userData: join(root, 'user-data'),
    extensions: join(root, 'extensions'),
    xdg: join(root, 'xdg'),
    configFile: join(root, 'config.yaml'),
    vsix: join(root, 'layerwise-dev.vsix'),
    log: join(root, 'code-server.log'),
  };
}

/** Arguments shared by every code-server call, so that all of them use our state only. */
function codeServerStateArgs(dirs: StartStateDirs): string[] {
  return ['--config', dirs.configFile, '--user-data-dir', dirs.userData, '--extensions-dir', dirs.extensions];
}

export function codeServerInstallArgs(dirs: StartStateDirs): string[] {
  return [...codeServerStateArgs(dirs), '--install-extension', dirs.vsix, '--force'];
}

export function codeServerServeArgs(dirs: StartStateDirs, port: number, folder: string): string[] {
  return [
    ...codeServerStateArgs(dirs),
    '--auth',
    'none',
    '--bind-addr',
    `${CODE_SERVER_HOST}:${port}`,
    '--disable-telemetry',
    '--disable-update-check',
    '--disable-workspace-trust',
    '--disable-getting-started-override',
    folder,
  ];
}

/** The page that opens `folder`; slashes are left readable. */
export function codeServerUrl(port: number, folder: string): string {
  return `http://${CODE_SERVER_HOST}:${port}/?folder=${encodeURIComponent(folder).replace(/%2F/g, '/')}`;
}

/** code-server logs this line once it accepts connections. */
export function listeningPort(logLine: string): number | undefined {
  const match = /HTTP server listening on https?:\/\/[^\s/]+:(\d+)\//.exec(logLine);
  return match ? Number(match[1]) : undefined;
}

/** The arguments for VS Code desktop: the extension from source, in a window on `folder`. */
export function desktopArgs(repoRoot: string, folder: string): string[] {
  return ['--new-window', `--extensionDevelopmentPath=${repoRoot}`, folder];
}
