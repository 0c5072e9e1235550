// ARG and ENV definitions whose values are expanded on first use, and how a reference is
// resolved against what is visible where it is written.
import type { Instruction, KeyValue, VariableReference } from '../parser';
import { scanVariables } from '../parser/variables';
import type { ResolvedReference, Stage, VariableDefinition } from './definitions';
import { expandValue, type Lookup } from './expand';
import { PREDEFINED_ARGS, type PredefinedArg, predefinedArg } from './predefinedArgs';

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

export type Find = (name: string) => VariableDefinition | undefined;

const noDependencies = (): readonly VariableDefinition[] => [];

/** A definition whose value is expanded on first use, with the definitions visible where it was written. */
export class Definition implements VariableDefinition {
  /** 'new' until asked; 'waiting' while the values it depends on are computed; then 'done'. */
  state: 'new' | 'waiting' | 'done' = 'new';
  private cached: string | undefined;

  constructor(
    readonly name: string,
    readonly kind: VariableDefinition['kind'],
    readonly instruction: Instruction | undefined,
    readonly pair: KeyValue | undefined,
    readonly predefined: PredefinedArg | undefined,
    /** Re-pointed when a new record of the stage takes the definition over unchanged. */
    public stage: Stage | undefined,
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

/** The platform args (TARGETPLATFORM, ...), which FROM and global ARGs see without a declaration. */
export function platformDefinition(name: string): VariableDefinition | undefined {
  return predefinedArg(name)?.kind === 'platform' ? predefinedDefinitions.get(name) : undefined;
}

/** Values for expansion: a name nothing defines expands to ''; a defined name with unknown value is unknown. */
export function lookupValues(find: Find): Lookup {
  return (name) => {
    const definition = find(name);
    if (!definition) return '';
    if (definition.kind === 'predefined') return definition.predefined?.example;
    return definition.value;
  };
}

const noneSeen: Find = () => undefined;

/**
 * Resolves the instruction's references against `find`, adds them to `into`, and returns what
 * each name meant there (the definitions its values are expanded with).
 */
export function resolveReferences(
  instruction: Instruction,
  find: Find,
  stage: Stage | undefined,
  into: ResolvedReference[],
): Find {
  if (instruction.variables.length === 0) return noneSeen;
  const expandedByBuilder = BUILDER_EXPANDED.has(instruction.keyword);
  const seen = new Map<string, VariableDefinition | undefined>();
  for (const reference of instruction.variables) {
    const definition = resolveName(reference, find, expandedByBuilder);
    seen.set(reference.name, definition);
    into.push({ reference, instruction, stage, definition, expandedByBuilder });
  }
  return (name) => seen.get(name);
}

function resolveName(reference: VariableReference, find: Find, expandedByBuilder: boolean) {
  const definition = find(reference.name);
  // The shell of RUN/CMD/... also sees the proxy args the builder passes in without an
  // ARG; platform args must be declared in the stage to be set there.
  if (!definition && !expandedByBuilder && predefinedArg(reference.name)?.kind === 'proxy')
    return predefinedDefinitions.get(reference.name);
  return definition;
}

/** The definitions a written value reads: what each name it references meant there. */
function referencedIn(raw: string, visibleThere: Find, escape: string) {
  return (): VariableDefinition[] => {
    const found: VariableDefinition[] = [];
    for (const span of scanVariables(raw, 0, raw.length, escape, true)) {
      const definition = visibleThere(span.name);
      if (definition) found.push(definition);
    }
    return found;
  };
}

/** The definitions of an ARG; `global` finds what `ARG NAME` without a value takes over (in a stage). */
export function argDefinitions(
  instruction: Instruction,
  visibleThere: Find,
  global: Find | undefined,
  stage: Stage | undefined,
  escape: string,
): Definition[] {
  return (instruction.pairs ?? []).map((pair) => {
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
        referencedIn(raw, visibleThere, escape),
      );
    }
    const compute = (): string | undefined =>
      redeclares ? (redeclares.kind === 'predefined' ? redeclares.predefined?.example : redeclares.value) : undefined;
    return new Definition(name, 'arg', instruction, pair, undefined, stage, redeclares, compute, () =>
      redeclares ? [redeclares] : [],
    );
  });
}

/** The definitions of an ENV: all its pairs see the values from before the instruction. */
export function envDefinitions(
  instruction: Instruction,
  visibleThere: Find,
  stage: Stage,
  escape: string,
): Definition[] {
  return (instruction.pairs ?? []).map((pair) => {
    const raw = pair.value?.raw;
    return new Definition(
      pair.key.value,
      'env',
      instruction,
      pair,
      undefined,
      stage,
      undefined,
      raw !== undefined ? () => expandValue(raw, lookupValues(visibleThere), escape) : () => undefined,
      raw !== undefined ? referencedIn(raw, visibleThere, escape) : noDependencies,
    );
  });
}
