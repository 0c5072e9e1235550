// The small interface every check implements: one rule per file, with a stable code.
import type { Dockerfile, Instruction, LocalizedText, Range } from '../parser';
import type { BuildContext } from '../context/buildContext';
import type { DockerfileModel, FileFacts, Stage } from '../model';
import type { CatalogTemplates } from './messages';

export type Severity = 'error' | 'warning' | 'info' | 'hint';

/** Text in both languages; the service picks one by the user's setting (one type, from the parser). */
export type { LocalizedText } from '../parser';

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
  /** Places in other files the finding is about (LSP relatedInformation), by absolute path. */
  related?: RelatedPlace[];
}

interface RelatedPlace {
  /** An absolute path; left out for a place in the Dockerfile itself. */
  path?: string;
  range: Range;
  message: LocalizedText;
}

export interface RuleContext {
  tree: Dockerfile;
  /** The semantic model of this version (stages, scopes, what is in effect where). */
  model: DockerfileModel;
  stages: readonly Stage[];
  facts: FileFacts;
  lines: readonly string[];
  /** The files around the Dockerfile, when it is on disk; undefined for untitled documents. */
  buildContext: BuildContext | undefined;
  /**
   * `summarise` applied to each stage, kept with the stage's record while it is the same: file-wide
   * rules add up per-stage summaries instead of walking every instruction on each edit. A summary
   * must not hold positions (they would go stale); pass the same function each time.
   */
  stageSummaries<T>(summarise: (stage: Stage) => T): T[];
  /** The user's settings that rules read (only document rules: they run again after every change). */
  settings: RuleSettings;
}

/** The value types a label schema gives a label (hadolint's label-schema types). */
export type LabelType = 'text' | 'url' | 'email' | 'semver' | 'hash' | 'rfc3339' | 'spdx';

/** The settings rules read, from `layerwise.diagnostics.*`. */
export interface RuleSettings {
  /** Registry hosts base images may come from (`*` matches any characters); empty: any. */
  allowedRegistries: readonly string[];
  /** Labels the image must carry, with their value types; empty: labels are not checked. */
  labelSchema: Readonly<Record<string, LabelType>>;
  /** Labels missing from a non-empty schema are reported too. */
  strictLabels: boolean;
}

/** What kind of problem a rule finds; the CLI and docs group rules by it. */
export type RuleCategory =
  /** `docker build` rejects the file. */
  | 'builder'
  /** One of BuildKit's build checks (`docker build --check`). */
  | 'buildkit'
  /** The build cache is reused less than it could be. */
  | 'cache'
  /** The image works, but is bigger, slower or harder to maintain than it needs to be. */
  | 'best-practice'
  /** The image or its build leaks or trusts what it should not. */
  | 'security';

/** A check in another tool that finds the same thing, so users can match their configurations. */
export interface Equivalent {
  tool: 'buildkit' | 'hadolint' | 'droast' | 'shellcheck';
  /** The other tool's id: BuildKit's rule name, `DL3008`, `SC2086`, ... */
  id: string;
  /** How it differs, when it does. */
  note?: string;
}

/** A Dockerfile for a rule's examples, with what it needs around it. */
export interface RuleExample {
  dockerfile: string;
  /** Where the rule's first finding lies, as `line:character-line:character` (0-based). */
  range?: string;
  /** Files of the build context next to the Dockerfile, by relative path (`dir/` makes a folder). */
  context?: Readonly<Record<string, string>>;
  /** The settings the example is checked with (rules that read settings do nothing without them). */
  settings?: Partial<RuleSettings>;
}

/**
 * Dockerfiles a rule must flag (`invalid`) and must leave alone (`valid`), as text or with a
 * build context; one harness runs them all.
 */
interface RuleExamples {
  invalid: readonly (string | RuleExample)[];
  valid: readonly (string | RuleExample)[];
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
  category: RuleCategory;
  /** Every message the rule shows, keyed by id (see messages.ts). */
  messages: { readonly templates: CatalogTemplates };
  /** The same check in BuildKit, hadolint, droast or ShellCheck; empty when no other tool has it. */
  equivalents: readonly Equivalent[];
  examples: RuleExamples;
}

/**
 * Looks at one instruction alone. Its findings are cached per parsed instruction, so an edit
 * re-runs it only on the instructions the edit touched: `check` must depend on nothing else.
 */
export interface InstructionRule extends RuleBase {
  scope: 'instruction';
  check(instruction: Instruction, escapeChar: string): Finding[];
}

/**
 * Looks at one stage: a plain function of the stage and the model. What it needs from earlier
 * stages (the SHELL, WORKDIR or ENV in effect, ...) it reads from the stage's record
 * (`stage.before(instruction)`, `stage.inherited`, `stage.lookup(...)`). The engine keeps its
 * findings with the stage's record and reuses them while the record is the same object (moved by
 * a line delta when the stage only moved), so `check` must read nothing but the stage, what the
 * record inherits (its base's hand-down, `model.facts`) and the stage's own lines; its findings,
 * fixes and related places must lie inside the stage, and its texts must not name line numbers.
 */
export interface StageRule extends RuleBase {
  scope: 'stage';
  check(stage: Stage, model: DockerfileModel): Finding[];
}

/** Looks at the whole file (stage names, the first FROM, ...). Runs on every change: keep it cheap. */
export interface DocumentRule extends RuleBase {
  scope: 'document';
  check(context: RuleContext): Finding[];
}

export type Rule = InstructionRule | StageRule | DocumentRule;

/** A finding with the rule that made it. */
export interface RuleFinding {
  rule: Rule;
  finding: Finding;
}
