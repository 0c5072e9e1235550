// Every quick fix, through real LSP: ask textDocument/codeAction for the diagnostic, apply the
// returned edit to the text, send didChange, and check the diagnostic is gone.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { type Diagnostic, LspClient } from '../helpers/lspClient';
import { applyEdits } from '../helpers/textEdits';

interface Action {
  title: string;
  edit?: { documentChanges?: { edits: { range: Diagnostic['range']; newText: string }[] }[] };
}

let client: LspClient;
let counter = 0;
before(async () => {
  client = await LspClient.start({
    transport: 'in-process',
    configuration: { diagnostics: { rules: { InvalidDefinitionDescription: 'warning' } } },
  });
});
after(async () => {
  await client.stop();
});

/** Applies the action titled `title` for the first `code` diagnostic; returns the new text and its diagnostics. */
async function applyFix(
  text: string,
  code: string,
  title: string,
): Promise<{ text: string; diagnostics: Diagnostic[] }> {
  const uri = `file:///fixes/${++counter}/Dockerfile`;
  const opened = await client.open(uri, text);
  const diagnostic = opened.diagnostics.find((d) => d.code === code);
  assert.ok(diagnostic, `no ${code} in ${JSON.stringify(opened.diagnostics.map((d) => d.code))}`);
  const actions = await client.request<Action[]>('textDocument/codeAction', {
    textDocument: { uri },
    range: diagnostic.range,
    context: { diagnostics: [diagnostic] },
  });
  const action = actions.find((a) => a.title === title);
  assert.ok(action, `no action "${title}" among ${JSON.stringify(actions.map((a) => a.title))}`);
  const newText = applyEdits(
    text,
    action.edit!.documentChanges!.flatMap((change) => change.edits),
  );
  const published = await client.change(uri, 2, [{ text: newText }]);
  return { text: newText, diagnostics: published.diagnostics };
}

const ruleFixes: [string, string, string, string][] = [
  [
    'StageNameCasing',
    'FROM alpine AS Build\nFROM Build\n',
    'Rename the stage to build',
    'FROM alpine AS build\nFROM Build\n',
  ],
  ['FromAsCasing', 'FROM alpine as build\n', 'Write AS', 'FROM alpine AS build\n'],
  [
    'NoEmptyContinuation',
    'FROM alpine\nRUN echo a \\\n\n  && echo b\n',
    'Remove the empty line',
    'FROM alpine\nRUN echo a \\\n  && echo b\n',
  ],
  ['ConsistentInstructionCasing', 'FROM alpine\nrun true\n', 'Write RUN', 'FROM alpine\nRUN true\n'],
  [
    'JSONArgsRecommended',
    'FROM alpine\nCMD node server.js\n',
    'Write it as ["node", "server.js"]',
    'FROM alpine\nCMD ["node", "server.js"]\n',
  ],
  [
    'MaintainerDeprecated',
    'FROM alpine\nMAINTAINER Jane <jane@example.com>\n',
    'Replace with an authors label',
    'FROM alpine\nLABEL org.opencontainers.image.authors="Jane <jane@example.com>"\n',
  ],
  [
    'LegacyKeyValueFormat',
    'FROM alpine\nENV GREETING hello world\n',
    'Write GREETING="hello world"',
    'FROM alpine\nENV GREETING="hello world"\n',
  ],
  ['RedundantTargetPlatform', 'FROM --platform=$TARGETPLATFORM alpine\n', 'Remove --platform', 'FROM alpine\n'],
  ['ExposeProtoCasing', 'FROM alpine\nEXPOSE 80/TCP\n', 'Write 80/tcp', 'FROM alpine\nEXPOSE 80/tcp\n'],
  ['ExposeInvalidFormat', 'FROM alpine\nEXPOSE 127.0.0.1:8080:80\n', 'Keep only 80', 'FROM alpine\nEXPOSE 80\n'],
  [
    'InvalidDefinitionDescription',
    '# the base stage\nFROM alpine AS base\n',
    'Insert a blank line after the comment',
    '# the base stage\n\nFROM alpine AS base\n',
  ],
  [
    'copy-destination-not-directory',
    'FROM alpine\nCOPY ["a", "b", "/dest"]\n',
    'Add / to make /dest a directory',
    'FROM alpine\nCOPY ["a", "b", "/dest/"]\n',
  ],
];

for (const [code, text, title, expected] of ruleFixes) {
  test(`quick fix for ${code}: ${title}`, async () => {
    const result = await applyFix(text, code, title);
    assert.equal(result.text, expected);
    assert.deepEqual(
      result.diagnostics.filter((d) => d.code === code),
      [],
    );
  });
}

