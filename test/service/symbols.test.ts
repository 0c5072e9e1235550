import assert from 'node:assert/strict';
import { test } from 'node:test';
import { useTestServer } from '../helpers/testServer';

interface Symbol {
  name: string;
  detail?: string;
  kind: number;
  range: { start: { line: number }; end: { line: number } };
  selectionRange: { start: { line: number; character: number } };
  children?: Symbol[];
}

const server = useTestServer('symbols', { transport: 'in-process' });

async function symbols(text: string): Promise<Symbol[]> {
  const uri = await server.open(text);
  return server.client.request<Symbol[]>('textDocument/documentSymbol', { textDocument: { uri } });
}

const outline = (list: Symbol[], depth = 0): string[] =>
  list.flatMap((s) => [
    `${'  '.repeat(depth)}${s.name}${s.detail ? ` (${s.detail})` : ''} ${s.range.start.line}-${s.range.end.line}`,
    ...outline(s.children ?? [], depth + 1),
  ]);

test('directives and global ARGs at the top, stages holding their instructions', async () => {
  const text = [
    '# syntax=docker/dockerfile:1',
    '# escape=\\',
    'ARG GO_VERSION=1.22 TAGS',
    'FROM golang:${GO_VERSION} AS build',
    'WORKDIR /src',
    'RUN go build \\',
    '    ./...',
    '',
    'FROM alpine:3.20',
    'ENV PORT=8080',
    'COPY --from=build /out /app',
  ].join('\n');
  assert.deepEqual(outline(await symbols(text)), [
    'syntax (docker/dockerfile:1) 0-0',
    'escape (\\) 1-1',
    'ARG GO_VERSION TAGS 2-2',
    'build (golang:${GO_VERSION}) 3-6',
    '  FROM (golang:${GO_VERSION} AS build) 3-3',
    '  WORKDIR (/src) 4-4',
    '  RUN (go build ./...) 5-6',
    'stage 1 (alpine:3.20) 8-10',
    '  FROM (alpine:3.20) 8-8',
    '  ENV PORT 9-9',
    '  COPY (--from=build /out /app) 10-10',
  ]);
});

test('a stage symbol selects its name and spans heredoc bodies', async () => {
  const text = 'FROM alpine AS base\nRUN <<EOF\necho one\necho two\nEOF\n';
  const [stage] = await symbols(text);
  assert.equal(stage!.selectionRange.start.character, 15);
  assert.equal(stage!.range.end.line, 4);
  assert.deepEqual(
    stage!.children!.map((c) => c.name),
    ['FROM', 'RUN'],
  );
});

test('a file with no FROM lists only its top-level declarations', async () => {
  assert.deepEqual(outline(await symbols('ARG A=1\n# comment\n')), ['ARG A 0-0']);
  assert.deepEqual(await symbols(''), []);
});

test('backtick-escaped files nest continued instructions the same way', async () => {
  const text = '# escape=`\nFROM mcr.microsoft.com/windows/servercore:ltsc2022 AS win\nRUN echo a `\n    echo b\n';
  assert.deepEqual(outline(await symbols(text)), [
    'escape (`) 0-0',
    'win (mcr.microsoft.com/windows/servercore:ltsc2022) 1-3',
    '  FROM (mcr.microsoft.com/windows/servercore:ltsc2022 AS win) 1-1',
    '  RUN (echo a echo b) 2-3',
  ]);
});
