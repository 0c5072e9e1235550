// A look-up in the ENV a stage inherits walks up the chain of `FROM <stage>` stages and keeps its
// answer at some of the links it passed (stageState.ts: the asking link and every 16th one), so
// a later look-up from another link may stop at such a memo: the answer must be the same whichever
// stages asked before, and in whichever order.
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { buildModel, type DockerfileModel } from '../../core/src/model';
import { parseText } from '../../core/src/parser';

const STAGES = 70;

/** Stages that each build on the one before; stage n sets `NAME_n`, and every fifth one sets `SHARED`. */
function chainText(): string {
  const lines = ['FROM scratch AS stage0', 'ENV SHARED=0 NAME_0=0'];
  for (let n = 1; n < STAGES; n++) {
    lines.push(`FROM stage${n - 1} AS stage${n}`, `ENV NAME_${n}=${n}`);
    if (n % 5 === 0) lines.push(`ENV SHARED=${n}`);
  }
  return `${lines.join('\n')}\n`;
}

const model = (): DockerfileModel => buildModel(parseText(chainText()).tree);

/** What stage `index` inherits for `name`, worked out from how chainText builds the file. */
function expected(index: number, name: string): string | undefined {
  if (index === 0) return undefined;
  if (name === 'SHARED') return String(Math.floor((index - 1) / 5) * 5);
  const n = Number(name.slice('NAME_'.length));
  return name.startsWith('NAME_') && n < index ? String(n) : undefined;
}

const found = (built: DockerfileModel, index: number, name: string): string | undefined =>
  built.stages[index]!.inherited.env.find(name)?.value;

describe('inherited ENV look-ups', () => {
  const names = ['SHARED', 'MISSING', 'NAME_0', 'NAME_17', 'NAME_33', 'NAME_68'];

  test('give each stage what the stages above it set, asked from the bottom up', () => {
    const built = model();
    for (let index = 0; index < STAGES; index++)
      for (const name of names) assert.equal(found(built, index, name), expected(index, name), `${name} @${index}`);
  });

  test('are the same whichever stages asked before (memos above and below the asking stage)', () => {
    const built = model();
    // Deep stages first (memos on the way up), then stages between, above and below them, twice.
    const order = [69, 3, 48, 16, 17, 32, 33, 64, 1, 47, 18, 69, 0, 34, 15, 50, 49, 31, 2, 65];
    for (const index of [...order, ...order])
      for (const name of names) assert.equal(found(built, index, name), expected(index, name), `${name} @${index}`);
    for (let index = STAGES - 1; index >= 0; index--)
      for (const name of names) assert.equal(found(built, index, name), expected(index, name), `${name} @${index}`);
  });
});
