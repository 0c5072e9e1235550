// The lossless Dockerfile syntax tree. Positions follow LSP conventions (0-based lines,
// UTF-16 code units) but the types are our own: the parser imports nothing from LSP.

export interface Position {
  line: number;
  character: number;
}

export interface Range {
  start: Position;
  end: Position;
}

/** A piece of source text: `raw` as written (continuations removed), `value` after quote and escape removal. */
export interface Word {
  raw: string;
  value: string;
  range: Range;
}

export type DirectiveName = 'syntax' | 'escape' | 'check';

export interface Directive {
  kind: 'directive';
  name: DirectiveName;
  /** The name as written (directive names are case-insensitive). */
  rawName: string;
  value: string;
  range: Range;
  nameRange: Range;
  valueRange: Range;
}

export interface Comment {
  kind: 'comment';
  /** The whole line after leading whitespace, including `#`. */
  text: string;
  range: Range;
}

/** Lines inside a continued instruction that are not part of its text. */
export interface Trivia {
  kind: 'comment' | 'empty' | 'continuation';
  range: Range;
  text: string;
}

export interface Flag {
  /** Flag name without the leading `--`. */
  name: string;
  nameRange: Range;
  /** Value after `=`, quotes removed; undefined for `--name` without `=`. */
  value: string | undefined;
  valueRange: Range | undefined;
  raw: string;
  range: Range;
  /** `RUN --mount=...`: the value read into its fields; undefined for other flags and `--mount` without `=`. */
  mount?: MountValue | undefined;
}

/** One `key=value` (or bare `key`) field of a `--mount` value. */
export interface MountField {
  /** The field with CSV quotes removed, as the builder's messages quote it. */
  text: string;
  /** Lower-cased, as the builder compares keys. */
  key: string;
  /** After the first `=`, quotes removed; undefined for a bare key (`ro`, `required`). */
  value: string | undefined;
  /** The field as written (quotes included); may span continuation lines. */
  range: Range;
  keyRange: Range;
  valueRange: Range | undefined;
}

export type MountSyntaxError =
  /** `--mount=` with nothing after it. */
  | 'empty'
  /** A `"` inside a field that does not start with one. */
  | 'bare-quote'
  /** A quoted field that is not closed, or text after its closing quote. */
  | 'unterminated-quote';

/** A `--mount` value read the way BuildKit reads it (CSV fields; later fields win). */
export interface MountValue {
  fields: MountField[];
  /** Set when the CSV cannot be read; `fields` then holds the fields before the error. */
  error: MountSyntaxError | undefined;
  /** The last `type=` value, lower-cased; `bind` when none is given. */
  type: string;
  /** The option the builder keeps for each key: the last field with a value (aliases included). */
  from: MountField | undefined;
  /** `source=` or `src=`. */
  source: MountField | undefined;
  /** `target=`, `dst=` or `destination=`. */
  target: MountField | undefined;
  id: MountField | undefined;
}

export interface VariableReference {
  name: string;
  /** `$NAME` or `${...}` including the braces. */
  range: Range;
  nameRange: Range;
  braced: boolean;
  /** One of `:-`, `-`, `:+`, `+`, `:?`, `?`, `#`, `##`, `%`, `%%`, `/`, `//` when present. */
  modifier: string | undefined;
  /** The word after the modifier, as written. */
  modifierWord: string | undefined;
  /** Set when the `${...}` form is malformed (no closing brace, invalid modifier, bad name). */
  malformed: string | undefined;
  /** Inside a heredoc body rather than the instruction line. */
  inHeredoc: boolean;
}

export interface Heredoc {
  /** The delimiter word after `<<` / `<<-`, unquoted. */
  name: string;
  /** Range of the `<<EOF` word on the instruction line. */
  range: Range;
  nameRange: Range;
  /** `<<-`: leading tabs are stripped from body and terminator lines. */
  chomp: boolean;
  /** False when the delimiter was quoted: no variable expansion in the body. */
  expand: boolean;
  /** Body text, one `\n` after each line (tabs stripped when chomp). */
  content: string;
  /** Leading tabs removed from each body line (all zero unless chomp), to map content back to columns. */
  strippedTabs: number[];
  /** Lines of the body (may be empty when the body has no lines). */
  bodyRange: Range | undefined;
  terminatorRange: Range | undefined;
  terminated: boolean;
}

interface JsonString {
  value: string;
  range: Range;
}

/** A `[ "a", "b" ]` exec-form argument list. */
interface ExecForm {
  strings: JsonString[];
  range: Range;
}

export interface KeyValue {
  key: Word;
  /** Undefined for `ARG name` without a default. */
  value: Word | undefined;
  /** Whether written with `=` (false for the legacy `ENV key value` form and bare ARG names). */
  equals: boolean;
  range: Range;
}

export interface Port {
  /** Port or range as written, before variable expansion: `80`, `8000-8010`. */
  port: Word;
  /** Protocol after `/`, as written: `tcp`, `UDP`, ... */
  protocol: string | undefined;
  raw: Word;
}

export type ProblemCode =
  | 'unterminated-heredoc'
  | 'unterminated-quote'
  | 'missing-arguments'
  | 'unknown-instruction'
  | 'invalid-escape'
  | 'duplicate-directive'
  | 'invalid-from'
  | 'invalid-env'
  | 'invalid-json'
  | 'bad-substitution'
  | 'nesting-too-deep'
  | 'onbuild-trigger';

/** Text in both languages; the service layer picks one by the user's language setting. */
export interface LocalizedText {
  en: string;
  ko: string;
}

export interface SyntaxProblem {
  code: ProblemCode;
  message: LocalizedText;
  range: Range;
}

export interface Instruction {
  kind: 'instruction';
  /** Upper-cased keyword. */
  keyword: string;
  keywordRaw: string;
  keywordRange: Range;
  /** From the keyword to the end of the last line, heredoc bodies included. */
  range: Range;
  /** Text after the keyword with continuations removed (what BuildKit parses). */
  argsText: string;
  /** Range of the arguments (after keyword), undefined when there are none. */
  argsRange: Range | undefined;
  flags: Flag[];
  /** Arguments after the flags, split the way BuildKit splits this instruction. */
  args: Word[];
  /** Text after the flags: the shell command of RUN/CMD/ENTRYPOINT in shell form. */
  rest: Word | undefined;
  /** Set when the arguments are a valid JSON array of strings (exec form). */
  exec: ExecForm | undefined;
  heredocs: Heredoc[];
  trivia: Trivia[];
  variables: VariableReference[];
  problems: SyntaxProblem[];
  // Per-instruction structure; set only for the keywords noted.
  /** FROM: image reference. */
  image?: Word;
  /** FROM: the `AS` word. */
  asKeyword?: Word;
  /** FROM: stage name after AS. */
  stageName?: Word;
  /** ARG, ENV, LABEL: the pairs. */
  pairs?: KeyValue[];
  /** EXPOSE: the ports. */
  ports?: Port[];
  /** COPY, ADD: sources and destination (exec or shell form). */
  sources?: Word[];
  destination?: Word;
  /** HEALTHCHECK: `CMD` or `NONE` word. */
  healthcheckMode?: Word;
  /** ONBUILD: the trigger instruction. */
  trigger?: Instruction;
}

export type TopLevel = Directive | Comment | Instruction;

export interface Dockerfile {
  escapeChar: '\\' | '`';
  directives: Directive[];
  /** Directives, comments and instructions in source order (blank lines are implied). */
  items: TopLevel[];
  instructions: Instruction[];
  /** Problems not tied to one instruction (directives). */
  problems: SyntaxProblem[];
  lineCount: number;
}
