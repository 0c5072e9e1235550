// What is in effect at a point of a stage, besides ARG and ENV values: the SHELL that RUN uses,
// the WORKDIR, the USER, package-manager settings, exposed ports. A stage starts from what the
// stage it builds on ends with; a stage built on an image starts from the image defaults.
import type { Instruction } from '../parser';
import type { VariableDefinition } from './definitions';
import type { ImageFacts } from './imageFacts';

export interface StageShell {
  /** A POSIX-like shell (sh, bash, ...); false for PowerShell or cmd, whose RUNs we do not read. */
  posix: boolean;
  /** Started with `-o pipefail`. */
  pipefail: boolean;
}

/** What RUN uses until a SHELL instruction says otherwise. */
const DEFAULT_SHELL: StageShell = { posix: true, pipefail: false };

/** How far apart the links that memoise a look-up passing them are (see EnvChain.find). */
const MEMO_STRIDE = 16;

/** The ENV a stage hands down: its own ENV over what its base stage handed down. */
export class EnvChain {
  private readonly memo = new Map<string, VariableDefinition | null>();
  /** Every name in effect at this link, made by `allEntries` when first asked. */
  private all: ReadonlyMap<string, VariableDefinition> | undefined;
  /** Links above this one. */
  private readonly depth: number;

  constructor(
    readonly parent: EnvChain | undefined,
    /** The stage's own ENV, last definition of each name. */
    readonly own: ReadonlyMap<string, VariableDefinition>,
  ) {
    this.depth = parent ? parent.depth + 1 : 0;
  }

  find(name: string): VariableDefinition | undefined {
    // Up the chain without recursion (a chain is as long as the file allows), memoising the answer
    // at the asking link and at every MEMO_STRIDE-th link passed: a later look-up from another
    // link walks at most MEMO_STRIDE links to a memo, so long `FROM <stage>` chains stay linear.
    // Memoising at every link passed kept stages x names entries on a chain of stages that each
    // ask their own names (3.5 MB of a 10,000-line file's 8 MB model).
    const passed: EnvChain[] = [];
    let found: VariableDefinition | null = null;
    for (let link: EnvChain | undefined = this; link; link = link.parent) {
      const own = link.own.get(name);
      if (own) {
        found = own;
        break;
      }
      const memo = link.memo.get(name);
      if (memo !== undefined) {
        found = memo;
        break;
      }
      if (link === this || link.depth % MEMO_STRIDE === 0) passed.push(link);
    }
    for (const link of passed) link.memo.set(name, found);
    return found ?? undefined;
  }

  /** Every ENV name and definition, from the first stage of the chain on (a later one wins). */
  entries(): Map<string, VariableDefinition> {
    return new Map(this.allEntries());
  }

  /**
   * What `entries` copies, made once for a link that is asked, from the nearest link above that
   * has it: hover and completion ask at stage after stage of long `FROM <stage>` chains. Only
   * asked links keep one, so memory stays in proportion to what is asked.
   */
  private allEntries(): ReadonlyMap<string, VariableDefinition> {
    if (this.all) return this.all;
    const chain: EnvChain[] = [];
    let link: EnvChain | undefined = this;
    for (; link && !link.all; link = link.parent) chain.push(link);
    const all = new Map(link?.all);
    for (const passed of chain.reverse()) for (const [name, definition] of passed.own) all.set(name, definition);
    this.all = all;
    return all;
  }

  /** Same parent and the same definition objects. */
  sameAs(other: EnvChain): boolean {
    if (other === this) return true;
    if (other.parent !== this.parent || other.own.size !== this.own.size) return false;
    for (const [name, definition] of this.own) if (other.own.get(name) !== definition) return false;
    return true;
  }
}

/** The WORKDIR in effect and the ones before it (a relative path builds on the one before), newest first. */
export interface WorkdirChain {
  instruction: Instruction;
  previous: WorkdirChain | undefined;
}

