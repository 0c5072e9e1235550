// The command line of `npm start`: an optional folder and a few flags. Pure: no file system.
import { isAbsolute, resolve } from 'node:path';

type EditorChoice = 'auto' | 'code-server';

export interface StartOptions {
  /** Absolute path of the folder to open. */
  readonly folder: string;
  /** `auto`: VS Code desktop when `code` is on PATH, code-server otherwise. */
  readonly editor: EditorChoice;
  /** A port the user asked for; undefined picks a free one. */
  readonly port: number | undefined;
}

export type ParsedStartArgs =
  | { readonly kind: 'start'; readonly options: StartOptions }
  | { readonly kind: 'help' }
  | { readonly kind: 'error'; readonly message: string };

export const START_USAGE = `Usage: npm start [-- [options] [folder]]

Builds Layerwise and opens it in a real VS Code on the folder (default: examples/).
VS Code desktop is used when \`code\` is on PATH; otherwise code-server runs in the
background on 127.0.0.1 and the URL to open is printed. Ctrl+C stops it.

Options:
  --code-server   use code-server even when \`code\` is on PATH
  --port <n>      the port for code-server (default: the first free one from 8730)
  -h, --help      show this help`;

/**
 * @param argv the arguments after `npm start --`
 * @param cwd the folder relative paths are resolved against (npm runs scripts in the package
 *   root, so pass INIT_CWD: where the user typed the command)
 * @param defaultFolder the folder to open when none is given
 */
export function parseStartArgs(argv: readonly string[], cwd: string, defaultFolder: string): ParsedStartArgs {
  let editor: EditorChoice = 'auto';
  let port: number | undefined;
  const folders: string[] = [];
  let onlyPositionals = false;
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]!;
    if (onlyPositionals || !arg.startsWith('-') || arg === '-') {
      folders.push(arg);
      continue;
    }
    if (arg === '--') {
      onlyPositionals = true;
    } else if (arg === '-h' || arg === '--help') {
      return { kind: 'help' };
    } else if (arg === '--code-server') {
      editor = 'code-server';
    } else if (arg === '--port' || arg.startsWith('--port=')) {
      const value = arg === '--port' ? argv[++i] : arg.slice('--port='.length);
      if (value === undefined) return { kind: 'error', message: '--port needs a number, for example --port 8730.' };
      const parsed = parsePort(value);
      if (parsed === undefined)
        return { kind: 'error', message: `--port ${value}: a port is a whole number from 1 to 65535.` };
      port = parsed;
    } else {
      return { kind: 'error', message: `Unknown option ${arg}. Run npm start -- --help for the options.` };
    }
  }
  if (folders.length > 1) {
    return { kind: 'error', message: `Give one folder to open, not ${folders.length}: ${folders.join(' ')}` };
  }
  const folder =
    folders[0] === undefined ? defaultFolder : isAbsolute(folders[0]) ? folders[0] : resolve(cwd, folders[0]);
  return { kind: 'start', options: { folder: resolve(folder), editor, port } };
}

function parsePort(text: string): number | undefined {
  if (!/^\d{1,5}$/.test(text)) return undefined;
  const port = Number(text);
  return port >= 1 && port <= 65535 ? port : undefined;
}
