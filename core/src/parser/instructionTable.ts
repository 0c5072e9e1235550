// What Layerwise knows about each Dockerfile instruction and its flags, in one table: the parser,
// the flag rules, completion, hover, the formatter and the grammar generator all read it.
// Facts follow BuildKit's instruction parser (frontend/dockerfile/instructions) and the
// Dockerfile reference's "Minimum Dockerfile version" tables.

export type Keyword =
  | 'ADD'
  | 'ARG'
  | 'CMD'
  | 'COPY'
  | 'ENTRYPOINT'
  | 'ENV'
  | 'EXPOSE'
  | 'FROM'
  | 'HEALTHCHECK'
  | 'LABEL'
  | 'MAINTAINER'
  | 'ONBUILD'
  | 'RUN'
  | 'SHELL'
  | 'STOPSIGNAL'
  | 'USER'
  | 'VOLUME'
  | 'WORKDIR';

/**
 * How the builder reads a flag's value. Every kind but `bool` needs `--name=value`; `bool` is
 * `--name` or `--name=true|false`.
 */
type FlagValueKind =
  /** Any text. */
  | 'string'
  /** A switch. */
  | 'bool'
  /** One of the flag's `choices`. */
  | 'choice'
  /** A Go duration such as `30s` or `1m30s`. */
  | 'duration'
  /** A whole number. */
  | 'count'
  /** `os/arch[/variant]`. */
  | 'platform'
  /** A stage name or index, or an image (`COPY --from`). */
  | 'stage-or-image'
  /** An octal or chmod(1) symbolic file mode. */
  | 'file-mode'
  /** A digest of what ADD fetches. */
  | 'checksum'
  /** `RUN --mount`: CSV `key=value` fields, read into `Flag.mount` by the parser. */
  | 'mount';

export interface FlagSpec {
  /** Without the leading `--`. */
  readonly name: string;
  readonly value: FlagValueKind;
  /** Whether the flag may be given more than once (BuildKit's `AddStrings`): each value counts, in order. */
  readonly repeatable: boolean;
  /** The values the builder accepts, for `choice`. */
  readonly choices?: readonly string[];
  /** The oldest `# syntax=docker/dockerfile:<version>` that has the flag, when the reference names one. */
  readonly since?: string;
  /** Only in the `docker/dockerfile:<version>-labs` syntax so far. */
  readonly labs?: boolean;
}

type PlainForm = 'shell' | 'words' | 'rejected';

export interface InstructionSpec {
  readonly keyword: Keyword;
  /**
   * The flags the instruction accepts, in the order of Docker's reference (the formatter sorts
   * flags into this order).
   */
  readonly flags: readonly FlagSpec[];
  /** The arguments may be a JSON array of strings (exec form). */
  readonly json: boolean;
  /**
   * What arguments written without a JSON array are: a `shell` command line (shell form; for
   * HEALTHCHECK, the command after CMD), plain `words`, or `rejected` by BuildKit (SHELL).
   */
  readonly plainForm: PlainForm;
  /** BuildKit rejects the instruction without arguments. */
  readonly needsArguments: boolean;
  /** May follow ONBUILD (BuildKit rejects ONBUILD ONBUILD, ONBUILD FROM and ONBUILD MAINTAINER). */
  readonly trigger: boolean;
  /** May take heredocs (`<<EOF`) as arguments. */
  readonly heredocs: boolean;
  /** Deprecated by Docker. */
  readonly deprecated: boolean;
}

const flag = (
  name: string,
  value: FlagValueKind,
  more: { repeatable?: boolean; choices?: readonly string[]; since?: string; labs?: boolean } = {},
): FlagSpec => ({ name, value, repeatable: more.repeatable ?? false, ...more });

type Facts = Partial<Omit<InstructionSpec, 'keyword'>>;

const instruction = (keyword: Keyword, facts: Facts = {}): InstructionSpec => ({
  keyword,
  flags: facts.flags ?? [],
  json: facts.json ?? false,
  plainForm: facts.plainForm ?? 'words',
  needsArguments: facts.needsArguments ?? true,
  trigger: facts.trigger ?? true,
  heredocs: facts.heredocs ?? false,
  deprecated: facts.deprecated ?? false,
});

