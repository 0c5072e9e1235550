// Runs the bundled command line (dist/cli.js) as a real process, and builds folders for it to check.
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';

export const CLI_PATH = resolve(__dirname, '../../dist/cli.js');

export interface CliRun {
  status: number | null;
  stdout: string;
  stderr: string;
}

export function runLayerwise(
  args: readonly string[],
  options: { cwd: string; stdin?: string; env?: Record<string, string> },
): CliRun {
  // Colour settings of the machine running the tests must not leak into the output.
  const env = { ...process.env };
  delete env.NO_COLOR;
  delete env.FORCE_COLOR;
  const result = spawnSync(process.execPath, [CLI_PATH, ...args], {
    cwd: options.cwd,
    input: options.stdin ?? '',
    env: { ...env, ...options.env },
    encoding: 'utf8',
    timeout: 30_000,
  });
  if (result.error) throw result.error;
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}

const made: string[] = [];

/** A fresh temporary folder holding `files` (relative path -> text); removed by `removeFolders`. */
export function makeFolder(files: Record<string, string>): string {
  const root = mkdtempSync(join(tmpdir(), 'layerwise-cli-'));
  made.push(root);
  for (const [path, text] of Object.entries(files)) {
    const full = join(root, path);
    mkdirSync(dirname(full), { recursive: true });
    writeFileSync(full, text);
  }
  return root;
}

export function removeFolders(): void {
  for (const root of made.splice(0)) rmSync(root, { recursive: true, force: true });
}
