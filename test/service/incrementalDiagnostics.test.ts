// The diagnostics engine keeps findings per stage and per instruction between versions. Whatever
// the edits, what it reports must equal what a fresh engine reports on a fresh parse.
import assert from 'node:assert/strict';
import { before, test } from 'node:test';
import fc from 'fast-check';
import { parseText } from '../../core/src/parser';
import { type Rule, RULES } from '../../core/src/rules';
import { AnalysedDocument, DocumentStore } from '../../core/src/engine/analysedDocument';
import { DiagnosticsEngine } from '../../server/src/service/diagnostics';
import { defaultSettings } from '../../core/src/engine/settings';
import { initShellParser } from '../../core/src/shell';
import { makeContext } from '../helpers/ruleHarness';
import { corpusFiles } from '../helpers/corpus';
import { spliceText } from '../helpers/splice';

before(() => initShellParser());

// Pieces that change what stages hand down (SHELL, WORKDIR, ENV, PIP_NO_CACHE_DIR), stage
// structure, comments between instructions, and the inputs of positional messages.
const pieces = [
  '\n',
  '\n\n',
  '# note\n',
  '# check=skip=UndefinedVar\n',
  'FROM base AS c\n',
  'FROM scratch\n',
  'ENV X=1\n',
  'ARG V=1\n',
  'WORKDIR app\n',
  'SHELL ["/bin/bash", "-o", "pipefail", "-c"]\n',
  'RUN curl -fsSL x | tar -x\n',
  'RUN wget y\n',
  'RUN pip install flask\n',
  'ENV PIP_NO_CACHE_DIR=1\n',
  'COPY . .\n',
  'RUN npm install\n',
  'RUN apt-get update\n',
  'USER root\n',
  'CMD run\n',
  'COPY --from=0 /a /b\n',
  '$X',
  '${V}',
  'x',
  ' ',
  '\\\n',
  'LABEL version="1.0"\n',
];

const sample = [
  'ARG BASE=alpine:3.20',
  'FROM ${BASE} AS base',
  'ENV APP=/app',
  'WORKDIR $APP',
  'ARG VERSION=1',
  'RUN apt-get update && apt-get install -y curl',
  'RUN echo one',
  'RUN echo two',
  '# keep apart',
  'RUN echo three',
  'COPY package.json ./',
  'LABEL build-date="2024-01-01"',
  'RUN pip install requests',
  'COPY . .',
  'RUN npm ci',
  'RUN echo $VERSION',
  'CMD node server.js',
  '',
  'FROM base AS test',
  'RUN curl -fsSL https://x | sh',
  'RUN wget https://y',
  'COPY src dest',
  'WORKDIR rel',
  'ENTRYPOINT run',
  '',
  'FROM test',
  'COPY --from=test /app /app',
  'RUN echo $APP $MISSING',
  'USER root',
].join('\n');

const { dockerfile, context } = makeContext({
  'package.json': '{}',
  'package-lock.json': '{}',
  'requirements.txt': '',
  'src/': '',
});
const settings = defaultSettings();

// The same URI as the edited document: related places in the Dockerfile carry it.
function fresh(text: string): string[] {
  const document = new AnalysedDocument(`file://${dockerfile}`, 1, text, parseText(text));
  return new DiagnosticsEngine(RULES).diagnostics(document, settings, 'en', context()).map((d) => JSON.stringify(d));
}

test('cached diagnostics equal a fresh check after any sequence of edits', () => {
  const edit = fc.record({
    start: fc.nat(sample.length + 40),
    deleteCount: fc.nat(30),
    insert: fc.array(fc.constantFrom(...pieces), { maxLength: 3 }).map((a) => a.join('')),
  });
  fc.assert(
    fc.property(fc.array(edit, { minLength: 1, maxLength: 6 }), (edits) => {
      const store = new DocumentStore();
      const engine = new DiagnosticsEngine(RULES);
      const buildContext = context();
      let text = sample;
      let version = 1;
      const check = (): string[] =>
        engine
          .diagnostics(
            store.get({ uri: `file://${dockerfile}`, version: version++, getText: () => text }),
            settings,
            'en',
            buildContext,
          )
          .map((d) => JSON.stringify(d));
      check();
      for (const e of edits) {
        text = spliceText(text, e.start, e.deleteCount, e.insert);
        assert.deepEqual(check(), fresh(text), JSON.stringify(text));
      }
    }),
    // INCREMENTAL_RUNS=1500 for the deep run the bar asks for; 150 keeps npm test quick.
    { numRuns: Number(process.env.INCREMENTAL_RUNS ?? 150) },
  );
});

