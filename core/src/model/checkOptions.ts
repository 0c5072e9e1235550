// `# check=...` as BuildKit reads it: `skip=Rule1,Rule2` or `skip=all`, `error=true`, and
// `experimental=Rule|all`, joined by `;`. As a parser directive it applies to the whole file;
// as a comment directly above an instruction, its skip list applies to that instruction only.
import type { Comment, Dockerfile, Instruction } from '../parser';

export interface CheckOptions {
  skipAll: boolean;
  skip: ReadonlySet<string>;
  /** Build-check warnings become errors. */
  error: boolean;
  experimentalAll: boolean;
  experimental: ReadonlySet<string>;
}

export const NO_CHECK_OPTIONS: CheckOptions = {
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

/** The options, or the reason the builder would reject the value. */
export function parseCheckOptions(value: string): CheckParse {
  const trimmed = value.trim();
  if (trimmed === '') return { options: NO_CHECK_OPTIONS };
  let skipAll = false;
  let error = false;
  let experimentalAll = false;
  const skip = new Set<string>();
  const experimental = new Set<string>();
  for (const part of trimmed.split(';')) {
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
      else for (const name of names) skip.add(name);
    } else if (key === 'error') {
      if (!BOOLEAN.test(optionValue)) return { problem: `error= takes true or false, not "${optionValue}"` };
      error = TRUE.test(optionValue);
    } else if (key === 'experimental') {
      if (optionValue === 'all') experimentalAll = true;
      else for (const name of names) experimental.add(name);
    } else return { problem: `unknown option "${key}" (use skip, error or experimental)` };
  }
  return { options: { skipAll, skip, error, experimentalAll, experimental } };
}

export function fileCheckOptions(tree: Dockerfile): CheckOptions {
  const directive = tree.directives.find((d) => d.name === 'check');
  if (!directive) return NO_CHECK_OPTIONS;
  return parseCheckOptions(directive.value).options ?? NO_CHECK_OPTIONS;
}

/** The `# check=` comment on the line directly above `instruction`, if any (in one linear pass). */
export function checkCommentsAbove(
  tree: Dockerfile,
): Map<Instruction, { comment: Comment; options: CheckOptions | undefined }> {
  const found = new Map<Instruction, { comment: Comment; options: CheckOptions | undefined }>();
  let previous: Comment | undefined;
  for (const item of tree.items) {
    if (item.kind === 'instruction' && previous && previous.range.end.line === item.range.start.line - 1) {
      const match = CHECK_COMMENT.exec(previous.text);
      if (match) {
        found.set(item, { comment: previous, options: parseCheckOptions(match[1]!).options });
      }
    }
    previous = item.kind === 'comment' ? item : undefined;
  }
  return found;
}
