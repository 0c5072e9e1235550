import assert from 'node:assert/strict';
import { test } from 'node:test';
import { analyseLayers, type LayerStep } from '../../core/src/cache';
import { buildModel } from '../../core/src/model';
import { parseText } from '../../core/src/parser';

function layers(text: string): string[] {
  return analyseLayers(buildModel(parseText(text).tree)).steps.map(show);
}

function show(step: LayerStep): string {
  const parts = [
    `${step.stage.index}.${step.number} ${step.instruction.keyword}@${step.instruction.range.start.line}`,
    `prev=${step.previous ? step.previous.number : 'FROM'}`,
  ];
  if (step.contextSources.length > 0) parts.push(`ctx=[${step.contextSources.join(',')}]`);
  if (step.fromStages.length > 0) parts.push(`stages=[${step.fromStages.map((s) => s.name ?? s.index).join(',')}]`);
  if (step.fromImages.length > 0) parts.push(`images=[${step.fromImages.join(',')}]`);
  if (step.buildArgs.length > 0) parts.push(`args=[${step.buildArgs.join(',')}]`);
  if (step.uncertainSources) parts.push('uncertain');
  return parts.join(' ');
}

test('only RUN, COPY and ADD make layers, numbered per stage and chained', () => {
  assert.deepEqual(
    layers(
      'FROM node AS build\nWORKDIR /app\nENV A=1\nCOPY package.json ./\nRUN npm ci\nCOPY . .\n' +
        'FROM nginx\nLABEL x=y\nCOPY --from=build /app/dist /html\n',
    ),
    [
      '0.1 COPY@3 prev=FROM ctx=[package.json]',
      '0.2 RUN@4 prev=1',
      '0.3 COPY@5 prev=2 ctx=[]',
      '1.1 COPY@8 prev=FROM stages=[build]',
    ],
  );
});

test('sources are cleaned, expanded from ARG/ENV, and unknown values become wildcards', () => {
  assert.deepEqual(
    layers(
      'FROM a\nARG DIR=src\nCOPY ./${DIR}/ /x/\nARG NAME\nCOPY $NAME.txt /\n' +
        'ADD https://example.com/x.tgz /\nCOPY <<EOF /y\nhi\nEOF\n',
    ),
    [
      '0.1 COPY@2 prev=FROM ctx=[src]',
      '0.2 COPY@4 prev=1 ctx=[*.txt] uncertain',
      '0.3 ADD@5 prev=2',
      '0.4 COPY@6 prev=3',
    ],
  );
});

test('RUN depends on the stage ARGs before it and on bind mounts from the context or a stage', () => {
  assert.deepEqual(
    layers(
      'FROM golang AS deps\nRUN go version\nFROM golang\nARG V\n' +
        'RUN --mount=type=bind,source=go.mod,target=go.mod --mount=type=bind,from=deps,source=/go,target=/go' +
        ' --mount=type=cache,target=/root/.cache go build\n' +
        'RUN --mount=type=bind,target=. make\n',
    ),
    [
      '0.1 RUN@1 prev=FROM',
      '1.1 RUN@4 prev=FROM ctx=[go.mod] stages=[deps] args=[V]',
      '1.2 RUN@5 prev=1 ctx=[] args=[V]',
    ],
  );
});

test('COPY --from an image that is not a stage, and a stage copying from a later stage is an image', () => {
  assert.deepEqual(layers('FROM a\nCOPY --from=busybox:1 /bin/sh /sh\nCOPY --from=later /x /x\nFROM b AS later\n'), [
    '0.1 COPY@1 prev=FROM images=[busybox:1]',
    '0.2 COPY@2 prev=1',
  ]);
});

test('the analysis is computed once per model', () => {
  const model = buildModel(parseText('FROM a\nRUN x\n').tree);
  assert.equal(analyseLayers(model), analyseLayers(model));
});