test('cached diagnostics equal a fresh check when lines are added and removed in corpus files', () => {
  const engine = new DiagnosticsEngine(RULES);
  const store = new DocumentStore();
  let version = 1;
  for (const file of corpusFiles().slice(0, 60)) {
    const lines = file.text.split('\n');
    const middle = Math.floor(lines.length / 2);
    const variants = [
      file.text,
      [...lines.slice(0, middle), '', '# inserted', ...lines.slice(middle)].join('\n'),
      [...lines.slice(0, middle), 'ENV INSERTED=1', ...lines.slice(middle)].join('\n'),
      [...lines.slice(0, 2), ...lines.slice(3)].join('\n'),
      file.text,
    ];
    for (const text of variants) {
      const cached = engine
        .diagnostics(
          store.get({ uri: `file://${file.path}`, version: version++, getText: () => text }),
          settings,
          'en',
          undefined,
        )
        .map((d) => JSON.stringify(d));
      const document = new AnalysedDocument(`file://${file.path}`, 1, text, parseText(text));
      assert.deepEqual(
        cached,
        new DiagnosticsEngine(RULES).diagnostics(document, settings, 'en', undefined).map((d) => JSON.stringify(d)),
        file.name,
      );
    }
  }
});

test('changed settings and languages take effect on cached findings', () => {
  const engine = new DiagnosticsEngine(RULES);
  const store = new DocumentStore();
  const document = store.get({
    uri: 'file:///settings/Dockerfile',
    version: 1,
    getText: () => 'FROM alpine:3.20\nWORKDIR app\nMAINTAINER me\n',
  });
  const codes = (list: { code?: unknown; severity?: number; message: string }[]): string[] =>
    list.map((d) => `${String(d.code)}:${d.severity}`);
  assert.deepEqual(codes(engine.diagnostics(document, settings, 'en', undefined)), [
    'MaintainerDeprecated:2',
    'WorkdirRelativePath:2',
  ]);
  const off = {
    ...settings,
    'layerwise.diagnostics.rules': { WorkdirRelativePath: 'off' as const, MaintainerDeprecated: 'error' as const },
  };
  assert.deepEqual(codes(engine.diagnostics(document, off, 'en', undefined)), ['MaintainerDeprecated:1']);
  const korean = engine.diagnostics(document, settings, 'ko', undefined);
  assert.match(korean[0]!.message, /[가-힣]/);
});

test('a rule that throws is skipped and reported once; the other rules still report', () => {
  const failures: string[] = [];
  const boom = (): never => {
    throw new Error('boom');
  };
  const base = {
    severity: 'warning' as const,
    docs: 'https://example.com',
    description: { en: 'x', ko: 'x' },
    category: 'best-practice' as const,
    messages: { templates: {} },
    equivalents: [],
    examples: { invalid: [], valid: [] },
  };
  const rules: Rule[] = [
    { ...base, code: 'ThrowsPerInstruction', scope: 'instruction', check: boom },
    { ...base, code: 'ThrowsPerStage', scope: 'stage', check: boom },
    { ...base, code: 'ThrowsPerFile', scope: 'document', check: boom },
    ...RULES.filter((rule) => rule.code === 'WorkdirRelativePath'),
  ];
  const engine = new DiagnosticsEngine(rules, (rule, error) =>
    failures.push(`${rule.code}: ${(error as Error).message}`),
  );
  const text = 'FROM alpine:3.20\nWORKDIR app\nFROM alpine:3.20\nWORKDIR other\n';
  const codes = engine
    .diagnostics(new AnalysedDocument('file:///throws', 1, text, parseText(text)), settings, 'en', undefined)
    .map((d) => String(d.code));
  assert.deepEqual(codes, ['WorkdirRelativePath', 'WorkdirRelativePath']);
  assert.deepEqual(failures.sort(), ['ThrowsPerFile: boom', 'ThrowsPerInstruction: boom', 'ThrowsPerStage: boom']);
});
