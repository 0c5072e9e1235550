// Maps the steps a builder reported onto the instructions of the Dockerfile, and a failure
// onto the instruction that failed. Pure: it works on the parsed output and the outline.
//
// Classic builder: "Step N/M" is the N-th instruction of the file (global ARGs included).
// BuildKit: "[stage i/n]" is the i-th layer-making instruction of that stage, counting FROM
// when it names an image (not scratch, not another stage), then RUN, COPY, ADD, WORKDIR.
// When the numbers do not fit (another builder, another version), the instruction is found
// by keyword and text instead.
import type { BuildStep, ParsedBuildOutput, StepStatus } from '../docker/buildOutput';
import type { DockerfileOutline, OutlineInstruction, OutlineStage } from '../docker/dockerfileOutline';

export interface LocatedStep {
  readonly instructionIndex: number;
  readonly startLine: number;
  readonly endLine: number;
  readonly keyword: string;
  readonly status: StepStatus;
  readonly durationMs: number | undefined;
  readonly imageId: string | undefined;
  readonly errorMessage: string | undefined;
  readonly stepId: string;
}

export interface LocatedFailure {
  readonly instructionIndex: number | undefined;
  /** 0-based lines of the failing instruction (or the line the builder named). */
  readonly startLine: number;
  readonly endLine: number;
  readonly message: string;
}

const buildkitCountedKeywords = new Set(['RUN', 'COPY', 'ADD', 'WORKDIR']);

function normalizeText(text: string): string {
  return text.replace(/\s+/g, ' ').trim();
}

/** Replaces `$NAME` / `${NAME}` with known values (global ARG defaults, given build args). */
function expandKnown(text: string, values: Readonly<Record<string, string>>): string {
  return text.replace(/\$\{([A-Za-z_][A-Za-z0-9_]*)\}|\$([A-Za-z_][A-Za-z0-9_]*)/g, (whole, braced?: string, bare?: string) => {
    const name = braced ?? bare ?? '';
    return values[name] ?? whole;
  });
}

function knownArgValues(outline: DockerfileOutline, buildArgs: Readonly<Record<string, string>>): Record<string, string> {
  const values: Record<string, string> = {};
  for (const instruction of outline.instructions) {
    if (instruction.stageIndex !== -1 || instruction.keyword !== 'ARG') continue;
    for (const word of instruction.words) {
      const equals = word.indexOf('=');
      if (equals !== -1) values[word.slice(0, equals)] = word.slice(equals + 1);
    }
  }
  return { ...values, ...buildArgs };
}

/** The instructions of `stage` BuildKit numbers, in order. */
function buildkitNumberedInstructions(outline: DockerfileOutline, stage: OutlineStage, argValues: Record<string, string>, countWorkdir: boolean): number[] {
  const numbered: number[] = [];
  for (const index of stage.instructionIndexes) {
    const instruction = outline.instructions[index];
    if (instruction === undefined) continue;
    if (instruction.keyword === 'FROM') {
      const base = expandKnown(stage.base, argValues).toLowerCase();
      if (base !== 'scratch' && stage.baseStage === undefined) numbered.push(index);
    } else if (buildkitCountedKeywords.has(instruction.keyword) && (countWorkdir || instruction.keyword !== 'WORKDIR')) {
      numbered.push(index);
    }
  }
  return numbered;
}

function buildkitStage(outline: DockerfileOutline, stageName: string | undefined): OutlineStage | undefined {
  if (stageName === undefined) return outline.stages.length === 1 ? outline.stages[0] : undefined;
  const lower = stageName.toLowerCase();
  const named = outline.stages.find((stage) => stage.name === lower);
  if (named !== undefined) return named;
  const numbered = /^stage-(\d+)$/.exec(lower);
  return numbered === null ? undefined : outline.stages[Number(numbered[1])];
}

function stepText(step: BuildStep): string {
  return normalizeText(step.instruction.replace(/^\s*(?:ONBUILD\s+)?[A-Za-z]+/i, ''));
}

