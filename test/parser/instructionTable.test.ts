// The instruction table against what the parser does with each instruction.
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import {
  flagOf,
  flagsOf,
  INSTRUCTION_KEYWORDS,
  INSTRUCTIONS,
  instructionSpec,
  parseDockerfile,
} from '../../core/src/parser';

const problemCodes = (text: string): string[] =>
  parseDockerfile(text).instructions.flatMap((i) => [...i.problems, ...(i.trigger?.problems ?? [])].map((p) => p.code));

describe('instruction table', () => {
  test('all 18 instructions, each once', () => {
    assert.equal(INSTRUCTION_KEYWORDS.length, 18);
    assert.equal(new Set(INSTRUCTION_KEYWORDS).size, 18);
    assert.deepEqual([...INSTRUCTION_KEYWORDS].sort(), INSTRUCTION_KEYWORDS);
  });

  test('flag lookups are by exact name and know nothing of Object.prototype', () => {
    assert.equal(flagOf('RUN', 'device')?.repeatable, true);
    assert.equal(flagOf('RUN', 'device')?.labs, true);
    assert.equal(flagOf('ARG', 'required')?.value, 'bool');
    assert.equal(flagOf('RUN', 'Mount'), undefined);
    assert.equal(flagOf('COPY', 'constructor'), undefined);
    assert.deepEqual(flagsOf('WORKDIR'), []);
    assert.deepEqual(flagsOf('NOPE'), []);
    assert.equal(instructionSpec('toString'), undefined);
  });

  test('needsArguments is what the parser reports as missing arguments', () => {
    for (const spec of INSTRUCTIONS) {
      if (spec.keyword === 'ONBUILD') continue;
      const reported = problemCodes(`${spec.keyword}\n`).includes('missing-arguments');
      assert.equal(reported, spec.needsArguments, spec.keyword);
    }
  });

  test('trigger is what the parser accepts after ONBUILD', () => {
    for (const spec of INSTRUCTIONS) {
      const rejected = problemCodes(`ONBUILD ${spec.keyword} x y\n`).includes('onbuild-trigger');
      // ONBUILD ONBUILD is not read further (reported on the outer ONBUILD by the rules).
      if (spec.keyword !== 'ONBUILD') assert.equal(!rejected, spec.trigger, spec.keyword);
    }
  });

  test('json is where the parser reads an exec form', () => {
    for (const spec of INSTRUCTIONS) {
      const args = spec.keyword === 'HEALTHCHECK' ? 'CMD ["a", "b"]' : '["a", "b"]';
      const instruction = parseDockerfile(`${spec.keyword} ${args}\n`).instructions[0]!;
      // HEALTHCHECK CMD reads the exec form of its command, after the CMD word.
      assert.equal(instruction.exec !== undefined, spec.json || spec.keyword === 'HEALTHCHECK', spec.keyword);
    }
  });

  test('plainForm rejected is where the parser asks for JSON; shell form only where JSON is also read', () => {
    for (const spec of INSTRUCTIONS) {
      const asked = problemCodes(`${spec.keyword} a b\n`).includes('invalid-json');
      assert.equal(asked, spec.plainForm === 'rejected', spec.keyword);
      if (spec.plainForm === 'shell') assert.ok(spec.json || spec.keyword === 'HEALTHCHECK', spec.keyword);
    }
    const shell = INSTRUCTIONS.filter((spec) => spec.plainForm === 'shell').map((spec) => spec.keyword);
    assert.deepEqual(shell, ['CMD', 'ENTRYPOINT', 'HEALTHCHECK', 'RUN']);
  });
});
