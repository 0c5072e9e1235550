// The semantic model of a Dockerfile: stages, ARG/ENV scopes and what each reference means.
import type { Dockerfile, Instruction } from '../parser';
import type { ResolvedReference, Stage, VariableDefinition } from './definitions';
import { expandValue, type Lookup } from './expand';
import { PREDEFINED_ARGS, predefinedArg } from './predefinedArgs';

/** Instructions whose arguments the builder expands (elsewhere the shell or nobody does). */
export const BUILDER_EXPANDED: ReadonlySet<string> = new Set(['ADD', 'ARG', 'COPY', 'ENV', 'EXPOSE', 'FROM', 'LABEL', 'STOPSIGNAL', 'USER', 'VOLUME', 'WORKDIR']);

export interface DockerfileModel {
  tree: Dockerfile;
  stages: Stage[];
  /** ARGs declared before the first FROM. */
  globalArgs: VariableDefinition[];
  /** Every ARG and ENV definition, in source order. */
  definitions: VariableDefinition[];
  references: ResolvedReference[];
  stageOf(instruction: Instruction): Stage | undefined;
  /** A stage by name (case-insensitive) or by index, as `COPY --from` accepts. */
  findStage(nameOrIndex: string): Stage | undefined;
  /** Names visible just before `instruction` (ARG and ENV in scope; global ARGs for FROM). */
  scopeBefore(instruction: Instruction): ReadonlyMap<string, VariableDefinition>;
}

const predefinedDefinitions = new Map<string, VariableDefinition>(
  PREDEFINED_ARGS.map((arg) => [
    arg.name,
    { name: arg.name, kind: 'predefined', instruction: undefined, pair: undefined, predefined: arg, stage: undefined, value: undefined, redeclares: undefined },
  ]),
);

export function predefinedDefinition(name: string): VariableDefinition | undefined {
  return predefinedDefinitions.get(name);
}

export function buildModel(tree: Dockerfile): DockerfileModel {
  const escape = tree.escapeChar;
  const globals = new Map<string, VariableDefinition>();
  const globalArgs: VariableDefinition[] = [];
  const definitions: VariableDefinition[] = [];
  const references: ResolvedReference[] = [];
  const stages: Stage[] = [];
  const stageByInstruction = new Map<Instruction, Stage>();
  const stageScopes = new Map<Stage, StageScope>();
  let scope: StageScope | undefined;
  let stage: Stage | undefined;

  const globalLookup = (name: string): VariableDefinition | undefined => globals.get(name) ?? platformDefinition(name);

  for (const instruction of tree.instructions) {
    if (instruction.keyword === 'FROM') {
      resolveReferences(instruction, undefined, globalLookup, references);
      const baseImage = instruction.image?.raw ?? '';
      const resolvedBaseImage = expandValue(baseImage, lookupValues(globalLookup), escape);
      const lowerBase = (resolvedBaseImage ?? baseImage).toLowerCase();
      const baseStage = stages.find((s) => s.name !== undefined && s.name === lowerBase);
      stage = {
        index: stages.length,
        name: instruction.stageName?.value.toLowerCase(),
        from: instruction,
        instructions: [instruction],
        baseImage,
        resolvedBaseImage,
        baseStage,
        range: instruction.range,
      };
      stages.push(stage);
      stageByInstruction.set(instruction, stage);
      scope = new StageScope(baseStage ? stageScopes.get(baseStage) : undefined);
      stageScopes.set(stage, scope);
      continue;
    }
    if (!stage || !scope) {
      // Before the first FROM only ARG is allowed; its ARGs form the global scope.
      resolveReferences(instruction, undefined, globalLookup, references);
      if (instruction.keyword === 'ARG') {
        for (const definition of argDefinitions(instruction, undefined, globalLookup, globalLookup, escape)) {
          globals.set(definition.name, definition);
          globalArgs.push(definition);
          definitions.push(definition);
        }
      }
      continue;
    }
    stage.instructions.push(instruction);
    stage.range = { start: stage.range.start, end: instruction.range.end };
    stageByInstruction.set(instruction, stage);
    const current = scope;
    const stageLookup = (name: string): VariableDefinition | undefined => current.get(name);
    resolveReferences(instruction, stage, stageLookup, references);
    for (const definition of applyDefinitions(instruction, stage, current, globals, escape)) definitions.push(definition);
  }

  const findStage = (nameOrIndex: string): Stage | undefined => {
    const lower = nameOrIndex.toLowerCase();
    const named = stages.find((s) => s.name === lower);
    if (named) return named;
    return /^\d+$/.test(nameOrIndex) ? stages[Number(nameOrIndex)] : undefined;
  };

  const scopeBefore = (instruction: Instruction): ReadonlyMap<string, VariableDefinition> => {
    const owner = stageByInstruction.get(instruction);
    if (!owner || instruction.keyword === 'FROM') {
      const visible = new Map<string, VariableDefinition>();
      for (const arg of PREDEFINED_ARGS) if (arg.kind === 'platform') visible.set(arg.name, predefinedDefinitions.get(arg.name)!);
      for (const definition of globalArgs) {
        if (definition.instruction && definition.instruction.range.start.line >= instruction.range.start.line) break;
        visible.set(definition.name, definition);
      }
      return visible;
    }
    const visible = stageScopes.get(owner)?.inheritedEnv() ?? new Map<string, VariableDefinition>();
    for (const definition of definitions) {
      if (definition.stage !== owner || !definition.instruction) continue;
      if (definition.instruction.range.start.line >= instruction.range.start.line) break;
      visible.set(definition.name, definition);
    }
    return visible;
  };

  return { tree, stages, globalArgs, definitions, references, stageOf: (i) => stageByInstruction.get(i), findStage, scopeBefore };
}

