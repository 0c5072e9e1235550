// .dockerignore with BuildKit's semantics, in time linear in the path for each pattern (no
// regular expression ever backtracks on user text).
//
// Reading the file: ./ignoreFile (BuildKit's ignorefile.ReadAll). Compiling and matching one
// pattern: ./ignorePattern (moby/patternmatcher). Applying the list to a path: as fsutil does
// while it walks the context to send it (patternmatcher's MatchesUsingParentResults, each
// folder handing its results down):
//   - patterns are tried in order and the last one that matches decides, a `!` exception
//     re-including; an exception is only tried once something has excluded the path and an
//     ordinary pattern only while nothing has;
//   - a pattern that matched a folder counts as matching everything below it, so `!src`
//     re-includes all of `src/` and `node_modules` excludes all of `node_modules/`;
//   - a pattern skipped for a folder (because of that ordering rule) is tried on the path below
//     it as a whole, not on the folder again.
// `matchesOrParentMatches` is the simpler rule BuildKit's CopyIgnoredFile check uses (every
// pattern tried on the path and each parent); without `!` lines the two agree.
import { goCleanPath } from './goText';
import { readIgnoreFile } from './ignoreFile';
import { CandidateIndex } from './patternIndex';
import {
  compileIgnorePattern,
  type CompiledPattern,
  type GlobSyntaxReason,
  type IgnorePatternKind,
  type LevelMatches,
  type PatternProblem,
} from './ignorePattern';

export interface IgnorePattern {
  /** The pattern as BuildKit keeps it (trimmed, cleaned, leading `/` gone), without its `!`. */
  text: string;
  exclusion: boolean;
  /** 0-based line in the .dockerignore file, as an editor counts lines. */
  line: number;
  /** How patternmatcher tests it. */
  kind: IgnorePatternKind;
  /** Set when the build fails on this pattern or Layerwise cannot evaluate it; it then matches nothing here. */
  problem?: PatternProblem;
}

/** Something in the file that makes `docker build` fail (error) or that Layerwise cannot evaluate (warning). */
export interface DockerIgnoreProblem {
  /** 0-based line, as an editor counts lines. */
  line: number;
  severity: 'error' | 'warning';
  code: 'line-too-long' | PatternProblem['kind'];
  message: { en: string; ko: string };
}

export class DockerIgnore {
  readonly problems: readonly DockerIgnoreProblem[];
  /** The patterns that take part in matching, and an index of what each needs a path to contain. */
  private readonly active: readonly CompiledPattern[];
  private readonly index: CandidateIndex;

  private constructor(
    readonly patterns: readonly IgnorePattern[],
    compiled: readonly CompiledPattern[],
    problems: DockerIgnoreProblem[],
  ) {
    this.active = compiled.filter((pattern) => pattern.problem === undefined);
    this.index = new CandidateIndex(this.active.map((pattern) => pattern.required()));
    this.problems = problems;
  }

  static parse(text: string): DockerIgnore {
    const file = readIgnoreFile(text);
    const patterns: IgnorePattern[] = [];
    const compiled: CompiledPattern[] = [];
    const problems: DockerIgnoreProblem[] = [];
    if (file.tooLongLine !== undefined) problems.push(lineTooLong(file.tooLongLine));
    for (const entry of file.entries) {
      const pattern = compileIgnorePattern(entry.pattern);
      if (!pattern) continue;
      compiled.push(pattern);
      patterns.push({
        text: pattern.text,
        exclusion: pattern.exclusion,
        line: entry.line,
        kind: pattern.kind,
        ...(pattern.problem ? { problem: pattern.problem } : {}),
      });
      if (pattern.problem) problems.push(describeProblem(pattern.problem, pattern.text, entry.line));
    }
    return new DockerIgnore(patterns, compiled, problems);
  }

  /** Whether `docker build` fails on this file (see `problems`). */
  get failsBuild(): boolean {
    return this.problems.some((problem) => problem.severity === 'error');
  }

  /** Whether a path relative to the context root (with `/`) is left out of the context. */
  isIgnored(relativePath: string): boolean {
    const path = normalizePath(relativePath);
    if (path === undefined) return false;
    const ends = levelEnds(path);
    // A pattern that matches no level of the path changes nothing below: only candidates count.
    const candidates = this.index.candidates(path);
    const count = candidates.length;
    const patterns = candidates.map((i) => this.active[i]!);
    const levels = new Array<LevelMatches | undefined>(count);
    // Which candidates matched the parent level, and which match this one.
    let parent = new Uint8Array(count);
    let current = new Uint8Array(count);
    let matched = false;
    for (let level = 0; level < ends.length; level++) {
      matched = false;
      for (let i = 0; i < count; i++) {
        const pattern = patterns[i]!;
        let match = level > 0 && parent[i] === 1;
        if (!match) {
          if (pattern.exclusion !== matched) {
            current[i] = 0;
            continue;
          }
          let found = levels[i];
          if (found === undefined) found = levels[i] = pattern.matchLevels(path, ends);
          match = found !== null && found[level] === 1;
        }
        current[i] = match ? 1 : 0;
        if (match) matched = !pattern.exclusion;
      }
      [parent, current] = [current, parent];
    }
    return matched;
  }

  /**
   * BuildKit's MatchesOrParentMatches: the last pattern that matches the path or one of its
   * parent folders decides (exceptions tried only once excluded). CopyIgnoredFile uses it.
   */
  matchesOrParentMatches(relativePath: string): boolean {
    const path = normalizePath(relativePath);
    if (path === undefined) return false;
    const ends = levelEnds(path);
    let matched = false;
    for (const i of this.index.candidates(path)) {
      const pattern = this.active[i]!;
      if (pattern.exclusion !== matched) continue;
      if (pattern.matchLevels(path, ends) !== null) matched = !pattern.exclusion;
    }
    return matched;
  }

