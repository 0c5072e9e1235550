// The semantic model of a Dockerfile: stages, ARG/ENV scopes, what each reference means, and
// what is in effect at each instruction. Built stage by stage and memoised per stage: a new
// version reuses the previous version's record of a stage (the same object) while the stage's
// items are the same parsed objects at the same relative lines and what it inherits (the state
// its base stage hands down, the file facts, whether it ships) is the same. Rules, hover,
// completion and navigation all read this one model.
import type { BuildContext } from '../context/buildContext';
import type { Dockerfile, Instruction, TopLevel } from '../parser';
import type { ResolvedReference, Stage, VariableDefinition } from './definitions';
import { expandValue } from './expand';
import { type FileFacts, fileFacts } from './fileFacts';
import type { ImageFactsLookup } from './imageFacts';
import { PREDEFINED_ARGS } from './predefinedArgs';
import { type StageKey, StageRecord } from './stageRecord';
import { IMAGE_STATE, imageFactsState, SCRATCH_STATE } from './stageState';
import { lookupValues, predefinedDefinition } from './variableDefinition';

export { BUILDER_EXPANDED } from './variableDefinition';

export interface DockerfileModel {
  tree: Dockerfile;
  /** The document's lines (empty when the model was built from a tree alone). */
  lines: readonly string[];
  /** The escape character, directives, global ARGs and build context. */
  facts: FileFacts;
  stages: readonly Stage[];
  /** ARGs declared before the first FROM. */
  globalArgs: readonly VariableDefinition[];
  /** Every ARG and ENV definition, in source order. */
  readonly definitions: readonly VariableDefinition[];
  /** Every reference, in source order. */
  readonly references: readonly ResolvedReference[];
  stageOf(instruction: Instruction): Stage | undefined;
  /** A stage by name (case-insensitive) or by index, as `COPY --from` accepts. */
  findStage(nameOrIndex: string): Stage | undefined;
  /** Names visible just before `instruction` (ARG and ENV in scope; global ARGs for FROM). */
  scopeBefore(instruction: Instruction): ReadonlyMap<string, VariableDefinition>;
}

export interface ModelOptions {
  lines?: readonly string[];
  buildContext?: BuildContext;
  /** The model of the previous version of the same document: its stage records are reused where they fit. */
  previous?: DockerfileModel;
  /** What is known about base images (their ENV, USER, CMD, ...); stages on unknown images start empty. */
  images?: ImageFactsLookup;
}

interface StageSpan {
  from: Instruction;
  start: number;
  end: number;
}

