// A finding's stable identity across edits that move it: its rule code, its file and the text of
// the instruction it is on (blanks collapsed), hashed, plus which occurrence of that key it is.
// Baselines match findings by it, and SARIF results carry it as their partial fingerprint.
import { createHash } from 'node:crypto';
import type { Dockerfile } from '../../core/src/parser';
import { instructionAtLine } from '../../core/src/engine/instructionAt';

/** The SARIF partialFingerprints key; a new version of the key gets a new name. */
export const FINGERPRINT_NAME = 'layerwise/v1';

/**
 * The fingerprint of each finding (0-based start lines, in report order): findings with the same
 * code on the same instruction text are told apart by their order in the file.
 */
export function fingerprints(
  findings: readonly { code: string; startLine: number }[],
  path: string,
  tree: Dockerfile,
  lines: readonly string[],
): string[] {
  const seen = new Map<string, number>();
  // Many findings on one long instruction read and hash its text once (the key hashes that hash).
  const texts = new Map<number, string>();
  const textAt = (line: number): string => {
    const instruction = instructionAtLine(tree, line);
    const first = instruction?.range.start.line ?? line;
    let text = texts.get(first);
    if (text === undefined) {
      text = createHash('sha256')
        .update(normalizedText(first, instruction?.range.end.line ?? line, lines))
        .digest('hex');
      texts.set(first, text);
    }
    return text;
  };
  return findings.map((finding) => {
    const key = hash(finding.code, path, textAt(finding.startLine));
    const occurrence = seen.get(key) ?? 0;
    seen.set(key, occurrence + 1);
    return `${key}:${occurrence}`;
  });
}

/** Lines `from` to `to` (an instruction's, or one line outside instructions), every run of blanks one space. */
function normalizedText(from: number, to: number, lines: readonly string[]): string {
  const words: string[] = [];
  for (let i = from; i <= to && i < lines.length; i++)
    for (const word of lines[i]!.split(/[ \t]+/)) if (word) words.push(word);
  return words.join(' ');
}

function hash(code: string, path: string, text: string): string {
  return createHash('sha256')
    .update(code)
    .update('\0')
    .update(path)
    .update('\0')
    .update(text)
    .digest('hex')
    .slice(0, 32);
}
