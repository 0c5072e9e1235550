// The model is built stage by stage and memoised per stage: a version reuses the previous
// version's record of a stage (the same object) while the stage and what it inherits are the
// same. Each record says what is in effect at each of its instructions.
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { buildModel, type DockerfileModel, type Stage } from '../../core/src/model';
import { parseText, type ParsedText, reparseText } from '../../core/src/parser';

const BASE = [
  'ARG IMAGE=debian:12',
  'FROM ${IMAGE} AS base',
  'ENV APP=/app',
  'RUN echo one',
  'FROM base AS build',
  'RUN echo $APP',
  'FROM alpine AS other',
  'RUN echo other',
].join('\n');

/** A model of `text` built from the previous version's parse and model, as the editor does. */
function next(previous: { parsed: ParsedText; model: DockerfileModel }, text: string) {
  const parsed = reparseText(previous.parsed, text);
  return { parsed, model: buildModel(parsed.tree, { lines: parsed.lines, previous: previous.model }) };
}

function first(text: string) {
  const parsed = parseText(text);
  return { parsed, model: buildModel(parsed.tree, { lines: parsed.lines }) };
}

const same = (a: DockerfileModel, b: DockerfileModel): boolean[] => a.stages.map((stage, i) => stage === b.stages[i]);

describe('stage records are reused while the stage and what it inherits are the same', () => {
  test('an edit in a RUN makes a new record for that stage only', () => {
    const v1 = first(BASE);
    const v2 = next(v1, BASE.replace('RUN echo one', 'RUN echo uno'));
    assert.deepEqual(same(v1.model, v2.model), [false, true, true]);
    // The stage built on the edited one points at the new record.
    assert.equal(v2.model.stages[1]!.baseStage, v2.model.stages[0]);
  });

  test('a changed ENV makes the stages built on it new too, not the others', () => {
    const v1 = first(BASE);
    const v2 = next(v1, BASE.replace('ENV APP=/app', 'ENV APP=/srv'));
    assert.deepEqual(same(v1.model, v2.model), [false, false, true]);
    assert.equal(v2.model.stages[1]!.lookup('APP', v2.model.stages[1]!.instructions[1]!)?.value, '/srv');
  });

  test('a changed global ARG makes every stage new', () => {
    const v1 = first(BASE);
    const v2 = next(v1, BASE.replace('debian:12', 'debian:13'));
    assert.deepEqual(same(v1.model, v2.model), [false, false, false]);
    assert.equal(v2.model.stages[0]!.resolvedBaseImage, 'debian:13');
  });

  test('lines added above move stages without making them new; a blank line inside one does', () => {
    const v1 = first(BASE);
    const moved = next(v1, BASE.replace('FROM ${IMAGE}', '\n\nFROM ${IMAGE}'));
    assert.deepEqual(same(v1.model, moved.model), [true, true, true]);
    assert.equal(moved.model.stages[2]!.from.range.start.line, 8);
    const inside = next(moved, moved.parsed.lines.join('\n').replace('RUN echo other', '\nRUN echo other'));
    assert.deepEqual(same(moved.model, inside.model), [true, true, false]);
  });

  test('a stage that stops being shipped gets a new record', () => {
    const v1 = first(BASE);
    assert.deepEqual(
      v1.model.stages.map((stage) => stage.shipped),
      [false, false, true],
    );
    const v2 = next(v1, BASE.replace('FROM alpine AS other', 'FROM build AS other'));
    assert.deepEqual(
      v2.model.stages.map((stage) => stage.shipped),
      [true, true, true],
    );
    assert.deepEqual(same(v1.model, v2.model), [false, false, false]);
  });

  test('a fresh parse of the same text shares nothing with the previous model', () => {
    const v1 = first(BASE);
    const v2 = buildModel(parseText(BASE).tree, { previous: v1.model });
    assert.deepEqual(same(v1.model, v2), [false, false, false]);
  });
});