const CHOWN = flag('chown', 'string');
const CHMOD = flag('chmod', 'file-mode', { since: '1.2' });
const LINK = flag('link', 'bool', { since: '1.4' });
const EXCLUDE = flag('exclude', 'string', { repeatable: true, since: '1.19' });

/** Every instruction, in alphabetical order. */
export const INSTRUCTIONS: readonly InstructionSpec[] = [
  instruction('ADD', {
    flags: [
      flag('keep-git-dir', 'bool', { since: '1.1' }),
      flag('checksum', 'checksum', { since: '1.6' }),
      CHOWN,
      CHMOD,
      LINK,
      EXCLUDE,
      flag('unpack', 'bool', { since: '1.17' }),
    ],
    json: true,
    heredocs: true,
  }),
  // BuildKit splits flags off every line but its ARG parser (parseArg) never calls flags.Parse, so
  // `ARG --required NAME` builds and the flag does nothing. It stays accepted (the build does not
  // fail); its doc page says it has no effect.
  instruction('ARG', { flags: [flag('required', 'bool')] }),
  instruction('CMD', { json: true, plainForm: 'shell', needsArguments: false }),
  instruction('COPY', {
    flags: [flag('from', 'stage-or-image'), CHOWN, CHMOD, LINK, flag('parents', 'bool', { since: '1.20' }), EXCLUDE],
    json: true,
    heredocs: true,
  }),
  instruction('ENTRYPOINT', { json: true, plainForm: 'shell', needsArguments: false }),
  instruction('ENV'),
  instruction('EXPOSE'),
  instruction('FROM', { flags: [flag('platform', 'platform')], trigger: false }),
  instruction('HEALTHCHECK', {
    flags: [
      flag('interval', 'duration'),
      flag('timeout', 'duration'),
      flag('start-period', 'duration'),
      flag('start-interval', 'duration'),
      flag('retries', 'count'),
    ],
    plainForm: 'shell',
  }),
  instruction('LABEL'),
  instruction('MAINTAINER', { trigger: false, deprecated: true }),
  instruction('ONBUILD', { trigger: false }),
  instruction('RUN', {
    flags: [
      flag('mount', 'mount', { repeatable: true, since: '1.2' }),
      flag('network', 'choice', { choices: ['default', 'none', 'host'], since: '1.3' }),
      flag('security', 'choice', { choices: ['sandbox', 'insecure'], since: '1.20' }),
      flag('device', 'string', { repeatable: true, since: '1.14', labs: true }),
    ],
    json: true,
    plainForm: 'shell',
    heredocs: true,
  }),
  instruction('SHELL', { json: true, plainForm: 'rejected' }),
  instruction('STOPSIGNAL'),
  instruction('USER'),
  instruction('VOLUME', { json: true }),
  instruction('WORKDIR'),
];

const BY_KEYWORD: ReadonlyMap<string, InstructionSpec> = new Map(INSTRUCTIONS.map((spec) => [spec.keyword, spec]));

/** The 18 instruction keywords, in alphabetical order. */
export const INSTRUCTION_KEYWORDS: readonly Keyword[] = INSTRUCTIONS.map((spec) => spec.keyword);

/** The instruction's facts; `keyword` is upper case, as on `Instruction.keyword`. */
export function instructionSpec(keyword: string): InstructionSpec | undefined {
  return BY_KEYWORD.get(keyword);
}

export function isKeyword(keyword: string): keyword is Keyword {
  return BY_KEYWORD.has(keyword);
}

const NO_FLAGS: readonly FlagSpec[] = [];

/** The flags `keyword` accepts (none for most instructions and for unknown keywords). */
export function flagsOf(keyword: string): readonly FlagSpec[] {
  return BY_KEYWORD.get(keyword)?.flags ?? NO_FLAGS;
}

/** One flag of `keyword` by name (names are case-sensitive, as BuildKit reads them). */
export function flagOf(keyword: string, name: string): FlagSpec | undefined {
  return flagsOf(keyword).find((spec) => spec.name === name);
}

/** HEALTHCHECK NONE takes no options: the builder does not read its flags. */
export function flagsAreRead(keyword: string, healthcheckMode: string | undefined): boolean {
  return !(keyword === 'HEALTHCHECK' && healthcheckMode?.toUpperCase() === 'NONE');
}
