// UndefinedVar follows ARG/ENV names stage by stage without the model, so that an edit re-checks
// one stage. Its idea of what is defined must stay the model's: here the model's resolution is
// the oracle, on the corpus and on random edits of a multi-stage file.
import assert from 'node:assert/strict';
import { before, test } from 'node:test';
import fc from 'fast-check';
import { buildModel, type ResolvedReference, type Stage } from '../../core/src/model';
import { parseText } from '../../core/src/parser';
import { comparePositions, rangeWithin } from '../../core/src/rules/support';
import { initShellParser } from '../../core/src/shell';
import { corpusFiles } from '../helpers/corpus';
import { findingsOf } from '../helpers/rules';
import { showRange } from '../helpers/show';
import { spliceText } from '../helpers/splice';

before(() => initShellParser());

const HANDLES_UNSET = new Set([':-', '-', ':+', '+', ':?', '?']);
const ALWAYS_DEFINED = new Set(['PATH', 'BUILDKIT_SBOM_SCAN_CONTEXT', 'BUILDKIT_SBOM_SCAN_STAGE']);

function rootIsScratch(stage: Stage): boolean {
  let root = stage;
  while (root.baseStage) root = root.baseStage;
  return (root.resolvedBaseImage ?? root.baseImage).toLowerCase() === 'scratch';
}

/** The references the model leaves undefined where the builder expands them: what UndefinedVar may report. */
function undefinedByModel(text: string): { certain: Set<string>; possible: Set<string> } {
  const model = buildModel(parseText(text).tree);
  const certain = new Set<string>();
  const possible = new Set<string>();
  for (const resolved of model.references as ResolvedReference[]) {
    const { reference, instruction, stage, definition } = resolved;
    if (
      definition ||
      !stage ||
      reference.inHeredoc ||
      reference.malformed ||
      reference.name === '' ||
      instruction.keyword === 'FROM'
    )
      continue;
    if (ALWAYS_DEFINED.has(reference.name) || (reference.modifier && HANDLES_UNSET.has(reference.modifier))) continue;
    const expanded =
      resolved.expandedByBuilder ||
      (instruction.keyword === 'RUN' && instruction.flags.some((flag) => rangeWithin(reference.range, flag.range)));
    if (!expanded) continue;
    // `ARG A=1 B=$A`: the builder has A by then, though the model resolves the ARG as a whole.
    if (
      instruction.keyword === 'ARG' &&
      (instruction.pairs ?? []).some(
        (pair) => pair.key.value === reference.name && comparePositions(pair.range.end, reference.range.start) <= 0,
      )
    )
      continue;
    const key = `UndefinedVar@${showRange(reference.range)}`;
    // On a scratch chain every undefined name is reported; elsewhere only likely typos are.
    (rootIsScratch(stage) ? certain : possible).add(key);
  }
  return { certain, possible };
}

function assertAgrees(text: string, label: string): void {
  const { certain, possible } = undefinedByModel(text);
  const reported = findingsOf(text, 'UndefinedVar');
  for (const key of reported)
    assert.ok(certain.has(key) || possible.has(key), `${label}: ${key} is defined per the model\n${text}`);
  for (const key of certain)
    assert.ok(reported.includes(key), `${label}: ${key} is undefined per the model but not reported\n${text}`);
}

test('UndefinedVar agrees with the model on every corpus file', () => {
  for (const file of corpusFiles()) assertAgrees(file.text, file.name);
});

const sample = [
  'ARG GLOBAL=1',
  'FROM scratch AS base',
  'ENV A=1 B=$A',
  'ARG GLOBAL',
  'ARG LOCAL=$GLOBAL',
  'WORKDIR /$A/$LOCAL/$NOPE',
  'FROM base AS child',
  'COPY $A $B /dst/$LOCAL',
  'RUN --mount=type=cache,target=/$A/$HTTP_PROXY echo $Z',
  'FROM ${GLOBAL} AS other',
  'ENV C=$C_MISSING',
].join('\n');
const pieces = [
  'ENV X=1\n',
  'ARG Y\n',
  'ARG GLOBAL\n',
  '$X',
  '${Y}',
  '$A',
  'FROM base\n',
  'FROM scratch\n',
  'FROM child AS c2\n',
  'COPY $X /x\n',
  'ENV A=2 D=$A\n',
  '\n',
  ' ',
  'x',
];

test('UndefinedVar agrees with the model after random edits', () => {
  const edit = fc.record({
    start: fc.nat(sample.length),
    deleteCount: fc.nat(20),
    insert: fc.array(fc.constantFrom(...pieces), { maxLength: 3 }).map((a) => a.join('')),
  });
  fc.assert(
    fc.property(fc.array(edit, { minLength: 1, maxLength: 4 }), (edits) => {
      let text = sample;
      for (const e of edits) text = spliceText(text, e.start, e.deleteCount, e.insert);
      assertAgrees(text, 'random');
    }),
    { numRuns: 300 },
  );
});