const ignoreFixes: [string, string, string, string, string][] = [
  [
    'line, plain',
    'FROM alpine\nWORKDIR app\n',
    'WorkdirRelativePath',
    'Ignore WorkdirRelativePath on this line',
    'FROM alpine\n# check=skip=WorkdirRelativePath\nWORKDIR app\n',
  ],
  [
    'line, keeps indentation',
    'FROM alpine\n  ENV A 1\n',
    'LegacyKeyValueFormat',
    'Ignore LegacyKeyValueFormat on this line',
    'FROM alpine\n  # check=skip=LegacyKeyValueFormat\n  ENV A 1\n',
  ],
  [
    'line, extends a skip comment above',
    'FROM alpine\n# check=skip=JSONArgsRecommended\nMAINTAINER me\n',
    'MaintainerDeprecated',
    'Ignore MaintainerDeprecated on this line',
    'FROM alpine\n# check=skip=JSONArgsRecommended,MaintainerDeprecated\nMAINTAINER me\n',
  ],
  [
    'line, extends a skip comment above that carries a note after a space',
    'FROM alpine\n# check=skip=JSONArgsRecommended  (CMD is set by the base)\nMAINTAINER me\n',
    'MaintainerDeprecated',
    'Ignore MaintainerDeprecated on this line',
    'FROM alpine\n# check=skip=JSONArgsRecommended,MaintainerDeprecated  (CMD is set by the base)\nMAINTAINER me\n',
  ],
  [
    'line, first line stays local',
    'FROM alpine AS Build\nFROM alpine AS other\n',
    'StageNameCasing',
    'Ignore StageNameCasing on this line',
    '\n# check=skip=StageNameCasing\nFROM alpine AS Build\nFROM alpine AS other\n',
  ],
  [
    'file, new directive',
    'FROM alpine\nWORKDIR app\n',
    'WorkdirRelativePath',
    'Ignore WorkdirRelativePath in this file',
    '# check=skip=WorkdirRelativePath\nFROM alpine\nWORKDIR app\n',
  ],
  [
    'file, after the syntax directive',
    '# syntax=docker/dockerfile:1\nFROM alpine\nMAINTAINER me\n',
    'MaintainerDeprecated',
    'Ignore MaintainerDeprecated in this file',
    '# syntax=docker/dockerfile:1\n# check=skip=MaintainerDeprecated\nFROM alpine\nMAINTAINER me\n',
  ],
  [
    'file, extends the skip list',
    '# check=skip=JSONArgsRecommended\nFROM alpine\nMAINTAINER me\n',
    'MaintainerDeprecated',
    'Ignore MaintainerDeprecated in this file',
    '# check=skip=JSONArgsRecommended,MaintainerDeprecated\nFROM alpine\nMAINTAINER me\n',
  ],
  [
    'file, adds skip next to error=true',
    '# check=error=true\nFROM alpine\nMAINTAINER me\n',
    'MaintainerDeprecated',
    'Ignore MaintainerDeprecated in this file',
    '# check=error=true;skip=MaintainerDeprecated\nFROM alpine\nMAINTAINER me\n',
  ],
];

for (const [name, text, code, title, expected] of ignoreFixes) {
  test(`ignore fix (${name}) silences ${code}`, async () => {
    const result = await applyFix(text, code, title);
    assert.equal(result.text, expected);
    assert.deepEqual(
      result.diagnostics.filter((d) => d.code === code),
      [],
    );
  });
}

test('a line-level skip silences only that instruction', async () => {
  const result = await applyFix(
    'FROM alpine\nWORKDIR app\nFROM alpine\nWORKDIR other\n',
    'WorkdirRelativePath',
    'Ignore WorkdirRelativePath on this line',
  );
  assert.deepEqual(
    result.diagnostics.filter((d) => d.code === 'WorkdirRelativePath').map((d) => d.range.start.line),
    [4],
  );
});

test('ignore fixes are offered in Korean and not for builder errors', async () => {
  const korean = await LspClient.start({ transport: 'in-process', configuration: { docs: { language: 'ko' } } });
  try {
    const uri = 'file:///fixes/ko/Dockerfile';
    const opened = await korean.open(uri, 'FROM alpine\nWORKDIR app\nCOPY --bogus a /b\n');
    const titles = async (code: string): Promise<string[]> => {
      const diagnostic = opened.diagnostics.find((d) => d.code === code)!;
      const actions = await korean.request<Action[]>('textDocument/codeAction', {
        textDocument: { uri },
        range: diagnostic.range,
        context: { diagnostics: [diagnostic] },
      });
      return actions.map((a) => a.title);
    };
    assert.deepEqual(await titles('WorkdirRelativePath'), [
      '이 줄에서 WorkdirRelativePath 무시하기',
      '이 파일에서 WorkdirRelativePath 무시하기',
    ]);
    assert.deepEqual(await titles('unknown-flag'), []);
  } finally {
    await korean.stop();
  }
});

test('# check=error=true makes build-check warnings errors, not other rules', async () => {
  const published = await client.open(
    'file:///fixes/error/Dockerfile',
    '# check=error=true\nFROM alpine\nWORKDIR app\n',
  );
  // BaseImageLatestTag is not a build check: it stays a warning.
  assert.deepEqual(
    published.diagnostics.map((d) => [d.code, d.severity]),
    [
      ['WorkdirRelativePath', 1],
      ['BaseImageLatestTag', 2],
    ],
  );
});

test('diagnostics link to their documentation', async () => {
  const published = await client.open('file:///fixes/docs/Dockerfile', 'FROM alpine\nWORKDIR app\n');
  const diagnostic = published.diagnostics[0] as Diagnostic & { codeDescription?: { href: string } };
  assert.equal(
    diagnostic.codeDescription?.href,
    'https://docs.docker.com/reference/build-checks/workdir-relative-path/',
  );
});
