import assert from 'node:assert/strict';
import { before, describe, test } from 'node:test';
import { type Instruction, parseDockerfile, parseText, reparseText, wordOffsetMapper } from '../../core/src/parser';
import { initShellParser, parseScript, runShell } from '../../core/src/shell';
import { showRange } from '../helpers/show';

before(() => initShellParser());

const run = (text: string): Instruction => parseDockerfile(text).instructions.find((i) => i.keyword === 'RUN')!;
const commands = (text: string): string[] =>
  runShell(run(text))!.commands.map(
    (c) =>
      `${c.name.value}@${showRange(c.range)}${c.before ? ` <${c.before}` : ''}${c.after ? ` ${c.after}>` : ''}` +
      `${c.inPipeline ? ' P' : ''}${c.inSubshell ? ' S' : ''}${c.inControlFlow ? ' C' : ''}`,
  );

describe('shell script view', () => {
  test('operators, pipelines, subshells, control flow and substitutions', () => {
    const parsed = parseScript(
      'set -eu; a && (cd x && make) | tee log || true\nif c; then d; fi &\nx=$(curl -s u | sh)',
    );
    assert.ok(parsed.ok);
    const view = parsed.script.commands.map((c) => [
      c.name.value,
      c.before,
      c.after,
      c.inPipeline,
      c.inSubshell,
      c.inControlFlow,
      c.inSubstitution,
    ]);
    assert.deepEqual(view, [
      ['set', undefined, ';', false, false, false, false],
      ['a', ';', '&&', false, false, false, false],
      ['cd', '&&', '&&', true, true, false, false],
      ['make', '&&', '|', true, true, false, false],
      ['tee', '|', '||', true, false, false, false],
      ['true', '||', ';', false, false, false, false],
      ['c', ';', ';', false, false, true, false],
      ['d', ';', '&', false, false, true, false],
      ['curl', undefined, '|', true, true, false, true],
      ['sh', '|', undefined, true, true, false, true],
    ]);
    assert.deepEqual(
      parsed.script.pipelines.map((p) => [p.length, p.inSubstitution]),
      [
        [2, false],
        [2, true],
      ],
    );
  });

  test('literal values after quote removal; expansions have none', () => {
    const parsed = parseScript(`echo 'a b' "c\\$d" e\\ f "$V" x"y"z`);
    assert.ok(parsed.ok);
    assert.deepEqual(
      parsed.script.commands[0]!.args.map((a) => a.value),
      ['a b', 'c$d', 'e f', undefined, 'xyz'],
    );
  });

  test('pipefail: set -o pipefail, combined flags, +o, and subshells that do not leak', () => {
    const parsed = parseScript('a | b; (set -o pipefail); c | d; set -euxo pipefail; e | f; set +o pipefail; g | h');
    assert.ok(parsed.ok);
    assert.deepEqual(
      parsed.script.pipelines.map((p) => p.pipefail),
      [false, false, true, false],
    );
  });

  test('a pipeline after a redirect keeps `|` tighter than `&&`', () => {
    const parsed = parseScript('a && b > /dev/null && find . | sort | xargs -r c && d');
    assert.ok(parsed.ok);
    assert.deepEqual(
      parsed.script.pipelines.map((p) => p.length),
      [3],
    );
    assert.deepEqual(
      parsed.script.commands.filter((c) => c.inPipeline).map((c) => c.name.value),
      ['find', 'sort', 'xargs'],
    );
  });

  test('a syntax error gives no view', () => {
    assert.equal(parseScript('echo "unterminated').ok, false);
    assert.equal(parseScript('if then fi (').ok, false);
  });
});

describe('RUN shell view ranges', () => {
  test('ranges map back through continuation lines and skipped comment lines', () => {
    assert.deepEqual(
      commands('FROM a\nRUN apt-get update \\\n# note\n\n    && apt-get install -y x \\\n  && rm -rf /x'),
      ['apt-get@1:4-1:18 &&>', 'apt-get@4:7-4:27 <&& &&>', 'rm@5:5-5:14 <&&'],
    );
  });

  test('a word split by a continuation spans both lines', () => {
    const instruction = run('FROM a\nRUN echo ab\\\ncd');
    const word = runShell(instruction)!.commands[0]!.args[0]!;
    assert.equal(word.value, 'abcd');
    assert.equal(showRange(word.range), '1:9-2:2');
    const mapper = wordOffsetMapper(instruction, instruction.rest!);
    assert.equal(showRange(mapper.range(5, 7)), '1:9-1:11');
    assert.equal(showRange(mapper.range(7, 9)), '2:0-2:2');
  });

  test('UTF-16 columns after non-ASCII text', () => {
    assert.deepEqual(commands('FROM a\nRUN echo 한글 && sudo x'), ['echo@1:4-1:11 &&>', 'sudo@1:15-1:21 <&&']);
  });

  test('RUN <<EOF: the body is the script, mapped to its lines (tabs of <<- included)', () => {
    assert.deepEqual(commands('FROM a\nRUN <<EOF\napt-get update\n  apt-get install x\nEOF'), [
      'apt-get@2:0-2:14 ;>',
      'apt-get@3:2-3:19 <;',
    ]);
    assert.deepEqual(commands('FROM a\nRUN <<-EOF\n\t\tsudo x\n\tEOF'), ['sudo@2:2-2:8']);
  });

  test('a heredoc body with a non-shell shebang is not read', () => {
    assert.deepEqual(commands('FROM a\nRUN <<EOF\n#!/usr/bin/env python3\nprint(1)\nEOF'), []);
    assert.deepEqual(commands('FROM a\nRUN <<EOF\n#!/bin/bash\nsudo x\nEOF'), ['sudo@3:0-3:6']);
  });

  test('a heredoc read by a command is data, but the command line is read', () => {
    assert.deepEqual(commands('FROM a\nRUN cat <<EOF > /x && sudo y\nsudo z\nEOF'), [
      'cat@1:4-1:7 &&>',
      'sudo@1:22-1:28 <&&',
    ]);
  });

  test('exec form and other instructions have no shell view', () => {
    assert.equal(runShell(run('FROM a\nRUN ["sudo", "x"]')), undefined);
    assert.equal(runShell(parseDockerfile('FROM a').instructions[0]!), undefined);
  });

  test('cached per instruction, and moved when lines are added above', () => {
    const first = parseText('FROM a\nRUN sudo x');
    const instruction = first.tree.instructions[1]!;
    const view = runShell(instruction)!;
    assert.equal(runShell(instruction), view);
    const second = reparseText(first, 'FROM a\n# comment\nRUN sudo x');
    assert.equal(second.tree.instructions[1], instruction);
    assert.equal(showRange(runShell(instruction)!.commands[0]!.range), '2:4-2:10');
  });
});
