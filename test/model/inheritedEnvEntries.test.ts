// The ENV a stage inherits, listed by `entries()`, is kept per link of the chain once asked, and
// built from the nearest link above that has it: the answer must be the same whichever stages
// were asked first, in the same order (oldest name first, a later definition in place).
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { buildModel, type DockerfileModel } from '../../core/src/model';
import { parseText } from '../../core/src/parser';

/** Stages that each build on the one before; stage n sets `NAME_n`, and every third one sets `SHARED`. */
function chainText(stages: number): string {
  const lines = ['FROM debian:12 AS stage0', 'ENV SHARED=0 NAME_0=0'];
  for (let n = 1; n < stages; n++) {
    lines.push(`FROM stage${n - 1} AS stage${n}`, `ENV NAME_${n}=${n}`);
    if (n % 3 === 0) lines.push(`ENV SHARED=${n}`);
  }
  return `${lines.join('\n')}\n`;
}

const model = (text: string): DockerfileModel => buildModel(parseText(text).tree);

/** Each stage's inherited ENV as `name=value` in `entries()` order. */
const inherited = (built: DockerfileModel, index: number): string[] =>
  [...built.stages[index]!.inherited.env.entries()].map(([name, definition]) => `${name}=${definition.value}`);

describe('inherited ENV entries', () => {
  test('list every name of the chain, oldest first, with the last value of each', () => {
    const built = model(chainText(8));
    assert.deepEqual(inherited(built, 0), []);
    assert.deepEqual(inherited(built, 4), ['SHARED=3', 'NAME_0=0', 'NAME_1=1', 'NAME_2=2', 'NAME_3=3']);
  });

  test('are the same whichever stages were asked before', () => {
    const text = chainText(40);
    const fresh = model(text);
    const expected = fresh.stages.map((_, index) => inherited(model(text), index));
    // Ask in an order that leaves links asked above and below each other, twice each.
    const order = [20, 5, 21, 39, 6, 0, 33, 20, 1, 38, 12, 5];
    for (const index of order) assert.deepEqual(inherited(fresh, index), expected[index], `stage ${index}`);
    for (let index = 0; index < 40; index++) assert.deepEqual(inherited(fresh, index), expected[index]);
  });

  test('are a copy: changing one does not change the next answer', () => {
    const built = model(chainText(5));
    const first = built.stages[3]!.inherited.env.entries();
    first.delete('NAME_0');
    first.set('ADDED', first.get('SHARED')!);
    assert.deepEqual(inherited(built, 3), ['SHARED=0', 'NAME_0=0', 'NAME_1=1', 'NAME_2=2']);
  });

  test('a stage scope sees the inherited ENV over its own ARG of the same name', () => {
    const built = model('FROM debian:12 AS base\nENV A=env\nFROM base\nARG A=arg\nRUN echo $A\n');
    const run = built.tree.instructions[4]!;
    assert.equal(built.scopeBefore(run).get('A')?.value, 'env');
    assert.equal(built.scopeBefore(run).get('A')?.kind, 'env');
  });
});