export function buildModel(tree: Dockerfile, options: ModelOptions = {}): DockerfileModel {
  const previous = options.previous;
  const facts = fileFacts(tree, options.buildContext, previous?.facts);
  const earlier = new Map<Instruction, StageRecord>();
  for (const stage of previous?.stages ?? []) if (stage instanceof StageRecord) earlier.set(stage.from, stage);

  // Where each stage starts and ends among the items.
  const items = tree.items;
  const spans: StageSpan[] = [];
  for (let i = 0; i < items.length; i++) {
    const item = items[i]!;
    if (item.kind !== 'instruction' || item.keyword !== 'FROM') continue;
    if (spans.length > 0) spans[spans.length - 1]!.end = i;
    spans.push({ from: item, start: i, end: items.length });
  }

  // What each stage builds on, and so which stages ship (the last one and those it builds on).
  const lookup = lookupValues(facts.findGlobal);
  const byName = new Map<string, number>();
  const images: (string | undefined)[] = [];
  const bases: number[] = [];
  spans.forEach(({ from }, index) => {
    const old = earlier.get(from);
    const raw = from.image?.raw ?? '';
    const image = old && old.facts === facts ? old.resolvedBaseImage : expandValue(raw, lookup, facts.escapeChar);
    images.push(image);
    bases.push(byName.get((image ?? raw).toLowerCase()) ?? -1);
    const name = from.stageName?.value.toLowerCase();
    if (name !== undefined && !byName.has(name)) byName.set(name, index);
  });
  const shipped = new Set<number>();
  for (let index = spans.length - 1; index >= 0 && !shipped.has(index); index = bases[index]!) shipped.add(index);

  const stages: StageRecord[] = [];
  spans.forEach((span, index) => {
    const baseStage = bases[index]! >= 0 ? stages[bases[index]!] : undefined;
    const image = images[index];
    const scratch = (image ?? span.from.image?.raw ?? '').toLowerCase() === 'scratch';
    const imageFacts = baseStage || scratch || image === undefined ? undefined : options.images?.factsFor(image);
    const inputs: StageKey = {
      index,
      resolvedBaseImage: image,
      baseStage,
      shipped: shipped.has(index),
      inherited: baseStage
        ? baseStage.handsDown
        : scratch
          ? SCRATCH_STATE
          : imageFacts
            ? imageFactsState(imageFacts)
            : IMAGE_STATE,
      facts,
      imageFacts,
    };
    const old = earlier.get(span.from);
    if (old?.fits(inputs, items, span.start, span.end)) {
      old.baseStage = baseStage;
      stages.push(old);
      return;
    }
    const stageItems = items.slice(span.start, span.end) as TopLevel[];
    const fromLine = span.from.range.start.line;
    const offsets = stageItems.map((item) => item.range.start.line - fromLine);
    stages.push(new StageRecord({ ...inputs, from: span.from, items: stageItems, offsets }, old));
  });
  return new Model(tree, options.lines ?? [], facts, stages, byName);
}

class Model implements DockerfileModel {
  private allDefinitions: VariableDefinition[] | undefined;
  private allReferences: ResolvedReference[] | undefined;

  constructor(
    readonly tree: Dockerfile,
    readonly lines: readonly string[],
    readonly facts: FileFacts,
    readonly stages: readonly StageRecord[],
    private readonly byName: ReadonlyMap<string, number>,
  ) {}

  get globalArgs(): readonly VariableDefinition[] {
    return this.facts.globalArgs;
  }

  get definitions(): readonly VariableDefinition[] {
    this.allDefinitions ??= [...this.facts.globalArgs, ...this.stages.flatMap((stage) => stage.definitions)];
    return this.allDefinitions;
  }

  get references(): readonly ResolvedReference[] {
    this.allReferences ??= [...this.facts.globalReferences, ...this.stages.flatMap((stage) => stage.references)];
    return this.allReferences;
  }

  stageOf(instruction: Instruction): Stage | undefined {
    // The last stage starting at or above the instruction's line (positions follow the tree).
    const line = instruction.range.start.line;
    let low = 0;
    let high = this.stages.length - 1;
    let found: StageRecord | undefined;
    while (low <= high) {
      const middle = (low + high) >> 1;
      const stage = this.stages[middle]!;
      if (stage.from.range.start.line <= line) {
        found = stage;
        low = middle + 1;
      } else high = middle - 1;
    }
    return found?.positionOf(instruction) !== undefined ? found : undefined;
  }

  findStage(nameOrIndex: string): Stage | undefined {
    const named = this.byName.get(nameOrIndex.toLowerCase());
    if (named !== undefined) return this.stages[named];
    return /^\d+$/.test(nameOrIndex) ? this.stages[Number(nameOrIndex)] : undefined;
  }

  scopeBefore(instruction: Instruction): ReadonlyMap<string, VariableDefinition> {
    const owner = instruction.keyword === 'FROM' ? undefined : this.stageOf(instruction);
    if (owner) return owner.scopeBefore(instruction);
    const line = instruction.range.start.line;
    const visible = new Map<string, VariableDefinition>();
    for (const arg of PREDEFINED_ARGS)
      if (arg.kind === 'platform') visible.set(arg.name, predefinedDefinition(arg.name)!);
    for (const definition of this.facts.globalArgs) {
      if (definition.instruction && definition.instruction.range.start.line >= line) break;
      visible.set(definition.name, definition);
    }
    return visible;
  }
}
