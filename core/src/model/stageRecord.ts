// One stage of one version: its instructions, ARG/ENV scopes, references and the state in
// effect at each instruction. Built in one pass over the stage's own instructions, starting
// from what its base stage handed down; a record that replaces an earlier one for the same FROM
// takes over the earlier definitions while the ARG/ENV instructions before them are the same,
// so a stage edited elsewhere (a RUN) hands down the same ENV and its children stay as they were.
import type { Instruction, Range, TopLevel } from '../parser';
import type { ResolvedReference, Stage, VariableDefinition } from './definitions';
import type { FileFacts } from './fileFacts';
import type { ImageFacts } from './imageFacts';
import { EnvChain, nextState, sameState, type StageState } from './stageState';
import {
  argDefinitions,
  type Definition,
  envDefinitions,
  type Find,
  predefinedDefinition,
  resolveReferences,
} from './variableDefinition';

/** What a record is made from besides its items: when all of it is the same, the record is reused. */
export interface StageKey {
  index: number;
  resolvedBaseImage: string | undefined;
  baseStage: StageRecord | undefined;
  shipped: boolean;
  inherited: StageState;
  facts: FileFacts;
  /** The facts of the base image (not a stage), when known: compared by identity. */
  imageFacts: ImageFacts | undefined;
}

export interface StageInputs extends StageKey {
  from: Instruction;
  items: readonly TopLevel[];
  /** Each item's first line relative to the FROM. */
  offsets: readonly number[];
}

export class StageRecord implements Stage {
  readonly index: number;
  readonly name: string | undefined;
  readonly from: Instruction;
  readonly items: readonly TopLevel[];
  readonly offsets: readonly number[];
  readonly instructions: readonly Instruction[];
  readonly baseImage: string;
  readonly resolvedBaseImage: string | undefined;
  /** Re-pointed when the base stage gets a new record that hands down the same (model.ts). */
  baseStage: StageRecord | undefined;
  readonly shipped: boolean;
  readonly inherited: StageState;
  readonly handsDown: StageState;
  readonly facts: FileFacts;
  readonly imageFacts: ImageFacts | undefined;
  readonly definitions: readonly VariableDefinition[];
  readonly references: readonly ResolvedReference[];
  /** `states[i]` is in effect before `instructions[i]`; the last one after the last instruction. */
  private readonly states: StageState[];
  private readonly positions = new Map<Instruction, number>();
  /** Each ARG/ENV instruction's definitions, for a record that replaces this one. */
  private readonly definitionsOf = new Map<Instruction, Definition[]>();
  private readonly definitionOrder: Instruction[] = [];
  private readonly summaries = new Map<(stage: Stage) => unknown, unknown>();

  constructor(inputs: StageInputs, previous: StageRecord | undefined) {
    this.index = inputs.index;
    this.from = inputs.from;
    this.name = inputs.from.stageName?.value.toLowerCase();
    this.items = inputs.items;
    this.offsets = inputs.offsets;
    this.instructions = inputs.items.filter((item): item is Instruction => item.kind === 'instruction');
    this.baseImage = inputs.from.image?.raw ?? '';
    this.resolvedBaseImage = inputs.resolvedBaseImage;
    this.baseStage = inputs.baseStage;
    this.shipped = inputs.shipped;
    this.inherited = inputs.inherited;
    this.facts = inputs.facts;
    this.imageFacts = inputs.imageFacts;

    const { facts, inherited } = inputs;
    const escape = facts.escapeChar;
    // The earlier definitions are valid while what they were made from is the same.
    let reusable =
      previous !== undefined && previous.facts === facts && previous.inherited === inherited ? previous : undefined;
    const definitions: VariableDefinition[] = [];
    const references: ResolvedReference[] = [];
    const lastEnv = new Map<string, VariableDefinition>();
    const lastArg = new Map<string, VariableDefinition>();
    // ENV wins over an ARG of the same name, whichever came first.
    const find: Find = (name) => lastEnv.get(name) ?? inherited.env.find(name) ?? lastArg.get(name);
    const global: Find = (name) => facts.findGlobal(name) ?? predefinedDefinition(name);
    this.states = [];
    let state = inherited;
    let cmdInStage = false;
    this.instructions.forEach((instruction, position) => {
      this.positions.set(instruction, position);
      this.states.push(state);
      state = nextState(state, instruction, cmdInStage);
      if (instruction.keyword === 'CMD') cmdInStage = true;
      if (instruction.keyword === 'FROM') {
        resolveReferences(instruction, facts.findGlobal, this, references);
        return;
      }
      const visible = resolveReferences(instruction, find, this, references);
      if (instruction.keyword !== 'ARG' && instruction.keyword !== 'ENV') return;
      let made: Definition[];
      if (reusable && reusable.definitionOrder[this.definitionOrder.length] === instruction) {
        made = reusable.definitionsOf.get(instruction)!;
        for (const definition of made) definition.stage = this;
      } else {
        reusable = undefined;
        made =
          instruction.keyword === 'ARG'
            ? argDefinitions(instruction, visible, global, this, escape)
            : envDefinitions(instruction, visible, this, escape);
      }
      this.definitionOrder.push(instruction);
      this.definitionsOf.set(instruction, made);
      for (const definition of made) {
        definitions.push(definition);
        (definition.kind === 'env' ? lastEnv : lastArg).set(definition.name, definition);
      }
    });
    this.states.push(state);
    this.definitions = definitions;
    this.references = references;
    const handsDown = lastEnv.size === 0 ? state : { ...state, env: new EnvChain(inherited.env, lastEnv) };
    // An equal hand-down keeps its old object, so the stages built on this one stay as they were.
    this.handsDown = previous && sameState(previous.handsDown, handsDown) ? previous.handsDown : handsDown;
  }

