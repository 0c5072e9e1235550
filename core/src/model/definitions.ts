import type { Instruction, KeyValue, Range, VariableReference } from '../parser';
import type { PredefinedArg } from './predefinedArgs';

export interface Stage {
  index: number;
  /** Stage name after AS, lower-cased as BuildKit compares it; undefined when unnamed. */
  name: string | undefined;
  from: Instruction;
  /** FROM plus every instruction up to the next FROM. */
  instructions: Instruction[];
  /** The image reference as written (before expansion). */
  baseImage: string;
  /** The image reference with global ARGs expanded, when every value is known. */
  resolvedBaseImage: string | undefined;
  /** The earlier stage this one builds on (`FROM <stage>`). */
  baseStage: Stage | undefined;
  range: Range;
}

export type DefinitionKind = 'arg' | 'env' | 'predefined';

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
