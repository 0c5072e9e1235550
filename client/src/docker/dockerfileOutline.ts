// The view of a parsed Dockerfile that the build and run features need: instructions with
// their lines, stages (name, base, dependencies), ARGs and EXPOSE ports. Built from the
// parser's instructions (see outlineFromInstructions); never parses Dockerfile text itself.
import { containerPorts, type ContainerPort } from './portMappings';

/** One EXPOSE port as the parser split it: `8000-8010` and `udp` for `8000-8010/udp`. */
interface ExposedPortSource {
  readonly port: string;
  readonly protocol: string | undefined;
}

/** The smallest description of one parsed instruction this module needs. */
export interface InstructionSource {
  readonly keyword: string;
  readonly argumentText: string;
  readonly words: readonly string[];
  readonly flags: Readonly<Record<string, string>>;
  /** EXPOSE: its ports (undefined for other instructions). */
  readonly ports?: readonly ExposedPortSource[] | undefined;
  readonly startLine: number;
  readonly endLine: number;
}

interface OutlineInstruction extends InstructionSource {
  /** Index into `stages`; -1 for instructions before the first FROM (global ARGs). */
  readonly stageIndex: number;
}

export interface OutlineStage {
  readonly index: number;
  /** `AS name`, lower-cased as BuildKit does; undefined when unnamed. */
  readonly name: string | undefined;
  /** The image (or stage name) after FROM. */
  readonly base: string;
  /** Index of the stage this one is built FROM, when its base names an earlier stage. */
  readonly baseStage: number | undefined;
  /** Indexes into `instructions`, FROM first. */
  readonly instructionIndexes: readonly number[];
}

interface OutlineArg {
  readonly name: string;
  readonly hasDefault: boolean;
  readonly stageIndex: number;
  readonly line: number;
}

export interface DockerfileOutline {
  readonly instructions: readonly OutlineInstruction[];
  readonly stages: readonly OutlineStage[];
  readonly args: readonly OutlineArg[];
}

/** Builds the outline from instructions in file order (as the parser gives them). */
export function outlineFromInstructions(sources: readonly InstructionSource[]): DockerfileOutline {
  const instructions: OutlineInstruction[] = [];
  const stages: Array<OutlineStage & { instructionIndexes: number[] }> = [];
  const args: OutlineArg[] = [];
  for (const source of sources) {
    const keyword = source.keyword.toUpperCase();
    if (keyword === 'FROM') {
      const base = source.words[0] ?? '';
      const asIndex = source.words.findIndex((word) => word.toLowerCase() === 'as');
      const name = asIndex === -1 ? undefined : source.words[asIndex + 1]?.toLowerCase();
      const baseStage = stages.find((stage) => stage.name !== undefined && stage.name === base.toLowerCase())?.index;
      stages.push({ index: stages.length, name, base, baseStage, instructionIndexes: [] });
    }
    const stageIndex = stages.length - 1;
    instructions.push({ ...source, keyword, stageIndex });
    stages[stageIndex]?.instructionIndexes.push(instructions.length - 1);
    if (keyword === 'ARG') {
      for (const word of source.words) {
        const equals = word.indexOf('=');
        const name = equals === -1 ? word : word.slice(0, equals);
        if (/^[A-Za-z_][A-Za-z0-9_]*$/.test(name)) {
          args.push({ name, hasDefault: equals !== -1, stageIndex, line: source.startLine });
        }
      }
    }
  }
  return { instructions, stages, args };
}

/** The stage `target` names (by name or index), or the last stage. */
export function targetStage(outline: DockerfileOutline, target?: string): OutlineStage | undefined {
  if (target !== undefined && target !== '') {
    const lower = target.toLowerCase();
    return (
      outline.stages.find((stage) => stage.name === lower) ??
      outline.stages[Number.isInteger(Number(target)) ? Number(target) : -1]
    );
  }
  return outline.stages.at(-1);
}

/** Stages the target needs: itself, its FROM chain and stages it copies from, recursively. */
export function stagesNeededFor(outline: DockerfileOutline, target?: string): Set<number> {
  const needed = new Set<number>();
  const start = targetStage(outline, target);
  const pending = start === undefined ? [] : [start.index];
  while (pending.length > 0) {
    const index = pending.pop() as number;
    if (needed.has(index)) continue;
    needed.add(index);
    const stage = outline.stages[index];
    if (stage === undefined) continue;
    if (stage.baseStage !== undefined) pending.push(stage.baseStage);
    for (const instructionIndex of stage.instructionIndexes) {
      const from = outline.instructions[instructionIndex]?.flags.from;
      if (from === undefined) continue;
      const source = outline.stages.find(
        (candidate) => candidate.name === from.toLowerCase() || String(candidate.index) === from,
      );
      if (source !== undefined && source.index < index) pending.push(source.index);
    }
  }
  return needed;
}

/** Build args the user must give values for: ARGs without a default, global or in a needed stage. */
export function argsWithoutDefault(outline: DockerfileOutline, target?: string): string[] {
  const needed = stagesNeededFor(outline, target);
  const defaulted = new Set(outline.args.filter((arg) => arg.hasDefault).map((arg) => `${arg.stageIndex}:${arg.name}`));
  const globalDefaults = new Set(
    outline.args.filter((arg) => arg.hasDefault && arg.stageIndex === -1).map((arg) => arg.name),
  );
  const names: string[] = [];
  for (const arg of outline.args) {
    if (arg.hasDefault || names.includes(arg.name)) continue;
    if (arg.stageIndex !== -1 && !needed.has(arg.stageIndex)) continue;
    // `ARG X` inside a stage inherits a global `ARG X=default`.
    if (arg.stageIndex !== -1 && globalDefaults.has(arg.name)) continue;
    if (defaulted.has(`${arg.stageIndex}:${arg.name}`)) continue;
    names.push(arg.name);
  }
  return names;
}

/** Ports the image built for `target` exposes: EXPOSE in the target stage and its FROM chain. */
export function exposedPorts(outline: DockerfileOutline, target?: string): ContainerPort[] {
  const ports: ContainerPort[] = [];
  let stage = targetStage(outline, target);
  const visited = new Set<number>();
  const chain: OutlineStage[] = [];
  while (stage !== undefined && !visited.has(stage.index)) {
    visited.add(stage.index);
    chain.unshift(stage);
    stage = stage.baseStage === undefined ? undefined : outline.stages[stage.baseStage];
  }
  for (const member of chain) {
    for (const index of member.instructionIndexes) {
      const instruction = outline.instructions[index];
      if (instruction?.keyword !== 'EXPOSE') continue;
      for (const written of instruction.ports ?? []) {
        for (const port of containerPorts(written.port, written.protocol)) {
          if (!ports.some((known) => known.port === port.port && known.protocol === port.protocol)) ports.push(port);
        }
      }
    }
  }
  return ports;
}

/** Names offered for `--target`: every stage, named ones by name, unnamed ones by index. */
export function targetChoices(outline: DockerfileOutline): string[] {
  return outline.stages.map((stage) => stage.name ?? String(stage.index));
}
