// Maps the steps a builder reported onto the instructions of the Dockerfile, and a failure
// onto the instruction that failed. Pure: it works on the parsed output and the outline.
//
// Classic builder: "Step N/M" is the N-th instruction of the file (global ARGs included).
// BuildKit: "[stage i/n]" is the i-th layer-making instruction of that stage, counting FROM
// when it names an image (not scratch, not another stage), then RUN, COPY, ADD, WORKDIR.
// Buildah (podman): "[i/n] STEP k/m" is the k-th instruction (FROM first, every keyword counted)
// of the file's i-th stage; without "[i/n]" only one stage was built: the first (--target cuts
// the stages after the target, never before).
// When the numbers do not fit (another builder, another version), the instruction is found
// by keyword and text instead.
import type { BuildStep, ParsedBuildOutput, StepStatus } from '../docker/buildOutput';
import type { DockerfileOutline, OutlineStage } from '../docker/dockerfileOutline';

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
  return text.replace(
    /\$\{([A-Za-z_][A-Za-z0-9_]*)\}|\$([A-Za-z_][A-Za-z0-9_]*)/g,
    (whole, braced?: string, bare?: string) => {
      const name = braced ?? bare ?? '';
      return values[name] ?? whole;
    },
  );
}

function knownArgValues(
  outline: DockerfileOutline,
  buildArgs: Readonly<Record<string, string>>,
): Record<string, string> {
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
function buildkitNumberedInstructions(
  outline: DockerfileOutline,
  stage: OutlineStage,
  argValues: Record<string, string>,
  countWorkdir: boolean,
): number[] {
  const numbered: number[] = [];
  for (const index of stage.instructionIndexes) {
    const instruction = outline.instructions[index];
    if (instruction === undefined) continue;
    if (instruction.keyword === 'FROM') {
      const base = expandKnown(stage.base, argValues).toLowerCase();
      if (base !== 'scratch' && stage.baseStage === undefined) numbered.push(index);
    } else if (
      buildkitCountedKeywords.has(instruction.keyword) &&
      (countWorkdir || instruction.keyword !== 'WORKDIR')
    ) {
      numbered.push(index);
    }
  }
  return numbered;
}

function stepText(step: BuildStep): string {
  return normalizeText(step.instruction.replace(/^\s*(?:ONBUILD\s+)?[A-Za-z]+/i, ''));
}

/** Instructions with one keyword and text, in file order; `next` skips those already claimed. */
interface Candidates {
  readonly indexes: number[];
  next: number;
}

/**
 * What placing the steps of one build looks up again and again, each made once: stages by name,
 * the numbered instructions of a stage, instructions by keyword and text. A build of thousands
 * of steps on a Dockerfile of thousands of instructions stays linear (it was steps x instructions).
 */
class StepLookup {
  private readonly stagesByName = new Map<string, OutlineStage>();
  private readonly numbered = new Map<string, number[]>();
  private byText: { all: Map<string, Candidates>; byStage: Map<string, Candidates> } | undefined;
  /** Instructions a step was placed on (a later step with the same text takes the next one). */
  readonly claimed = new Set<number>();

  constructor(
    private readonly outline: DockerfileOutline,
    private readonly argValues: Record<string, string>,
  ) {
    for (const stage of outline.stages)
      if (stage.name !== undefined && !this.stagesByName.has(stage.name)) this.stagesByName.set(stage.name, stage);
  }

  stage(stageName: string | undefined): OutlineStage | undefined {
    const { outline } = this;
    if (stageName === undefined) return outline.stages.length === 1 ? outline.stages[0] : undefined;
    const lower = stageName.toLowerCase();
    const named = this.stagesByName.get(lower);
    if (named !== undefined) return named;
    const numbered = /^stage-(\d+)$/.exec(lower);
    return numbered === null ? undefined : outline.stages[Number(numbered[1])];
  }

  numberedInstructions(stage: OutlineStage, countWorkdir: boolean): number[] {
    const key = `${stage.index}:${countWorkdir}`;
    let numbered = this.numbered.get(key);
    if (numbered === undefined) {
      numbered = buildkitNumberedInstructions(this.outline, stage, this.argValues, countWorkdir);
      this.numbered.set(key, numbered);
    }
    return numbered;
  }

  /** Fallback: the first unclaimed instruction with the same keyword and text (preferring `stageIndex`). */
  findByText(step: BuildStep, stageIndex: number | undefined): number | undefined {
    const byText = this.textIndex();
    const key = `${step.keyword}\u0000${stepText(step)}`;
    const sameStage =
      stageIndex === undefined ? undefined : this.firstUnclaimed(byText.byStage.get(`${stageIndex}\u0000${key}`));
    return sameStage ?? this.firstUnclaimed(byText.all.get(key));
  }

  private textIndex(): { all: Map<string, Candidates>; byStage: Map<string, Candidates> } {
    if (this.byText) return this.byText;
    const all = new Map<string, Candidates>();
    const byStage = new Map<string, Candidates>();
    const add = (map: Map<string, Candidates>, key: string, index: number): void => {
      const candidates = map.get(key);
      if (candidates) candidates.indexes.push(index);
      else map.set(key, { indexes: [index], next: 0 });
    };
    this.outline.instructions.forEach((instruction, index) => {
      const key = `${instruction.keyword}\u0000${normalizeText(instruction.argumentText)}`;
      add(all, key, index);
      add(byStage, `${instruction.stageIndex}\u0000${key}`, index);
    });
    this.byText = { all, byStage };
    return this.byText;
  }

  /** Instructions are only ever claimed, never released: `next` moves forward only. */
  private firstUnclaimed(candidates: Candidates | undefined): number | undefined {
    if (!candidates) return undefined;
    while (candidates.next < candidates.indexes.length && this.claimed.has(candidates.indexes[candidates.next]!))
      candidates.next++;
    return candidates.indexes[candidates.next];
  }
}

function indexForStep(lookup: StepLookup, outline: DockerfileOutline, step: BuildStep): number | undefined {
  const position = step.position;
  if (position.kind === 'classic') {
    const index = position.step - 1;
    if (outline.instructions[index]?.keyword === step.keyword) return index;
    return lookup.findByText(step, undefined);
  }
  if (position.kind === 'buildah') {
    const stage = outline.stages[(position.stage ?? 1) - 1];
    const index = stage?.instructionIndexes[position.step - 1];
    if (index !== undefined && outline.instructions[index]?.keyword === step.keyword) return index;
    return lookup.findByText(step, stage?.index);
  }
  const stage = lookup.stage(position.stage);
  if (stage !== undefined) {
    for (const countWorkdir of [true, false]) {
      const numbered = lookup.numberedInstructions(stage, countWorkdir);
      const index = numbered[position.index - 1];
      if (index !== undefined && outline.instructions[index]?.keyword === step.keyword) return index;
    }
  }
  return lookup.findByText(step, stage?.index);
}

/** Each reported step that could be placed, with the instruction it belongs to. */
export function locateSteps(
  parsed: ParsedBuildOutput,
  outline: DockerfileOutline,
  buildArgs: Readonly<Record<string, string>> = {},
): LocatedStep[] {
  const lookup = new StepLookup(outline, knownArgValues(outline, buildArgs));
  const located: LocatedStep[] = [];
  /** Where each instruction's entry is in `located`. */
  const entryOf = new Map<number, number>();
  for (const step of parsed.steps) {
    const index = indexForStep(lookup, outline, step);
    const instruction = index === undefined ? undefined : outline.instructions[index];
    if (index === undefined || instruction === undefined) continue;
    // Multi-platform builds report a step once per platform: keep the slowest / failed one.
    const previous = entryOf.get(index);
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
    if (previous === undefined) {
      lookup.claimed.add(index);
      entryOf.set(index, located.length);
      located.push(entry);
    } else if (step.status === 'failed' || (step.durationMs ?? 0) > (located[previous]?.durationMs ?? 0)) {
      located[previous] = entry;
    }
  }
  return located.sort((a, b) => a.instructionIndex - b.instructionIndex);
}

/** The instruction a failed build points at: the builder's own line when it names one, else the failed step's. */
export function locateFailure(
  parsed: ParsedBuildOutput,
  outline: DockerfileOutline,
  located: readonly LocatedStep[],
): LocatedFailure | undefined {
  const failure = parsed.failure;
  if (failure === undefined) return undefined;
  if (failure.dockerfileLine !== undefined) {
    const line = failure.dockerfileLine - 1;
    const index = outline.instructions.findIndex(
      (instruction) => instruction.startLine <= line && line <= instruction.endLine,
    );
    const instruction = outline.instructions[index];
    if (instruction !== undefined)
      return {
        instructionIndex: index,
        startLine: instruction.startLine,
        endLine: instruction.endLine,
        message: failure.message,
      };
    return { instructionIndex: undefined, startLine: line, endLine: line, message: failure.message };
  }
  const step = located.find((entry) => entry.stepId === failure.stepId);
  if (step !== undefined)
    return {
      instructionIndex: step.instructionIndex,
      startLine: step.startLine,
      endLine: step.endLine,
      message: failure.message,
    };
  return undefined;
}