export interface StageState {
  /** The ENV in effect (at the end of a stage: what it hands down). */
  env: EnvChain;
  /** The SHELL that shell-form RUN uses. */
  shell: StageShell;
  /** A SHELL instruction was given (here or in a stage this one builds on), or the base image sets a Shell. */
  shellSet: boolean;
  /** The path of the last WORKDIR with one, as written; undefined when none was set. */
  workdir: string | undefined;
  /** Every WORKDIR with a path so far, the last one first. */
  workdirs: WorkdirChain | undefined;
  /** The last USER, as written; undefined when none was set. */
  user: string | undefined;
  /** The last USER with an argument. */
  userSetBy: Instruction | undefined;
  /** The last exec-form SHELL (the one RUN uses). */
  shellSetBy: Instruction | undefined;
  /** An ENTRYPOINT was set: a CMD becomes its arguments. */
  entrypoint: boolean;
  /** The last ENTRYPOINT. */
  entrypointSetBy: Instruction | undefined;
  /** The CMD in effect, when an instruction set it (else the base image's, unless `cmdReset`). */
  cmdSetBy: Instruction | undefined;
  /** An ENTRYPOINT reset the CMD it inherited and no CMD came after it: the image has no CMD. */
  cmdReset: boolean;
  /**
   * The config of the image the chain of stages starts from, when it is known (local engine or
   * recorded facts): its ENV is in `env`; its USER, WORKDIR, ENTRYPOINT, CMD and ports apply where
   * the Dockerfile sets none (the fields above say only what the Dockerfile set).
   */
  image: ImageFacts | undefined;
  /** A RUN or COPY wrote an APT::Install-Recommends setting (an apt.conf.d file). */
  aptInstallRecommendsConfigured: boolean;
  /** PIP_NO_CACHE_DIR was given a value by ENV or ARG. */
  pipNoCacheDir: boolean;
  /** The chain of stages starts from `scratch`: nothing comes from an image. */
  scratch: boolean;
  /** The EXPOSE arguments, as written, in order. */
  exposedPorts: readonly string[];
}

const EMPTY_ENV = new EnvChain(undefined, new Map());
const NO_PORTS: readonly string[] = [];

function imageState(scratch: boolean): StageState {
  return {
    env: EMPTY_ENV,
    shell: DEFAULT_SHELL,
    shellSet: false,
    workdir: undefined,
    workdirs: undefined,
    user: undefined,
    userSetBy: undefined,
    shellSetBy: undefined,
    entrypoint: false,
    entrypointSetBy: undefined,
    cmdSetBy: undefined,
    cmdReset: false,
    image: undefined,
    aptInstallRecommendsConfigured: false,
    pipNoCacheDir: false,
    scratch,
    exposedPorts: NO_PORTS,
  };
}

/** What a stage built on an image starts from (one object each, so stages compare them by identity). */
export const IMAGE_STATE: StageState = imageState(false);
export const SCRATCH_STATE: StageState = imageState(true);

const imageStates = new WeakMap<ImageFacts, StageState>();

/**
 * What a stage built on an image with known facts starts from: the image's ENV defined with its
 * values. One object per facts object, so a stage's key changes exactly when its image's facts do.
 */
export function imageFactsState(image: ImageFacts): StageState {
  let state = imageStates.get(image);
  if (!state) {
    const env = new Map<string, VariableDefinition>();
    for (const [name, value] of image.env) env.set(name, imageEnvDefinition(name, value, image));
    state = { ...IMAGE_STATE, env: new EnvChain(undefined, env), image };
    // BuildKit starts the stage's config from the image's, Shell included: shell forms run with it.
    if (image.shell && image.shell.length > 0) state = { ...state, shellSet: true, shell: shellOfWords(image.shell) };
    imageStates.set(image, state);
  }
  return state;
}

function imageEnvDefinition(name: string, value: string, image: ImageFacts): VariableDefinition {
  return {
    name,
    kind: 'env',
    instruction: undefined,
    pair: undefined,
    predefined: undefined,
    stage: undefined,
    value,
    redeclares: undefined,
    image,
  };
}

const shellOf = (instruction: Instruction): StageShell =>
  shellOfWords(instruction.exec?.strings.map((s) => s.value) ?? []);

function shellOfWords(strings: readonly string[]): StageShell {
  const program = strings[0] ?? '';
  const posix = /(^|[/\\])(sh|bash|dash|ash|ksh|mksh|zsh)(\.exe)?$/i.test(program);
  let pipefail = false;
  for (let i = 1; i < strings.length; i++) {
    if (/^[-+][a-zA-Z]*o$/.test(strings[i]!) && strings[i + 1] === 'pipefail') pipefail = strings[i]!.startsWith('-');
  }
  return { posix, pipefail };
}

