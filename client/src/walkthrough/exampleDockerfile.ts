// What the walkthrough's buttons do to the example Dockerfile's text: find the instruction a step
// talks about, and reorder the build stage for the cache. Pure.

/** The 0-based line of the first instruction that starts with `prefix` (e.g. `CMD`, `COPY . .`), comments skipped. */
export function instructionLine(text: string, prefix: string): number | undefined {
  const wanted = prefix.trim().toUpperCase();
  const lines = text.split(/\r?\n/);
  const index = lines.findIndex((line) => {
    const trimmed = line.trim();
    return (
      !trimmed.startsWith('#') && (trimmed.toUpperCase() === wanted || trimmed.toUpperCase().startsWith(`${wanted} `))
    );
  });
  return index === -1 ? undefined : index;
}

/** The whole-line edit that puts the manifest copy and the install before the source copy. */
export interface LineEdit {
  /** 0-based first line replaced, and the line after the last. */
  readonly startLine: number;
  readonly endLine: number;
  readonly newLines: readonly string[];
}

const SOURCE_COPY = 'COPY . .';
const INSTALL = 'RUN sh install-deps.sh';
const MANIFEST_COPY = 'COPY deps.txt install-deps.sh ./';

/**
 * The example's build stage reordered for the cache: `COPY . .` then `RUN sh install-deps.sh`
 * becomes `COPY deps.txt install-deps.sh ./`, `RUN sh install-deps.sh`, `COPY . .`, so a change
 * to the sources no longer reruns the install. Undefined when the file is not in that state
 * (already reordered, or edited otherwise).
 */
export function reorderForCache(text: string): LineEdit | undefined {
  const lines = text.split(/\r?\n/);
  const copy = lines.findIndex((line) => line.trim() === SOURCE_COPY);
  if (copy === -1 || lines[copy + 1]?.trim() !== INSTALL) return undefined;
  if (lines.some((line) => line.trim() === MANIFEST_COPY)) return undefined;
  const indent = /^\s*/.exec(lines[copy] ?? '')?.[0] ?? '';
  return {
    startLine: copy,
    endLine: copy + 2,
    newLines: [`${indent}${MANIFEST_COPY}`, `${indent}${INSTALL}`, `${indent}${SOURCE_COPY}`],
  };
}

/** `text` with `edit` applied (for tests and for checking what the button will do). */
export function applyLineEdit(text: string, edit: LineEdit): string {
  const newline = text.includes('\r\n') ? '\r\n' : '\n';
  const lines = text.split(/\r?\n/);
  return [...lines.slice(0, edit.startLine), ...edit.newLines, ...lines.slice(edit.endLine)].join(newline);
}
