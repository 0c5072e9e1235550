// What every stage inherits from the file: the escape character, the directives, the global
// ARGs and the build context. One FileFacts object is reused while they stay the same, so stage
// records (and whatever is kept with them) stay valid; a new one makes every stage new.
import type { BuildContext } from '../context/buildContext';
import type { Directive, Dockerfile, Instruction } from '../parser';
import { sameItems } from '../sameItems';
import type { ResolvedReference, VariableDefinition } from './definitions';
import { expandValue } from './expand';
import { argDefinitions, type Find, lookupValues, platformDefinition, resolveReferences } from './variableDefinition';

export interface FileFacts {
  escapeChar: string;
  directives: readonly Directive[];
  /** ARG and other instructions before the first FROM. */
  globalInstructions: readonly Instruction[];
  /** The ARGs declared before the first FROM, with their values. */
  globalArgs: readonly VariableDefinition[];
  /** The references in the instructions before the first FROM. */
  globalReferences: readonly ResolvedReference[];
  /** The files around the Dockerfile; undefined for untitled documents. */
  buildContext: BuildContext | undefined;
  /** What a name means in FROM: a global ARG or a platform arg. */
  findGlobal: Find;
  /** A FROM image with the global ARG defaults (and platform examples) expanded; undefined when a value is unknown. */
  resolveImage(raw: string): string | undefined;
}

/** The facts of `tree`; `previous` is returned as is when nothing it was made from changed. */
export function fileFacts(
  tree: Dockerfile,
  buildContext: BuildContext | undefined,
  previous: FileFacts | undefined,
): FileFacts {
  const firstFrom = tree.instructions.findIndex((instruction) => instruction.keyword === 'FROM');
  const globalInstructions = firstFrom < 0 ? tree.instructions : tree.instructions.slice(0, firstFrom);
  if (previous && sameInputs(previous, tree, globalInstructions, buildContext)) return previous;
  const escape = tree.escapeChar;
  const byName = new Map<string, VariableDefinition>();
  const globalArgs: VariableDefinition[] = [];
  const globalReferences: ResolvedReference[] = [];
  const findGlobal: Find = (name) => byName.get(name) ?? platformDefinition(name);
  // Before the first FROM only ARG is allowed; its ARGs form the global scope.
  for (const instruction of globalInstructions) {
    const visible = resolveReferences(instruction, findGlobal, undefined, globalReferences);
    if (instruction.keyword !== 'ARG') continue;
    for (const definition of argDefinitions(instruction, visible, undefined, undefined, escape)) {
      byName.set(definition.name, definition);
      globalArgs.push(definition);
    }
  }
  const lookup = lookupValues(findGlobal);
  return {
    escapeChar: escape,
    directives: tree.directives,
    globalInstructions,
    globalArgs,
    globalReferences,
    buildContext,
    findGlobal,
    resolveImage: (raw) => (raw.includes('$') ? expandValue(raw, lookup, escape) : raw),
  };
}

function sameInputs(
  facts: FileFacts,
  tree: Dockerfile,
  globalInstructions: readonly Instruction[],
  buildContext: BuildContext | undefined,
): boolean {
  return (
    facts.escapeChar === tree.escapeChar &&
    facts.buildContext === buildContext &&
    sameItems(facts.globalInstructions, globalInstructions) &&
    facts.directives.length === tree.directives.length &&
    facts.directives.every(
      (directive, i) => directive.name === tree.directives[i]!.name && directive.value === tree.directives[i]!.value,
    )
  );
}
