// Replaces a file's text without a moment where it is half written: the new text goes to a
// temporary file in the same folder (same file system, so the rename is atomic), which takes the
// old file's mode and then replaces it. A symbolic link keeps pointing at the file it named.
import { chmodSync, realpathSync, renameSync, statSync, unlinkSync, writeFileSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';

export function writeAtomically(path: string, text: string): void {
  const target = realpathSync(path);
  const mode = statSync(target).mode & 0o7777;
  const temporary = join(dirname(target), `.${basename(target)}.layerwise-${process.pid}-${Date.now()}.tmp`);
  try {
    writeFileSync(temporary, text, { mode, flag: 'wx' });
    // The umask may have narrowed the mode the file was created with.
    chmodSync(temporary, mode);
    renameSync(temporary, target);
  } catch (error) {
    try {
      unlinkSync(temporary);
    } catch {
      // Never created, or already renamed.
    }
    throw error;
  }
}