function platformDefinition(name: string): VariableDefinition | undefined {
  return predefinedArg(name)?.kind === 'platform' ? predefinedDefinitions.get(name) : undefined;
}

/**
 * The names a stage sees: its own ARG/ENV definitions, then the ENV of the stage it builds on
 * (and of that stage's base, ...). Layered rather than copied, so long chains of stages built
 * on each other stay linear to build.
 */
class StageScope {
  private readonly own = new Map<string, VariableDefinition>();

  constructor(private readonly base: StageScope | undefined) {}

  get(name: string): VariableDefinition | undefined {
    const mine = this.own.get(name);
    if (mine) return mine;
    for (let layer = this.base; layer; layer = layer.base) {
      const found = layer.own.get(name);
      if (found?.kind === 'env') return found;
    }
    return undefined;
  }

  set(name: string, definition: VariableDefinition): void {
    this.own.set(name, definition);
  }

  /** The ENV inherited from the base stages, as one map (nearest definition wins). */
  inheritedEnv(): Map<string, VariableDefinition> {
    const layers: StageScope[] = [];
    for (let layer = this.base; layer; layer = layer.base) layers.push(layer);
    const env = new Map<string, VariableDefinition>();
    for (const layer of layers.reverse()) for (const [name, definition] of layer.own) if (definition.kind === 'env') env.set(name, definition);
    return env;
  }
}

/** Values for expansion: a name nothing defines expands to ''; a defined name with unknown value is unknown. */
function lookupValues(find: (name: string) => VariableDefinition | undefined): Lookup {
  return (name) => {
    const definition = find(name);
    if (!definition) return '';
    if (definition.kind === 'predefined') return definition.predefined?.example;
    return definition.value;
  };
}

function resolveReferences(instruction: Instruction, stage: Stage | undefined, find: (name: string) => VariableDefinition | undefined, out: ResolvedReference[]): void {
  const expandedByBuilder = BUILDER_EXPANDED.has(instruction.keyword);
  for (const reference of instruction.variables) {
    let definition = find(reference.name);
    // The shell of RUN/CMD/... also sees the proxy and BuildKit args the builder passes in.
    if (!definition && !expandedByBuilder) definition = predefinedDefinitions.get(reference.name);
    out.push({ reference, instruction, stage, definition, expandedByBuilder });
  }
}

function argDefinitions(
  instruction: Instruction,
  stage: Stage | undefined,
  find: (name: string) => VariableDefinition | undefined,
  globalFind: (name: string) => VariableDefinition | undefined,
  escape: string,
): VariableDefinition[] {
  const result: VariableDefinition[] = [];
  for (const pair of instruction.pairs ?? []) {
    const name = pair.key.value;
    const redeclares = stage && !pair.value ? globalFind(name) : undefined;
    let value: string | undefined;
    if (pair.value) value = expandValue(pair.value.raw, lookupValues(find), escape);
    else if (redeclares) value = redeclares.kind === 'predefined' ? redeclares.predefined?.example : redeclares.value;
    result.push({ name, kind: 'arg', instruction, pair, predefined: undefined, stage, value, redeclares });
  }
  return result;
}

function applyDefinitions(instruction: Instruction, stage: Stage, scope: StageScope, globals: Map<string, VariableDefinition>, escape: string): VariableDefinition[] {
  if (instruction.keyword === 'ARG') {
    const globalFind = (name: string): VariableDefinition | undefined => globals.get(name) ?? predefinedDefinitions.get(name);
    const added = argDefinitions(instruction, stage, (name) => scope.get(name), globalFind, escape);
    // ENV wins over an ARG of the same name.
    for (const definition of added) if (scope.get(definition.name)?.kind !== 'env') scope.set(definition.name, definition);
    return added;
  }
  if (instruction.keyword === 'ENV') {
    // All pairs of one ENV see the values from before the instruction.
    const before = lookupValues((name) => scope.get(name));
    const added: VariableDefinition[] = (instruction.pairs ?? []).map((pair) => ({
      name: pair.key.value,
      kind: 'env',
      instruction,
      pair,
      predefined: undefined,
      stage,
      value: pair.value ? expandValue(pair.value.raw, before, escape) : undefined,
      redeclares: undefined,
    }));
    for (const definition of added) scope.set(definition.name, definition);
    return added;
  }
  return [];
}
