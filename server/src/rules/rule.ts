// The small interface every check implements: one rule per file, with a stable code.
import type { DockerfileModel } from '../model';
import type { Dockerfile, Instruction, Range } from '../parser';
import type { BuildContext } from '../context/buildContext';

export type Severity = 'error' | 'warning' | 'info' | 'hint';

/** Text in both languages; the service picks one by the user's setting. */
export interface LocalizedText {
  en: string;
  ko: string;
}

export interface TextEdit {
  range: Range;
  newText: string;
}

/** A mechanical fix offered as a quick fix. */
export interface Fix {
  title: LocalizedText;
  edits: TextEdit[];
  /** A file to create or replace (e.g. .dockerignore), as an absolute path. */
  createFile?: { path: string; text: string };
  /** Edits to other files (e.g. lines appended to an existing .dockerignore), by absolute path. */
  fileEdits?: { path: string; edits: TextEdit[] }[];
}

export interface Finding {
  range: Range;
  message: LocalizedText;
  fixes?: Fix[];
  /** Lines of the Dockerfile the finding is about, for `# check=skip` above an instruction. */
  instruction?: Instruction;
}

export interface RuleContext {
  tree: Dockerfile;
  model: DockerfileModel;
  lines: readonly string[];
  /** The files around the Dockerfile, when it is on disk; undefined for untitled documents. */
  buildContext: BuildContext | undefined;
}

interface RuleBase {
  /** Stable code; BuildKit's rule name where BuildKit has the check. */
  code: string;
  severity: Severity;
  /** Off unless the user turns it on (BuildKit's experimental checks). */
  offByDefault?: boolean;
  /**
   * `builder-error`: `docker build` rejects the file (cannot be skipped with `# check=skip`).
   * `build-check`: one of BuildKit's build checks (`# check=error=true` makes it an error).
   */
  kind?: 'builder-error' | 'build-check';
  /** Documentation page for `codeDescription`. */
  docs: string;
  description: LocalizedText;
}

/**
 * Looks at one instruction alone. Its findings are cached per parsed instruction, so an edit
 * re-runs it only on the instructions the edit touched: `check` must depend on nothing else.
 */
export interface InstructionRule extends RuleBase {
  scope: 'instruction';
  check(instruction: Instruction, escapeChar: string): Finding[];
}

/** Looks at the whole file (stages, scopes, order). Runs on every change: keep it linear. */
export interface DocumentRule extends RuleBase {
  scope: 'document';
  check(context: RuleContext): Finding[];
}

export type Rule = InstructionRule | DocumentRule;
