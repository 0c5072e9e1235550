// What a container of the image runs and as whom, as Docker composes it: the Dockerfile's own
// USER, WORKDIR, ENTRYPOINT, CMD and EXPOSE over the base image's config. Shell forms are wrapped
// in the SHELL in effect where they were written; an ENTRYPOINT resets a CMD its stage inherited
// (stageState.ts); a shell-form ENTRYPOINT ignores the CMD.
import type { Instruction } from '../parser';
import type { DockerfileModel } from './model';
import type { StageState } from './stageState';

/** An ENTRYPOINT or CMD in effect: its arguments, and the instruction that set it (none: the base image). */
export interface CommandInEffect {
  argv: readonly string[];
  setBy: Instruction | undefined;
}

/** Nothing says what is in effect (the base image's config is not known). */
export const UNKNOWN = 'unknown';
type Known<T> = T | typeof UNKNOWN;

const DEFAULT_SHELL: readonly string[] = ['/bin/sh', '-c'];

/**
 * The arguments an ENTRYPOINT or CMD sets: the exec form's strings, or the shell form's text after
 * the SHELL in effect where it is written (BuildKit joins the shell and the command text).
 */
function commandArgv(instruction: Instruction, model: DockerfileModel): readonly string[] {
  if (instruction.exec) return instruction.exec.strings.map((string) => string.value);
  const state = model.stageOf(instruction)?.before(instruction);
  return [...(state ? shellInEffect(state) : DEFAULT_SHELL), instruction.argsText.trim()];
}

/** The shell that shell forms run with: the last exec-form SHELL, else the base image's, else `/bin/sh -c`. */
export function shellInEffect(state: StageState): readonly string[] {
  const imageShell = state.image?.shell;
  const fromImage = imageShell && imageShell.length > 0 ? imageShell : DEFAULT_SHELL;
  return state.shellSetBy?.exec?.strings.map((string) => string.value) ?? fromImage;
}

function inEffect(
  setBy: Instruction | undefined,
  fromImage: readonly string[] | undefined,
  state: StageState,
  model: DockerfileModel,
): Known<CommandInEffect | undefined> {
  if (setBy) return { argv: commandArgv(setBy, model), setBy };
  if (state.image) return fromImage ? { argv: fromImage, setBy: undefined } : undefined;
  return state.scratch ? undefined : UNKNOWN;
}

export function entrypointInEffect(state: StageState, model: DockerfileModel): Known<CommandInEffect | undefined> {
  return inEffect(state.entrypointSetBy, state.image?.entrypoint, state, model);
}

export function cmdInEffect(state: StageState, model: DockerfileModel): Known<CommandInEffect | undefined> {
  if (state.cmdReset) return undefined;
  return inEffect(state.cmdSetBy, state.image?.cmd, state, model);
}

/** What `docker run IMAGE` executes with the state's config: ENTRYPOINT then CMD, as one argv. */
export interface RunCommand {
  argv: readonly string[];
  entrypoint: CommandInEffect | undefined;
  /** The CMD in effect, even when a shell-form ENTRYPOINT ignores it. */
  cmd: CommandInEffect | undefined;
  /** The ENTRYPOINT is in shell form, so the CMD is not passed to it. */
  cmdIgnored: boolean;
}

export function runCommand(state: StageState, model: DockerfileModel): Known<RunCommand> {
  const entrypoint = entrypointInEffect(state, model);
  const cmd = cmdInEffect(state, model);
  if (entrypoint === UNKNOWN || cmd === UNKNOWN) return UNKNOWN;
  const cmdIgnored = entrypoint?.setBy !== undefined && !entrypoint.setBy.exec && cmd !== undefined;
  const argv = [...(entrypoint?.argv ?? []), ...(cmdIgnored ? [] : (cmd?.argv ?? []))];
  return { argv, entrypoint, cmd, cmdIgnored };
}

/** The user containers run as: the last USER (as written), else the base image's; undefined when unknown. */
export function userInEffect(state: StageState): string | undefined {
  if (state.user !== undefined) return state.user;
  if (state.image) return state.image.user;
  return state.scratch ? '' : undefined;
}

/** `80` as Docker records it in ExposedPorts: `80/tcp`. */
export function normalisedPort(port: string): string {
  const slash = port.indexOf('/');
  return slash < 0 ? `${port}/tcp` : `${port.slice(0, slash)}/${port.slice(slash + 1).toLowerCase()}`;
}
