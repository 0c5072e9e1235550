// `# check=...` as BuildKit reads it: `skip=Rule1,Rule2` or `skip=all`, `error=true`, and
// `experimental=Rule|all`, joined by `;`. As a parser directive it applies to the whole file;
// in the comment block right above an instruction, its skip list applies to that instruction only.
import type { Comment, Dockerfile, Instruction } from '../parser';

export interface CheckOptions {
  skipAll: boolean;
  skip: ReadonlySet<string>;
  /** Build-check warnings become errors. */
  error: boolean;
  experimentalAll: boolean;
  experimental: ReadonlySet<string>;
}

const NO_CHECK_OPTIONS: CheckOptions = {
  skipAll: false,
  skip: new Set(),
  error: false,
  experimentalAll: false,
  experimental: new Set(),
};

const TRUE = /^(1|t|T|TRUE|true|True)$/;
const BOOLEAN = /^(1|t|T|TRUE|true|True|0|f|F|FALSE|false|False)$/;
const CHECK_COMMENT = /^#\s*check\s*=(.*)$/i;

/** A `# check=...` comment (above an instruction it applies to that instruction). */
export const isCheckComment = (text: string): boolean => CHECK_COMMENT.test(text);

export type CheckParse = { options: CheckOptions; problem?: undefined } | { options?: undefined; problem: string };

/**
 * The options, or the reason the builder would reject the value. Like BuildKit, the value ends at
 * its first space (`# check=skip=Rule because ...` skips Rule), is split at most into three `;`
 * parts, and a later `skip=` or `experimental=` list replaces an earlier one.
 */
export function parseCheckOptions(value: string): CheckParse {
  const trimmed = value.trim().split(' ')[0]!.trim();
  if (trimmed === '') return { options: NO_CHECK_OPTIONS };
  let skipAll = false;
  let error = false;
  let experimentalAll = false;
  let skip: string[] = [];
  let experimental: string[] = [];
  for (const part of splitAtMost(trimmed, ';', 3)) {
    const equals = part.indexOf('=');
    if (equals < 0) return { problem: `"${part.trim()}" is not of the form key=value` };
    const key = part.slice(0, equals).trim();
    const optionValue = part.slice(equals + 1).trim();
    const names = optionValue
      .split(',')
      .map((name) => name.trim())
      .filter((name) => name !== '');
    if (key === 'skip') {
      if (optionValue === 'all') skipAll = true;
      else skip = names;
    } else if (key === 'error') {
      if (!BOOLEAN.test(optionValue)) return { problem: `error= takes true or false, not "${optionValue}"` };
      error = TRUE.test(optionValue);
    } else if (key === 'experimental') {
      if (optionValue === 'all') experimentalAll = true;
      else experimental = names;
    } else return { problem: `unknown option "${key}" (use skip, error or experimental)` };
  }
  return { options: { skipAll, skip: new Set(skip), error, experimentalAll, experimental: new Set(experimental) } };
}

/** Go's strings.SplitN: at most `limit` parts, the last one keeping any further separators. */
function splitAtMost(text: string, separator: string, limit: number): string[] {
  const parts: string[] = [];
  let rest = text;
  while (parts.length < limit - 1) {
    const at = rest.indexOf(separator);
    if (at < 0) break;
    parts.push(rest.slice(0, at));
    rest = rest.slice(at + separator.length);
  }
  parts.push(rest);
  return parts;
}

export function fileCheckOptions(tree: Dockerfile): CheckOptions {
  const directive = tree.directives.find((d) => d.name === 'check');
  if (!directive) return NO_CHECK_OPTIONS;
  return parseCheckOptions(directive.value).options ?? NO_CHECK_OPTIONS;
}

/**
 * The `# check=` comment that applies to each instruction (in one linear pass). BuildKit reads the
 * comment lines right above an instruction, cut short by an empty `#`, and uses the first `check`
 * comment among them (so a note may follow it). A blank line also detaches the block here.
 */
export function checkCommentsAbove(
  tree: Dockerfile,
): Map<Instruction, { comment: Comment; options: CheckOptions | undefined }> {
  const found = new Map<Instruction, { comment: Comment; options: CheckOptions | undefined }>();
  let checkComment: { comment: Comment; value: string } | undefined;
  let previous: Comment | undefined;
  for (const item of tree.items) {
    const adjacent = previous !== undefined && previous.range.end.line === item.range.start.line - 1;
    if (item.kind === 'instruction') {
      if (adjacent && checkComment) {
        found.set(item, { comment: checkComment.comment, options: parseCheckOptions(checkComment.value).options });
      }
      checkComment = undefined;
      previous = undefined;
      continue;
    }
    if (item.kind !== 'comment' || !adjacent || /^\s*#\s*$/.test(item.text)) checkComment = undefined;
    if (item.kind === 'comment' && !checkComment) {
      const match = CHECK_COMMENT.exec(item.text);
      if (match && match[1]!.trim() !== '') checkComment = { comment: item, value: match[1]! };
    }
    previous = item.kind === 'comment' ? item : undefined;
  }
  return found;
}
