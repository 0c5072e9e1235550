// The server stops the check of a version a newer one replaced, at any step of the engine's
// diagnosticSteps. Whatever a stopped check stored must never be taken for current: after any
// mix of stopped and finished checks, the diagnostics equal those of a fresh engine.
import assert from 'node:assert/strict';
import { before, test } from 'node:test';
import fc from 'fast-check';
import { parseText } from '../../core/src/parser';
import { RULES } from '../../core/src/rules';
import { AnalysedDocument, DocumentStore } from '../../core/src/engine/analysedDocument';
import { DiagnosticsEngine } from '../../server/src/service/diagnostics';
import { defaultSettings } from '../../core/src/engine/settings';
import { initShellParser } from '../../core/src/shell';
import { spliceText } from '../helpers/splice';

before(() => initShellParser());

const settings = defaultSettings();

// Stages that hand carries down (SHELL, WORKDIR, ENV, USER) to stages built on them.
const sample = [
  'ARG BASE=alpine:3.20',
  'FROM ${BASE} AS base',
  'SHELL ["/bin/bash", "-o", "pipefail", "-c"]',
  'ENV APP=/app PIP_NO_CACHE_DIR=1',
  'WORKDIR $APP',
  'RUN apt-get update && apt-get install -y curl',
  'RUN curl -fsSL https://x | sh',
  'RUN pip install flask',
  'USER root',
  '',
  'FROM base AS test',
  'WORKDIR rel',
  'RUN wget https://y | tar -x',
  'RUN echo $APP $MISSING',
  '',
  'FROM test',
  'COPY --from=base /app /app',
  'CMD run',
].join('\n');

const pieces = [
  '\n',
  'FROM base AS c\n',
  'FROM scratch\n',
  'SHELL ["/bin/sh", "-c"]\n',
  'ENV PIP_NO_CACHE_DIR=0\n',
  'WORKDIR /abs\n',
  'USER app\n',
  'RUN pip install x\n',
  '# check=skip=UndefinedVar\n',
  'x',
  ' ',
];

const fresh = (text: string): string[] =>
  new DiagnosticsEngine(RULES)
    .diagnostics(
      new AnalysedDocument('file:///stopped/Dockerfile', 1, text, parseText(text)),
      settings,
      'en',
      undefined,
    )
    .map((d) => JSON.stringify(d));

test('checks stopped at any step leave nothing that a later check takes for current', () => {
  const edit = fc.record({
    start: fc.nat(sample.length + 20),
    deleteCount: fc.nat(25),
    insert: fc.array(fc.constantFrom(...pieces), { maxLength: 3 }).map((a) => a.join('')),
    stopAfter: fc.nat(60),
  });
  fc.assert(
    fc.property(fc.array(edit, { minLength: 1, maxLength: 6 }), (edits) => {
      const store = new DocumentStore();
      const engine = new DiagnosticsEngine(RULES);
      let text = sample;
      let version = 1;
      const document = (): AnalysedDocument =>
        store.get({ uri: 'file:///stopped/Dockerfile', version: version++, getText: () => text });
      engine.diagnostics(document(), settings, 'en', undefined);
      for (const e of edits) {
        text = spliceText(text, e.start, e.deleteCount, e.insert);
        // The check of this version stops after a few steps: a newer version came.
        const steps = engine.diagnosticSteps(document(), settings, 'en', undefined);
        for (let i = 0; i < e.stopAfter && !steps.next().done; i++);
        steps.return([]);
        text = spliceText(text, e.deleteCount % (text.length + 1), 0, e.insert.slice(0, 1));
        const finished = engine.diagnostics(document(), settings, 'en', undefined).map((d) => JSON.stringify(d));
        assert.deepEqual(finished, fresh(text), JSON.stringify(text));
      }
    }),
    { numRuns: 200 },
  );
});