/** An APT::Install-Recommends setting written by the instruction (an apt.conf.d file), not an option. */
function setsInstallRecommends(instruction: Instruction): boolean {
  const written = instruction.heredocs.map((heredoc) => heredoc.content).join('\n') + instruction.argsText;
  return /install-recommends/i.test(written.replace(/--(no-)?install-recommends/g, ''));
}

const PIP_NO_CACHE_DIR = 'PIP_NO_CACHE_DIR';

/**
 * The state after `instruction`: `state` itself when the instruction changes none of it (ENV aside).
 * `cmdInStage`: a CMD came earlier in the same stage (then an ENTRYPOINT keeps it).
 */
export function nextState(state: StageState, instruction: Instruction, cmdInStage: boolean): StageState {
  switch (instruction.keyword) {
    case 'SHELL':
      return instruction.exec
        ? { ...state, shellSet: true, shell: shellOf(instruction), shellSetBy: instruction }
        : { ...state, shellSet: true };
    case 'WORKDIR':
      return instruction.rest
        ? { ...state, workdir: instruction.rest.raw, workdirs: { instruction, previous: state.workdirs } }
        : state;
    case 'USER': {
      const user = instruction.args[0]?.value;
      return user === undefined ? state : { ...state, user, userSetBy: instruction };
    }
    case 'ENTRYPOINT':
      // Docker resets a CMD the stage inherited when it sets ENTRYPOINT (not one it set itself).
      return cmdInStage
        ? { ...state, entrypoint: true, entrypointSetBy: instruction }
        : { ...state, entrypoint: true, entrypointSetBy: instruction, cmdSetBy: undefined, cmdReset: true };
    case 'CMD':
      return { ...state, cmdSetBy: instruction, cmdReset: false };
    case 'EXPOSE':
      return instruction.args.length === 0
        ? state
        : { ...state, exposedPorts: [...state.exposedPorts, ...instruction.args.map((arg) => arg.value)] };
    case 'RUN':
    case 'COPY':
    case 'ADD':
      return !state.aptInstallRecommendsConfigured && setsInstallRecommends(instruction)
        ? { ...state, aptInstallRecommendsConfigured: true }
        : state;
    case 'ENV':
    case 'ARG':
      return !state.pipNoCacheDir &&
        instruction.pairs?.some((pair) => pair.key.value === PIP_NO_CACHE_DIR && pair.value !== undefined)
        ? { ...state, pipNoCacheDir: true }
        : state;
    default:
      return state;
  }
}

/** The same state, field by field (the ENV by its definitions), so an unchanged stage keeps its children. */
export function sameState(a: StageState, b: StageState): boolean {
  return (
    a === b ||
    (a.env.sameAs(b.env) &&
      a.shell.posix === b.shell.posix &&
      a.shell.pipefail === b.shell.pipefail &&
      a.shellSet === b.shellSet &&
      a.workdir === b.workdir &&
      sameWorkdirs(a.workdirs, b.workdirs) &&
      a.user === b.user &&
      a.userSetBy === b.userSetBy &&
      a.shellSetBy === b.shellSetBy &&
      a.entrypoint === b.entrypoint &&
      a.entrypointSetBy === b.entrypointSetBy &&
      a.cmdSetBy === b.cmdSetBy &&
      a.cmdReset === b.cmdReset &&
      a.image === b.image &&
      a.aptInstallRecommendsConfigured === b.aptInstallRecommendsConfigured &&
      a.pipNoCacheDir === b.pipNoCacheDir &&
      a.scratch === b.scratch &&
      a.exposedPorts.length === b.exposedPorts.length &&
      a.exposedPorts.every((port, i) => port === b.exposedPorts[i]))
  );
}

/** The same WORKDIR instructions (a new record makes new links for the same ones). */
function sameWorkdirs(a: WorkdirChain | undefined, b: WorkdirChain | undefined): boolean {
  for (; a && b; a = a.previous, b = b.previous) {
    if (a === b) return true;
    if (a.instruction !== b.instruction) return false;
  }
  return a === b;
}
