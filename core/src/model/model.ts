// The semantic model of a Dockerfile: stages, ARG/ENV scopes and what each reference means.
// Built in one linear pass on every document version, so it avoids copying scopes (a stage
// looks names up through the stage it builds on) and computes values only when asked.
import type { Dockerfile, Instruction, KeyValue } from '../parser';
import { scanVariables } from '../parser/variables';
import type { ResolvedReference, Stage, VariableDefinition } from './definitions';
import { expandValue, type Lookup } from './expand';
import { PREDEFINED_ARGS, type PredefinedArg, predefinedArg } from './predefinedArgs';
import { StageScope } from './stageScope';

/** Instructions whose arguments the builder expands (elsewhere the shell or nobody does). */
export const BUILDER_EXPANDED: ReadonlySet<string> = new Set([
  'ADD',
  'ARG',
  'COPY',
  'ENV',
  'EXPOSE',
  'FROM',
  'LABEL',
  'STOPSIGNAL',
  'USER',
  'VOLUME',
  'WORKDIR',
]);

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

type Find = (name: string) => VariableDefinition | undefined;

const noDependencies = (): readonly VariableDefinition[] => [];

/** A definition whose value is expanded on first use, with the definitions visible where it was written. */
class Definition implements VariableDefinition {
  /** 'new' until asked; 'waiting' while the values it depends on are computed; then 'done'. */
  state: 'new' | 'waiting' | 'done' = 'new';
  private cached: string | undefined;

  constructor(
    readonly name: string,
    readonly kind: VariableDefinition['kind'],
    readonly instruction: Instruction | undefined,
    readonly pair: KeyValue | undefined,
    readonly predefined: PredefinedArg | undefined,
    readonly stage: Stage | undefined,
    readonly redeclares: VariableDefinition | undefined,
    private readonly compute: () => string | undefined,
    /** The definitions whose values `compute` reads (found when the value is first asked). */
    readonly dependencies: () => readonly VariableDefinition[] = noDependencies,
  ) {}

  /** Undefined while its own dependencies are being computed (only a cycle would ask then). */
  get value(): string | undefined {
    if (this.state === 'new') evaluate(this);
    return this.cached;
  }

  /** Computes the value once every dependency is done. */
  finish(): void {
    this.cached = this.compute();
    this.state = 'done';
  }

  toJSON(): object {
    return { name: this.name, kind: this.kind, value: this.value };
  }
}

/**
 * Computes `target`'s value after the values it depends on, with an explicit stack. A value is
 * made from the values of earlier definitions; asking for them from inside `compute` would
 * recurse once per link (3,000 ARGs each naming the one before overflowed the stack).
 */
function evaluate(target: Definition): void {
  const stack: Definition[] = [target];
  while (stack.length > 0) {
    const top = stack[stack.length - 1]!;
    if (top.state === 'new') {
      top.state = 'waiting';
      for (const dependency of top.dependencies())
        if (dependency instanceof Definition && dependency.state === 'new') stack.push(dependency);
      continue;
    }
    stack.pop();
    // Everything pushed above it is done now (a copy pushed twice is already done).
    if (top.state === 'waiting') top.finish();
  }
}

const predefinedDefinitions = new Map<string, VariableDefinition>(
  PREDEFINED_ARGS.map((arg) => [
    arg.name,
    new Definition(arg.name, 'predefined', undefined, undefined, arg, undefined, undefined, () => undefined),
  ]),
);

export function predefinedDefinition(name: string): VariableDefinition | undefined {
  return predefinedDefinitions.get(name);
}

function platformDefinition(name: string): VariableDefinition | undefined {
  return predefinedArg(name)?.kind === 'platform' ? predefinedDefinitions.get(name) : undefined;
}

/** Values for expansion: a name nothing defines expands to ''; a defined name with unknown value is unknown. */
function lookupValues(find: Find): Lookup {
  return (name) => {
    const definition = find(name);
    if (!definition) return '';
    if (definition.kind === 'predefined') return definition.predefined?.example;
    return definition.value;
  };
}

