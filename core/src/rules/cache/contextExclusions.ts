// What a .dockerignore should leave out of this build context: version-control data,
// installed dependencies and build output that exist in the context root.
import { join } from 'node:path';
import type { BuildContext } from '../../context/buildContext';
import { copyFacts } from '../../cache';
import type { Instruction } from '../../parser';
import type { Stage } from '../../model';

interface Candidate {
  entry: string;
  /** Suggested when the folder exists and one of these files does too (or always, when empty). */
  whenAny: readonly string[];
  /** Suggested even when the folder does not exist yet (it will after a local install). */
  evenIfAbsent?: boolean;
}

const JS = ['package.json'];
const PYTHON = ['requirements.txt', 'pyproject.toml', 'setup.py', 'Pipfile'];
const CANDIDATES: readonly Candidate[] = [
  { entry: '.git', whenAny: [] },
  { entry: 'node_modules', whenAny: JS, evenIfAbsent: true },
  { entry: 'dist', whenAny: JS },
  { entry: 'build', whenAny: [...JS, 'build.gradle', 'build.gradle.kts'] },
  { entry: '.next', whenAny: JS },
  { entry: 'coverage', whenAny: JS },
  { entry: 'target', whenAny: ['Cargo.toml', 'pom.xml'] },
  { entry: '.gradle', whenAny: ['build.gradle', 'build.gradle.kts'] },
  { entry: 'bin', whenAny: ['*.csproj'] },
  { entry: 'obj', whenAny: ['*.csproj'] },
  { entry: '__pycache__', whenAny: PYTHON },
  { entry: '.venv', whenAny: PYTHON },
  { entry: 'venv', whenAny: PYTHON },
  { entry: '.pytest_cache', whenAny: PYTHON },
];

/** Entries the context should exclude but does not, in a stable order. */
export function missingExclusions(context: BuildContext): string[] {
  // One stat per named entry; only `*.csproj` needs the names of the root (read at once, bounded).
  const has = (name: string): boolean =>
    name.startsWith('*')
      ? [...context.topLevelEntries().entries.keys()].some((e) => e.endsWith(name.slice(1)))
      : context.kindOf(name) === 'file';
  const present = (c: Candidate): boolean => {
    const kind = context.kindOf(c.entry);
    return kind === 'directory' || (c.evenIfAbsent === true && kind === 'absent');
  };
  return CANDIDATES.filter(
    (c) => present(c) && (c.whenAny.length === 0 || c.whenAny.some(has)) && !context.isIgnored(c.entry),
  ).map((c) => c.entry);
}

/** The first COPY/ADD that sends the whole build context into the image. */
export function firstBroadCopy(stages: readonly Stage[]): Instruction | undefined {
  for (const stage of stages) {
    // Kept with the stage's record (the instruction's positions follow the tree), so an edit walks only new stages.
    const found = stage.summary(broadCopyOf);
    if (found) return found;
  }
  return undefined;
}

function broadCopyOf(stage: Stage): Instruction | undefined {
  for (const instruction of stage.instructions)
    if ((instruction.keyword === 'COPY' || instruction.keyword === 'ADD') && copyFacts(instruction).broad)
      return instruction;
  return undefined;
}

export function dockerignorePathFor(context: BuildContext): string {
  return context.dockerignorePath ?? join(context.root, '.dockerignore');
}