describe('what is in effect at each instruction', () => {
  const text = [
    'FROM debian:12 AS base',
    'SHELL ["/bin/bash", "-o", "pipefail", "-c"]',
    'WORKDIR /app',
    'USER app',
    'ENV PIP_NO_CACHE_DIR=1',
    'RUN echo \'APT::Install-Recommends "0";\' > /etc/apt/apt.conf.d/no-recommends',
    'EXPOSE 80 443/tcp',
    'ENTRYPOINT ["run"]',
    'FROM base AS child',
    'RUN true',
    'FROM scratch',
    'COPY --from=child /a /a',
  ].join('\n');
  const model = first(text).model;
  const [base, child, last] = model.stages as [Stage, Stage, Stage];

  test('a stage starts from the image defaults and changes them instruction by instruction', () => {
    const at = (index: number) => base.before(base.instructions[index]!);
    assert.deepEqual(at(1).shell, { posix: true, pipefail: false });
    assert.equal(at(1).shellSet, false);
    assert.deepEqual(at(2).shell, { posix: true, pipefail: true });
    assert.equal(at(2).workdir, undefined);
    assert.equal(at(3).workdir, '/app');
    assert.equal(at(4).user, 'app');
    assert.equal(at(5).pipNoCacheDir, true);
    assert.equal(at(5).aptInstallRecommendsConfigured, false);
    assert.equal(base.after(base.instructions[5]!).aptInstallRecommendsConfigured, true);
    assert.deepEqual(base.handsDown.exposedPorts, ['80', '443/tcp']);
    assert.equal(base.handsDown.entrypoint, true);
  });

  test('a stage built on another starts where that one ends; one built on scratch starts empty', () => {
    assert.equal(child.inherited, base.handsDown);
    const run = child.instructions[1]!;
    assert.deepEqual(
      [child.before(run).workdir, child.before(run).user, child.before(run).shell.pipefail],
      ['/app', 'app', true],
    );
    assert.equal(last.inherited.scratch, true);
    assert.equal(last.inherited.workdir, undefined);
    assert.equal(base.inherited.scratch, false);
  });

  test('scopes: own ARG and ENV from the next instruction on, ENV of the base stage, no ARG of it', () => {
    const m = first('FROM scratch AS a\nARG A=1\nENV E=$A\nRUN x\nFROM a\nARG B\nRUN y').model;
    const [a, b] = m.stages as [Stage, Stage];
    assert.equal(a.lookup('A', a.instructions[1]!), undefined);
    assert.equal(a.lookup('A', a.instructions[2]!)?.value, '1');
    assert.equal(a.lookup('E', a.instructions[3]!)?.value, '1');
    assert.equal(b.lookup('E', b.instructions[2]!)?.value, '1');
    assert.equal(b.lookup('A', b.instructions[2]!), undefined);
    assert.deepEqual([...b.scopeBefore(b.instructions[2]!).keys()], ['E', 'B']);
    assert.deepEqual(
      b.references.map((r) => `${r.reference.name}:${r.definition?.kind ?? 'undefined'}`),
      [],
    );
    assert.deepEqual(
      a.references.map((r) => `${r.reference.name}:${r.definition?.kind ?? 'undefined'}`),
      ['A:arg'],
    );
  });

  test('the instructions that set the WORKDIR chain, USER, SHELL and ENTRYPOINT, for hover', () => {
    const m = first('FROM a AS b\nWORKDIR /srv\nWORKDIR app\nUSER me\nFROM b\nWORKDIR sub\nRUN x').model;
    const child = m.stages[1]!;
    const state = child.before(child.instructions[2]!);
    const chain: number[] = [];
    for (let link = state.workdirs; link; link = link.previous) chain.push(link.instruction.range.start.line);
    assert.deepEqual(chain, [5, 2, 1]);
    assert.equal(state.userSetBy?.range.start.line, 3);
    assert.equal(base.handsDown.shellSetBy?.range.start.line, 1);
    assert.equal(base.handsDown.entrypointSetBy?.range.start.line, 7);
  });

  test('summaries are computed once per record', () => {
    let calls = 0;
    const count = (stage: Stage): number => {
      calls++;
      return stage.instructions.length;
    };
    assert.deepEqual(
      model.stages.map((stage) => stage.summary(count)),
      [8, 2, 2],
    );
    model.stages.map((stage) => stage.summary(count));
    assert.equal(calls, 3);
  });
});
