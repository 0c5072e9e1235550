import assert from 'node:assert/strict';
import { test } from 'node:test';
import { useTestServer } from '../helpers/testServer';

interface FoldingRange {
  startLine: number;
  endLine: number;
  kind?: string;
}

const server = useTestServer('folding', { transport: 'in-process' });

async function folds(text: string): Promise<string[]> {
  const uri = await server.open(text);
  const ranges = await server.client.request<FoldingRange[]>('textDocument/foldingRange', { textDocument: { uri } });
  return ranges.map((r) => `${r.startLine}-${r.endLine}${r.kind ? ` ${r.kind}` : ''}`);
}

test('stages, continued instructions, heredoc bodies and comment blocks fold', async () => {
  const text = [
    '# Build the app.', // 0
    '# Two comment lines fold together.', // 1
    'FROM node:22 AS build', // 2
    'RUN npm ci \\', // 3
    '    && npm run build', // 4
    'COPY <<a.txt <<b.txt /out/', // 5
    'first', // 6
    'body', // 7
    'a.txt', // 8
    'second', // 9
    'b.txt', // 10
    '', // 11
    'FROM nginx', // 12
    '# one comment', // 13
    'COPY --from=build /out /usr/share/nginx/html', // 14
  ].join('\n');
  assert.deepEqual(await folds(text), ['0-1 comment', '2-10', '3-4', '5-7', '8-9', '12-14']);
});

test('single lines, one-line heredoc bodies and lone comments do not fold', async () => {
  assert.deepEqual(await folds('# only\nFROM alpine\n'), []);
  // A one-line body still folds under its instruction line.
  assert.deepEqual(await folds('FROM alpine\nRUN <<EOF\necho hi\nEOF\n'), ['0-3', '1-2']);
});

test('backtick continuation lines fold like backslash ones', async () => {
  assert.deepEqual(await folds('# escape=`\nFROM a\nRUN echo `\n  b `\n  c\n'), ['1-4', '2-4']);
});