export function buildModel(tree: Dockerfile): DockerfileModel {
  const escape = tree.escapeChar;
  const globals = new Map<string, VariableDefinition>();
  const globalArgs: VariableDefinition[] = [];
  const definitions: VariableDefinition[] = [];
  const references: ResolvedReference[] = [];
  const stages: Stage[] = [];
  const stagesByName = new Map<string, Stage>();
  const stageByInstruction = new Map<Instruction, Stage>();
  const scopes = new Map<Stage, StageScope>();
  const envNames = new Set<string>();
  let stage: Stage | undefined;
  let scope: StageScope | undefined;

  const globalFind: Find = (name) => globals.get(name) ?? platformDefinition(name);

  /** Resolves the instruction's references against `find` and returns what each name meant there. */
  const noneSeen: Find = () => undefined;
  const resolve = (instruction: Instruction, find: Find): Find => {
    if (instruction.variables.length === 0) return noneSeen;
    const expandedByBuilder = BUILDER_EXPANDED.has(instruction.keyword);
    const seen = new Map<string, VariableDefinition | undefined>();
    for (const reference of instruction.variables) {
      let definition = find(reference.name);
      // The shell of RUN/CMD/... also sees the proxy args the builder passes in without an
      // ARG; platform args must be declared in the stage to be set there.
      if (!definition && !expandedByBuilder && predefinedArg(reference.name)?.kind === 'proxy')
        definition = predefinedDefinitions.get(reference.name);
      seen.set(reference.name, definition);
      references.push({ reference, instruction, stage, definition, expandedByBuilder });
    }
    return (name) => seen.get(name);
  };

  /** The definitions a written value reads: what each name it references meant there. */
  const referencedIn = (raw: string, visibleThere: Find) => (): VariableDefinition[] => {
    const found: VariableDefinition[] = [];
    for (const span of scanVariables(raw, 0, raw.length, escape, true)) {
      const definition = visibleThere(span.name);
      if (definition) found.push(definition);
    }
    return found;
  };

  const argDefinitions = (
    instruction: Instruction,
    visibleThere: Find,
    global: Find | undefined,
  ): VariableDefinition[] =>
    (instruction.pairs ?? []).map((pair) => {
      const name = pair.key.value;
      const redeclares = global && !pair.value ? global(name) : undefined;
      if (pair.value) {
        const raw = pair.value.raw;
        return new Definition(
          name,
          'arg',
          instruction,
          pair,
          undefined,
          stage,
          redeclares,
          () => expandValue(raw, lookupValues(visibleThere), escape),
          referencedIn(raw, visibleThere),
        );
      }
      const compute = (): string | undefined =>
        redeclares ? (redeclares.kind === 'predefined' ? redeclares.predefined?.example : redeclares.value) : undefined;
      return new Definition(name, 'arg', instruction, pair, undefined, stage, redeclares, compute, () =>
        redeclares ? [redeclares] : [],
      );
    });

  for (const instruction of tree.instructions) {
    if (instruction.keyword === 'FROM') {
      const stageIndex = stages.length;
      stage = undefined;
      const visibleInFrom = resolve(instruction, globalFind);
      const baseImage = instruction.image?.raw ?? '';
      const resolvedBaseImage = expandValue(baseImage, lookupValues(visibleInFrom), escape);
      const baseStage = stagesByName.get((resolvedBaseImage ?? baseImage).toLowerCase());
      stage = {
        index: stageIndex,
        name: instruction.stageName?.value.toLowerCase(),
        from: instruction,
        instructions: [instruction],
        baseImage,
        resolvedBaseImage,
        baseStage,
        range: instruction.range,
      };
      // References in FROM belong to the stage it starts.
      for (let i = references.length - 1; i >= 0 && references[i]!.instruction === instruction; i--)
        references[i]!.stage = stage;
      stages.push(stage);
      if (stage.name !== undefined && !stagesByName.has(stage.name)) stagesByName.set(stage.name, stage);
      stageByInstruction.set(instruction, stage);
      scope = new StageScope(baseStage ? scopes.get(baseStage) : undefined, envNames);
      scopes.set(stage, scope);
      continue;
    }
    if (!stage || !scope) {
      // Before the first FROM only ARG is allowed; its ARGs form the global scope.
      const visible = resolve(instruction, globalFind);
      if (instruction.keyword === 'ARG') {
        for (const definition of argDefinitions(instruction, visible, undefined)) {
          globals.set(definition.name, definition);
          globalArgs.push(definition);
          definitions.push(definition);
        }
      }
      continue;
    }
    stage.instructions.push(instruction);
    stageByInstruction.set(instruction, stage);
    const current = scope;
    const visible = resolve(instruction, (name) => current.find(name));
    if (instruction.keyword === 'ARG') {
      const global: Find = (name) => globals.get(name) ?? predefinedDefinitions.get(name);
      for (const definition of argDefinitions(instruction, visible, global)) {
        definitions.push(definition);
        // ENV wins over an ARG of the same name.
        if (current.find(definition.name)?.kind !== 'env') current.define(definition);
      }
    } else if (instruction.keyword === 'ENV') {
      // All pairs of one ENV see the values from before the instruction.
      for (const pair of instruction.pairs ?? []) {
        const raw = pair.value?.raw;
        const compute = raw !== undefined ? () => expandValue(raw, lookupValues(visible), escape) : () => undefined;
        const definition = new Definition(
          pair.key.value,
          'env',
          instruction,
          pair,
          undefined,
          stage,
          undefined,
          compute,
          raw !== undefined ? referencedIn(raw, visible) : noDependencies,
        );
        definitions.push(definition);
        current.define(definition);
      }
    }
  }

  // A stage runs from its FROM to its last instruction.
  for (const each of stages)
    each.range = { start: each.from.range.start, end: each.instructions[each.instructions.length - 1]!.range.end };

  const findStage = (nameOrIndex: string): Stage | undefined => {
    const named = stagesByName.get(nameOrIndex.toLowerCase());
    if (named) return named;
    return /^\d+$/.test(nameOrIndex) ? stages[Number(nameOrIndex)] : undefined;
  };

  const scopeBefore = (instruction: Instruction): ReadonlyMap<string, VariableDefinition> => {
    const owner = stageByInstruction.get(instruction);
    const line = instruction.range.start.line;
    const visible = new Map<string, VariableDefinition>();
    if (!owner || instruction.keyword === 'FROM') {
      for (const arg of PREDEFINED_ARGS)
        if (arg.kind === 'platform') visible.set(arg.name, predefinedDefinitions.get(arg.name)!);
      for (const definition of globalArgs) {
        if (definition.instruction && definition.instruction.range.start.line >= line) break;
        visible.set(definition.name, definition);
      }
      return visible;
    }
    for (const [name, definition] of scopes.get(owner)!.inheritedEnv()) visible.set(name, definition);
    for (const definition of definitions) {
      if (definition.stage !== owner || !definition.instruction) continue;
      if (definition.instruction.range.start.line >= line) break;
      if (definition.kind === 'env' || visible.get(definition.name)?.kind !== 'env')
        visible.set(definition.name, definition);
    }
    return visible;
  };

  return {
    tree,
    stages,
    globalArgs,
    definitions,
    references,
    stageOf: (i) => stageByInstruction.get(i),
    findStage,
    scopeBefore,
  };
}
