// Small scans over user text that would otherwise be written as regular expressions with a
// quantifier anchored at the end (`/\/+$/`) or a class run that may never close
// (`/\$\{[^}]*\}/g`). Tried from every position, those take quadratic time on a long run of
// the repeated character; these walk the text once.

/** `text` without the run of `char` at its end (`/\/+$/` -> `trimTrailing(text, '/')`). */
export function trimTrailing(text: string, char: string): string {
  let end = text.length;
  while (end > 0 && text[end - 1] === char) end--;
  return end === text.length ? text : text.slice(0, end);
}

/** The text up to its first line break (`text.split('\n')[0]` without splitting all of it). */
export function firstLine(text: string): string {
  const end = text.indexOf('\n');
  return end < 0 ? text : text.slice(0, end);
}

const isNameStart = (ch: string | undefined): boolean =>
  ch !== undefined && ((ch >= 'A' && ch <= 'Z') || (ch >= 'a' && ch <= 'z') || ch === '_');
const isNameChar = (ch: string | undefined): boolean => isNameStart(ch) || (ch !== undefined && ch >= '0' && ch <= '9');

/**
 * Replaces each `${...}` (up to the first `}`) and, with `bare`, each `$NAME`, by `replacement`:
 * `/\$\{[^}]*\}|\$[A-Za-z_][A-Za-z0-9_]*\/g` (or its first alternative alone) in one pass. A `${`
 * that never closes stays as written.
 */
export function replaceVariableReferences(text: string, replacement: string, bare: boolean): string {
  if (!text.includes('$')) return text;
  // Past this offset no `}` is left: an unclosed `${` is then known without searching again.
  const lastClose = text.lastIndexOf('}');
  let out = '';
  let copied = 0;
  for (let i = text.indexOf('$'); i >= 0 && i < text.length; i = text.indexOf('$', i)) {
    let end = -1;
    if (text[i + 1] === '{') {
      if (i + 2 <= lastClose) end = text.indexOf('}', i + 2) + 1;
    } else if (bare && isNameStart(text[i + 1])) {
      end = i + 2;
      while (isNameChar(text[end])) end++;
    }
    if (end <= 0) {
      i++;
      continue;
    }
    out += text.slice(copied, i) + replacement;
    copied = end;
    i = end;
  }
  return out + text.slice(copied);
}
