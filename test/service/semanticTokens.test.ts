import assert from 'node:assert/strict';
import { test } from 'node:test';
import { useTestServer } from '../helpers/testServer';

interface Legend {
  tokenTypes: string[];
  tokenModifiers: string[];
}

const server = useTestServer('tokens', { transport: 'in-process' });
const legend = (): Legend =>
  (server.client.initializeResult as { capabilities: { semanticTokensProvider: { legend: Legend } } }).capabilities
    .semanticTokensProvider.legend;

/** Tokens as `text type[.modifier...]`, in document order. */
async function tokens(
  text: string,
  range?: { start: { line: number; character: number }; end: { line: number; character: number } },
): Promise<string[]> {
  const uri = await server.open(text);
  const result = range
    ? await server.client.request<{ data: number[] }>('textDocument/semanticTokens/range', {
        textDocument: { uri },
        range,
      })
    : await server.client.request<{ data: number[] }>('textDocument/semanticTokens/full', { textDocument: { uri } });
  const lines = text.split('\n');
  const out: string[] = [];
  let line = 0;
  let character = 0;
  for (let i = 0; i < result.data.length; i += 5) {
    const [deltaLine, deltaStart, length, type, modifiers] = result.data.slice(i, i + 5) as [
      number,
      number,
      number,
      number,
      number,
    ];
    line += deltaLine;
    character = deltaLine === 0 ? character + deltaStart : deltaStart;
    const { tokenTypes, tokenModifiers } = legend();
    const names = tokenModifiers.filter((_, bit) => modifiers & (1 << bit));
    out.push(`${lines[line]!.slice(character, character + length)} ${[tokenTypes[type], ...names].join('.')}`);
  }
  return out;
}

test('a multi-stage file: directives, comments, keywords, flags, images, stages and variables', async () => {
  const text = [
    '# syntax=docker/dockerfile:1',
    'ARG TAG=3.20',
    '# the base',
    'FROM --platform=$BUILDPLATFORM alpine:${TAG} AS build',
    'RUN --mount=type=cache,from=build,target=/c echo "tag $TAG" \'raw\'',
    'FROM build',
    'COPY --from=build ["/a", "/b"]',
    'EXPOSE 80/tcp',
    'LABEL version="1.0"',
  ].join('\n');
  assert.deepEqual(await tokens(text), [
    'syntax macro',
    'docker/dockerfile:1 string',
    'ARG keyword',
    'TAG variable.declaration',
    '# the base comment',
    'FROM keyword',
    '--platform parameter',
    '$BUILDPLATFORM variable.readonly.defaultLibrary',
    'alpine: type',
    '${TAG variable',
    '} variable',
    'AS keyword',
    'build namespace.declaration',
    'RUN keyword',
    '--mount parameter',
    'type=cache,from= enumMember',
    'build namespace',
    ',target=/c enumMember',
    '"tag  string',
    '$TAG variable',
    '" string',
    "'raw' string",
    'FROM keyword',
    'build namespace',
    'COPY keyword',
    '--from parameter',
    'build namespace',
    '"/a" string',
    '"/b" string',
    'EXPOSE keyword',
    '80 number',
    'LABEL keyword',
    'version property',
    '"1.0" string',
  ]);
});

test('heredoc bodies: variables are tokens, the rest is left to the grammar', async () => {
  const text = 'FROM scratch\nRUN <<EOF\necho $HOME\nEOF\n';
  assert.deepEqual(await tokens(text), ['FROM keyword', 'RUN keyword', '$HOME variable']);
});

test('scratch and stage names are not image tokens; predefined ARG declarations are read-only', async () => {
  const text = 'FROM scratch AS base\nARG TARGETARCH\nFROM base\n';
  assert.deepEqual(await tokens(text), [
    'FROM keyword',
    'AS keyword',
    'base namespace.declaration',
    'ARG keyword',
    'TARGETARCH variable.declaration.readonly.defaultLibrary',
    'FROM keyword',
    'base namespace',
  ]);
});

test('backtick-escaped files: comments inside continued instructions and flags on later lines', async () => {
  const text = '# escape=`\nFROM alpine\nRUN `\n# note\n    --network=none echo hi\n';
  assert.deepEqual(await tokens(text), [
    'escape macro',
    '` string',
    'FROM keyword',
    'alpine type',
    'RUN keyword',
    '# note comment',
    '--network parameter',
    'none enumMember',
  ]);
});

test('range requests return only the tokens in the range', async () => {
  const text = 'FROM alpine\nENV A=1\nWORKDIR /$A\n';
  assert.deepEqual(await tokens(text, { start: { line: 2, character: 0 }, end: { line: 2, character: 11 } }), [
    'WORKDIR keyword',
    '$A variable',
  ]);
});
