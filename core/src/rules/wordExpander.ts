// Expands a word of a stage's instruction with the ARG and ENV values the model knows there.
// A name the stage does not define may come from the base image's environment, so its value is
// unknown (not empty).
import type { Instruction, WordExpander } from '../parser';
import { expandValue, type Stage } from '../model';

export function stageWordExpander(stage: Stage, instruction: Instruction, escape: string): WordExpander {
  const lookup = (name: string): string | undefined => {
    const definition = stage.lookup(name, instruction);
    return definition?.kind === 'predefined' ? undefined : definition?.value;
  };
  return (raw) => expandValue(raw, lookup, escape);
}
