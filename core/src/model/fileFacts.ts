// What a stage rule may read besides its own stage: facts of the whole file that rarely change
// while typing. The engine reuses one FileFacts object while they stay the same, and re-runs
// every stage rule when it has to make a new one.
import type { BuildContext } from '../context/buildContext';
import type { VariableDefinition } from './definitions';
import { expandValue } from './expand';
import { buildModel } from './model';
import { predefinedArg } from './predefinedArgs';
import { sameItems } from '../sameItems';
import type { Directive, Dockerfile, Instruction } from '../parser';

export interface FileFacts {
  escapeChar: string;
  directives: readonly Directive[];
  /** ARG and other instructions before the first FROM. */
  globalInstructions: readonly Instruction[];
  /** The ARGs declared before the first FROM, with their values. */
  globalArgs: readonly VariableDefinition[];
  /** The files around the Dockerfile; undefined for untitled documents. */
  buildContext: BuildContext | undefined;
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
  // The global scope is what the model makes of the instructions before the first FROM.
  const { globalArgs } = buildModel({ ...tree, instructions: globalInstructions });
  // The definitions, not their values: a value is expanded only when an image names it.
  const byName = new Map(globalArgs.map((definition) => [definition.name, definition]));
  const lookup = (name: string): string | undefined => {
    const definition = byName.get(name);
    if (definition) return definition.value;
    const predefined = predefinedArg(name);
    return predefined?.kind === 'platform' ? predefined.example : '';
  };
  return {
    escapeChar: tree.escapeChar,
    directives: tree.directives,
    globalInstructions,
    globalArgs,
    buildContext,
    resolveImage: (raw) => (raw.includes('$') ? expandValue(raw, lookup, tree.escapeChar) : raw),
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
