// Turns Dockerfile text into the outline the docker features use, through the shared parser
// (core's parser is pure and bundled into the client). This is the only place the client
// reads the parser's syntax tree.
import { parseDockerfile, type Instruction } from '../../../core/src/forClient';
import { outlineFromInstructions, type DockerfileOutline, type InstructionSource } from './dockerfileOutline';

function wordsOf(instruction: Instruction): string[] {
  if (instruction.keyword === 'ARG' && instruction.pairs !== undefined) {
    // `name=default` or a bare `name`, so the outline can tell which ARGs have defaults.
    return instruction.pairs.map((pair) =>
      pair.value === undefined ? pair.key.value : `${pair.key.value}=${pair.value.value}`,
    );
  }
  return instruction.args.map((word) => word.value);
}

function sourceOf(instruction: Instruction): InstructionSource {
  const flags: Record<string, string> = {};
  for (const flag of instruction.flags) flags[flag.name.toLowerCase()] = flag.value ?? '';
  return {
    keyword: instruction.keyword,
    argumentText: instruction.argsText,
    words: wordsOf(instruction),
    flags,
    ports: instruction.ports?.map((port) => ({ port: port.port.value, protocol: port.protocol })),
    startLine: instruction.range.start.line,
    endLine: instruction.range.end.line,
  };
}

export function outlineDockerfile(text: string): DockerfileOutline {
  return outlineFromInstructions(parseDockerfile(text).instructions.map(sourceOf));
}