/** Fallback: the first unclaimed instruction with the same keyword and text (preferring `stageIndex`). */
function findByText(outline: DockerfileOutline, step: BuildStep, claimed: Set<number>, stageIndex: number | undefined): number | undefined {
  const text = stepText(step);
  const candidates = outline.instructions
    .map((instruction, index) => ({ instruction, index }))
    .filter(({ instruction, index }) => !claimed.has(index) && instruction.keyword === step.keyword);
  const matches = (instruction: OutlineInstruction): boolean => normalizeText(instruction.argumentText) === text;
  const sameStage = candidates.find(({ instruction }) => instruction.stageIndex === stageIndex && matches(instruction));
  return (sameStage ?? candidates.find(({ instruction }) => matches(instruction)))?.index;
}

function indexForStep(outline: DockerfileOutline, step: BuildStep, claimed: Set<number>, argValues: Record<string, string>): number | undefined {
  const position = step.position;
  if (position.kind === 'classic') {
    const index = position.step - 1;
    if (outline.instructions[index]?.keyword === step.keyword) return index;
    return findByText(outline, step, claimed, undefined);
  }
  const stage = buildkitStage(outline, position.stage);
  if (stage !== undefined) {
    for (const countWorkdir of [true, false]) {
      const numbered = buildkitNumberedInstructions(outline, stage, argValues, countWorkdir);
      const index = numbered[position.index - 1];
      if (index !== undefined && outline.instructions[index]?.keyword === step.keyword) return index;
    }
  }
  return findByText(outline, step, claimed, stage?.index);
}

/** Each reported step that could be placed, with the instruction it belongs to. */
export function locateSteps(parsed: ParsedBuildOutput, outline: DockerfileOutline, buildArgs: Readonly<Record<string, string>> = {}): LocatedStep[] {
  const argValues = knownArgValues(outline, buildArgs);
  const claimed = new Set<number>();
  const located: LocatedStep[] = [];
  for (const step of parsed.steps) {
    const index = indexForStep(outline, step, claimed, argValues);
    const instruction = index === undefined ? undefined : outline.instructions[index];
    if (index === undefined || instruction === undefined) continue;
    // Multi-platform builds report a step once per platform: keep the slowest / failed one.
    const previous = located.findIndex((entry) => entry.instructionIndex === index);
    const entry: LocatedStep = {
      instructionIndex: index,
      startLine: instruction.startLine,
      endLine: instruction.endLine,
      keyword: instruction.keyword,
      status: step.status,
      durationMs: step.durationMs,
      imageId: step.imageId,
      errorMessage: step.errorMessage,
      stepId: step.id,
    };
    if (previous === -1) {
      claimed.add(index);
      located.push(entry);
    } else if (step.status === 'failed' || (step.durationMs ?? 0) > (located[previous]?.durationMs ?? 0)) {
      located[previous] = entry;
    }
  }
  return located.sort((a, b) => a.instructionIndex - b.instructionIndex);
}

/** The instruction a failed build points at: the builder's own line when it names one, else the failed step's. */
export function locateFailure(parsed: ParsedBuildOutput, outline: DockerfileOutline, located: readonly LocatedStep[]): LocatedFailure | undefined {
  const failure = parsed.failure;
  if (failure === undefined) return undefined;
  if (failure.dockerfileLine !== undefined) {
    const line = failure.dockerfileLine - 1;
    const index = outline.instructions.findIndex((instruction) => instruction.startLine <= line && line <= instruction.endLine);
    const instruction = outline.instructions[index];
    if (instruction !== undefined) return { instructionIndex: index, startLine: instruction.startLine, endLine: instruction.endLine, message: failure.message };
    return { instructionIndex: undefined, startLine: line, endLine: line, message: failure.message };
  }
  const step = located.find((entry) => entry.stepId === failure.stepId);
  if (step !== undefined) return { instructionIndex: step.instructionIndex, startLine: step.startLine, endLine: step.endLine, message: failure.message };
  return undefined;
}
