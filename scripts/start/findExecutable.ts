// Finds a command on PATH the way a shell would.
import { accessSync, constants, statSync } from 'node:fs';
import { delimiter, join } from 'node:path';

export type IsExecutable = (path: string) => boolean;

function isExecutableFile(path: string): boolean {
  try {
    accessSync(path, constants.X_OK);
    return statSync(path).isFile();
  } catch {
    return false;
  }
}

/**
 * The first `name` on `pathVariable` that is executable, or undefined.
 * On Windows the PATHEXT extensions (e.g. `code.cmd`) are tried too.
 */
export function findExecutable(
  name: string,
  pathVariable: string | undefined,
  isExecutable: IsExecutable = isExecutableFile,
  extensions: readonly string[] = process.platform === 'win32'
    ? (process.env.PATHEXT ?? '.EXE;.CMD;.BAT').split(';')
    : [''],
  separator: string = delimiter,
): string | undefined {
  for (const dir of (pathVariable ?? '').split(separator)) {
    if (dir === '') continue;
    for (const extension of extensions) {
      const candidate = join(dir, name + extension);
      if (isExecutable(candidate)) return candidate;
    }
  }
  return undefined;
}
