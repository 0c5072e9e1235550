// One file of `layerwise check --fix`: its fixed text written back (or, with --dry-run, shown as a
// unified diff, the one `layerwise format --diff` prints), and what was fixed told on stderr.
import type { LocalizedText } from '../../../core/src/rules';
import { describeFileError } from '../../../core/src/engine/fileErrors';
import { unifiedDiff } from '../formatCommand';
import { MESSAGES } from '../messages';
import type { CliIo } from '../run';
import { type FixableFinding, fixText } from './applyFixes';
import { writeAtomically } from './writeAtomically';

export interface FixedFile {
  /** The text to report findings of: the fixed one when it was written, else the original. */
  text: string;
  changed: boolean;
  /** The fixed text could not be written. */
  failure?: LocalizedText;
}

export function fixFile(
  text: string,
  target: { path: string | undefined; shown: string },
  mode: 'write' | 'dry-run',
  check: (text: string) => readonly FixableFinding[],
  io: CliIo,
  say: (text: LocalizedText) => void,
): FixedFile {
  const result = fixText(text, check);
  if (result.skippedOtherFiles.size > 0)
    say(MESSAGES.otherFilesNotFixed(target.shown, [...result.skippedOtherFiles.keys()]));
  if (result.text === text) return { text, changed: false };
  if (mode === 'dry-run') {
    io.stdout(unifiedDiff(target.shown, text, result.text));
    say(MESSAGES.fixed(target.shown, result.fixed, true));
    return { text, changed: true };
  }
  try {
    writeAtomically(target.path!, result.text);
  } catch (error) {
    return { text, changed: false, failure: MESSAGES.cannotWrite(target.shown, describeFileError(error)) };
  }
  say(MESSAGES.fixed(target.shown, result.fixed, false));
  return { text: result.text, changed: true };
}
