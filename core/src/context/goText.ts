// Go standard-library string and path behaviour that .dockerignore handling depends on:
// strings.TrimSpace (Go's idea of white space differs from JavaScript's trim) and
// path/filepath.Clean for slash-separated paths (BuildKit runs it on Linux), and where
// path/filepath.Match's scanChunk ends a chunk of a pattern.

/** unicode.IsSpace: the Unicode White_Space property. Unlike String.prototype.trim, U+0085 is
 * space and U+FEFF is not. */
function isGoSpace(code: number): boolean {
  if (code <= 0xff) return code === 0x20 || (code >= 0x09 && code <= 0x0d) || code === 0x85 || code === 0xa0;
  return (
    code === 0x1680 ||
    (code >= 0x2000 && code <= 0x200a) ||
    code === 0x2028 ||
    code === 0x2029 ||
    code === 0x202f ||
    code === 0x205f ||
    code === 0x3000
  );
}

/** strings.TrimSpace. */
export function goTrimSpace(text: string): string {
  let start = 0;
  let end = text.length;
  while (start < end && isGoSpace(text.charCodeAt(start))) start++;
  while (end > start && isGoSpace(text.charCodeAt(end - 1))) end--;
  return start === 0 && end === text.length ? text : text.slice(start, end);
}

/**
 * filepath.Clean with `/` as the separator: repeated slashes collapse, `.` elements go, `..`
 * removes the element before it (at the root it is dropped, in a relative path it stays when
 * there is nothing to remove), a trailing slash goes; an empty result is `.`.
 */
export function goCleanPath(path: string): string {
  if (path === '') return '.';
  const rooted = path.charCodeAt(0) === 0x2f;
  const kept: string[] = [];
  for (const element of path.split('/')) {
    if (element === '' || element === '.') continue;
    if (element === '..') {
      if (kept.length > 0 && kept[kept.length - 1] !== '..') kept.pop();
      else if (!rooted) kept.push('..');
      continue;
    }
    kept.push(element);
  }
  const cleaned = (rooted ? '/' : '') + kept.join('/');
  return cleaned === '' ? '.' : cleaned;
}

/**
 * Where filepath.Match's scanChunk ends the chunk that starts at `start` (after its leading
 * stars): at the next `*` outside `[...]`, or at the end of the pattern. `\` hides the
 * character after it.
 */
export function goGlobChunkEnd(pattern: string, start: number): number {
  let end = start;
  let inRange = false;
  for (; end < pattern.length; end++) {
    const c = pattern[end];
    if (c === '\\') {
      if (end + 1 < pattern.length) end++;
    } else if (c === '[') inRange = true;
    else if (c === ']') inRange = false;
    else if (c === '*' && !inRange) break;
  }
  return end;
}
