import type { Instruction, KeyValue, Range, TopLevel, VariableReference } from '../parser';
import type { ImageFacts } from './imageFacts';
import type { PredefinedArg } from './predefinedArgs';
import type { StageState } from './stageState';

/**
 * One build stage of one version, as the model keeps it. The record is reused (the same object)
 * from one version to the next while its own items are the same parsed objects at the same lines
 * relative to its FROM and what it inherits is the same (see model.ts), so anything computed
 * from a record may be kept with it.
 */
export interface Stage {
  index: number;
  /** Stage name after AS, lower-cased as BuildKit compares it; undefined when unnamed. */
  name: string | undefined;
  from: Instruction;
  /** FROM plus every instruction up to the next FROM. */
  instructions: readonly Instruction[];
  /** The stage's comments and instructions, FROM first. */
  items: readonly TopLevel[];
  /** The image reference as written (before expansion). */
  baseImage: string;
  /** The image reference with global ARGs expanded, when every value is known. */
  resolvedBaseImage: string | undefined;
  /** The earlier stage this one builds on (`FROM <stage>`). */
  baseStage: Stage | undefined;
  /** From the FROM to the end of the last instruction (follows the tree's positions). */
  readonly range: Range;
  /** The stage ends up in the image: the final stage or one it is built on. */
  shipped: boolean;
  /** What the stage starts with: its base stage's `handsDown`, or what an image starts with. */
  inherited: StageState;
  /** What the stage hands down to a stage built on it (its state after its last instruction). */
  handsDown: StageState;
  /** The stage's own ARG and ENV definitions, in source order. */
  definitions: readonly VariableDefinition[];
  /** The references in the stage's instructions (FROM included), in source order. */
  references: readonly ResolvedReference[];
  /** The SHELL, WORKDIR, USER, package settings, ... in effect just before `instruction`. */
  before(instruction: Instruction): StageState;
  /** The same just after `instruction` (its own settings included). */
  after(instruction: Instruction): StageState;
  /** What `name` means just before `instruction` (the stage's ARG and ENV, and inherited ENV). */
  lookup(name: string, instruction: Instruction): VariableDefinition | undefined;
  /** Every name visible just before `instruction`, inherited ENV first. */
  scopeBefore(instruction: Instruction): ReadonlyMap<string, VariableDefinition>;
  /**
   * `summarise(this)`, computed once per record: file-wide rules add up per-stage summaries
   * instead of walking every instruction on each edit. A summary must not hold positions.
   */
  summary<T>(summarise: (stage: Stage) => T): T;
}

type DefinitionKind = 'arg' | 'env' | 'predefined';

export interface VariableDefinition {
  name: string;
  kind: DefinitionKind;
  /** The ARG or ENV instruction; undefined for predefined args. */
  instruction: Instruction | undefined;
  pair: KeyValue | undefined;
  predefined: PredefinedArg | undefined;
  /** Stage the definition belongs to; undefined for global ARGs and predefined args. */
  stage: Stage | undefined;
  /** The value at this point, when known. */
  value: string | undefined;
  /** For `ARG NAME` inside a stage that takes the value of a global ARG. */
  redeclares: VariableDefinition | undefined;
  /** For an ENV of the base image's config (no instruction defines it here): that image. */
  image?: ImageFacts | undefined;
}

export interface ResolvedReference {
  reference: VariableReference;
  instruction: Instruction;
  stage: Stage | undefined;
  /** What the name refers to at that point; undefined when nothing defines it. */
  definition: VariableDefinition | undefined;
  /** Whether the builder expands it (false for RUN/CMD/..., where the shell does). */
  expandedByBuilder: boolean;
}