  get range(): Range {
    return { start: this.from.range.start, end: this.instructions[this.instructions.length - 1]!.range.end };
  }

  /** The instruction's place in the stage; undefined when it is not one of the stage's. */
  positionOf(instruction: Instruction): number | undefined {
    return this.positions.get(instruction);
  }

  before(instruction: Instruction): StageState {
    return this.states[this.positions.get(instruction) ?? this.states.length - 1]!;
  }

  after(instruction: Instruction): StageState {
    const position = this.positions.get(instruction);
    return position === undefined ? this.handsDown : this.states[position + 1]!;
  }

  lookup(name: string, instruction: Instruction): VariableDefinition | undefined {
    // `scopeBefore(instruction).get(name)` for one name: the inherited ENV through the chain's
    // memoised `find`, not a map of every name of every stage above.
    const position = this.positions.get(instruction) ?? this.instructions.length;
    let found = this.inherited.env.find(name);
    for (const definition of this.definitions) {
      if (this.positions.get(definition.instruction!)! >= position) break;
      if (definition.name === name && (definition.kind === 'env' || found?.kind !== 'env')) found = definition;
    }
    return found;
  }

  scopeBefore(instruction: Instruction): ReadonlyMap<string, VariableDefinition> {
    const position = this.positions.get(instruction) ?? this.instructions.length;
    const visible = this.inherited.env.entries();
    for (const definition of this.definitions) {
      if (this.positions.get(definition.instruction!)! >= position) break;
      if (definition.kind === 'env' || visible.get(definition.name)?.kind !== 'env')
        visible.set(definition.name, definition);
    }
    return visible;
  }

  summary<T>(summarise: (stage: Stage) => T): T {
    if (!this.summaries.has(summarise)) this.summaries.set(summarise, summarise(this));
    return this.summaries.get(summarise) as T;
  }

  /** The record can stand for the stage of `key` made of `items[start, end)` (same objects, same relative lines). */
  fits(key: StageKey, items: readonly TopLevel[], start: number, end: number): boolean {
    if (
      this.index !== key.index ||
      this.facts !== key.facts ||
      this.inherited !== key.inherited ||
      this.imageFacts !== key.imageFacts ||
      this.shipped !== key.shipped ||
      this.resolvedBaseImage !== key.resolvedBaseImage ||
      (this.baseStage?.index ?? -1) !== (key.baseStage?.index ?? -1) ||
      this.items.length !== end - start
    )
      return false;
    const fromLine = this.from.range.start.line;
    for (let i = 0; i < this.items.length; i++) {
      const item = items[start + i]!;
      if (item !== this.items[i] || item.range.start.line - fromLine !== this.offsets[i]) return false;
    }
    return true;
  }
}