  /** Whether any pattern matches this exact path or one of its parents (ignoring `!`). */
  mentions(relativePath: string): boolean {
    const path = normalizePath(relativePath);
    if (path === undefined) return false;
    const ends = levelEnds(path);
    return this.index
      .candidates(path)
      .some((i) => !this.active[i]!.exclusion && this.active[i]!.matchLevels(path, ends) !== null);
  }
}

/** A context-relative path cleaned as Go does, a leading `/` dropped; undefined for the root. */
function normalizePath(relativePath: string): string | undefined {
  let path = relativePath;
  // The walk hands over clean paths: only clean what needs it.
  if (
    path === '' ||
    path.startsWith('/') ||
    path.endsWith('/') ||
    path.includes('//') ||
    /(?:^|\/)\.\.?(?:\/|$)/.test(path)
  )
    path = goCleanPathForMatch(path);
  return path === '' || path === '.' ? undefined : path;
}

function goCleanPathForMatch(path: string): string {
  const cleaned = goCleanPath(path);
  return cleaned.startsWith('/') ? cleaned.slice(1) : cleaned;
}

/** The end of each `/`-prefix of a clean path: every `/` position, then the length. */
function levelEnds(path: string): number[] {
  const ends: number[] = [];
  for (let i = path.indexOf('/'); i >= 0; i = path.indexOf('/', i + 1)) ends.push(i);
  ends.push(path.length);
  return ends;
}

/** Like Go's filepath.Clean for slash paths, also dropping a leading `/` and `./`. */
export function cleanPath(path: string): string {
  const out: string[] = [];
  for (const part of path.replace(/\\/g, '/').split('/')) {
    if (part === '' || part === '.') continue;
    if (part === '..') {
      if (out.length > 0 && out[out.length - 1] !== '..') out.pop();
      continue;
    }
    out.push(part);
  }
  return out.join('/');
}

// --- Problems ------------------------------------------------------------------------------------

function lineTooLong(line: number): DockerIgnoreProblem {
  return {
    line,
    severity: 'error',
    code: 'line-too-long',
    message: {
      en:
        'This line is 64 KiB or longer: BuildKit cannot read the .dockerignore and the build fails ' +
        '("failed parsing .dockerignore: bufio.Scanner: token too long").',
      ko:
        '이 줄이 64 KiB 이상입니다. BuildKit이 .dockerignore를 읽지 못해 빌드가 실패합니다 ' +
        '("failed parsing .dockerignore: bufio.Scanner: token too long").',
    },
  };
}

const SYNTAX_REASONS: Record<GlobSyntaxReason, { en: string; ko: string }> = {
  'unclosed-class': { en: 'a `[` is never closed', ko: '`[`가 닫히지 않습니다' },
  'empty-class': { en: '`[]` holds no character', ko: '`[]` 안에 문자가 없습니다' },
  'range-without-end': { en: 'a range in `[...]` has no end', ko: '`[...]` 안의 범위에 끝이 없습니다' },
  'unescaped-dash': {
    en: 'a `-` in `[...]` that starts no range must be written `\\-`',
    ko: '`[...]` 안에서 범위를 시작하지 않는 `-`는 `\\-`로 써야 합니다',
  },
  'trailing-backslash': { en: 'it ends with a lone `\\`', ko: '끝에 홀로 있는 `\\`가 있습니다' },
};

function describeProblem(problem: PatternProblem, text: string, line: number): DockerIgnoreProblem {
  switch (problem.kind) {
    case 'empty-exception':
      return {
        line,
        severity: 'error',
        code: problem.kind,
        message: {
          en: '`!` with no pattern after it: the build fails with `illegal exclusion pattern: "!"`.',
          ko: '`!` 뒤에 패턴이 없습니다. 빌드가 `illegal exclusion pattern: "!"` 오류로 실패합니다.',
        },
      };
    case 'syntax': {
      const reason = SYNTAX_REASONS[problem.reason];
      return {
        line,
        severity: 'error',
        code: problem.kind,
        message: {
          en: `\`${text}\` is not a valid pattern (${reason.en}): the build fails with "syntax error in pattern".`,
          ko: `\`${text}\`는 올바른 패턴이 아닙니다 (${reason.ko}). 빌드가 "syntax error in pattern" 오류로 실패합니다.`,
        },
      };
    }
    case 'regexp':
      return {
        line,
        severity: 'error',
        code: problem.kind,
        message: {
          en:
            `BuildKit turns \`${text}\` into the Go regular expression \`${problem.expression}\`, ` +
            `which Go rejects (${problem.goError}): the build fails with "syntax error in pattern" ` +
            'as soon as a path is tested against this line.',
          ko:
            `BuildKit은 \`${text}\`를 Go 정규식 \`${problem.expression}\`로 바꾸는데 ` +
            `Go가 이를 거부합니다 (${problem.goError}). ` +
            '경로를 이 줄과 비교하는 순간 빌드가 "syntax error in pattern" 오류로 실패합니다.',
        },
      };
    case 'unsupported':
      return {
        line,
        severity: 'warning',
        code: problem.kind,
        message: {
          en:
            `BuildKit turns \`${text}\` into the Go regular expression \`${problem.expression}\`, ` +
            `which uses ${problem.what}; Layerwise cannot evaluate that and treats this line as matching nothing.`,
          ko:
            `BuildKit은 \`${text}\`를 Go 정규식 \`${problem.expression}\`로 바꾸는데 ` +
            `여기에 ${problem.what}이(가) 쓰였습니다. ` +
            'Layerwise는 이를 평가하지 못해 이 줄이 아무것과도 일치하지 않는 것으로 봅니다.',
        },
      };
  }
}
