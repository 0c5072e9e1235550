import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { corpusFiles } from '../helpers/corpus';
import { signatureOutsideRunScripts } from '../helpers/formatSignature';
import { useTestServer } from '../helpers/testServer';
import { assertSameText } from '../helpers/show';
import { applyEdits, type TextEditLike } from '../helpers/textEdits';

const server = useTestServer('formatting', { transport: 'in-process' });

const OPTIONS = { tabSize: 4, insertSpaces: true };
async function open(text: string): Promise<string> {
  const uri = await server.open(text);
  return uri;
}

async function format(text: string): Promise<string> {
  const uri = await open(text);
  return applyEdits(
    text,
    await server.client.request<TextEditLike[]>('textDocument/formatting', { textDocument: { uri }, options: OPTIONS }),
  );
}

describe('document formatting', () => {
  const cases: [string, string, string][] = [
    [
      'keywords upper case, one space after them',
      'from  alpine as base\nrun\techo hi\n  copy . /app\n',
      'FROM alpine AS base\nRUN echo hi\nCOPY . /app\n',
    ],
    [
      'trailing whitespace and whitespace-only lines',
      'FROM alpine   \n   \nRUN echo hi \\   \n    there  \n',
      'FROM alpine\n\nRUN echo hi \\\n    there\n',
    ],
    [
      'continuation lines start at the indent, deeper nesting kept',
      'LABEL a=1 \\\n\t\tb=2 \\\n\t\t\tc=3 \\\n\t\td=4\n',
      'LABEL a=1 \\\n    b=2 \\\n        c=3 \\\n    d=4\n',
    ],
    [
      'RUN continuation lines as shfmt prints them',
      'RUN apt-get install \\\n\t\tcurl \\\n\t\t\tgit \\\n\t\t&& true\n',
      'RUN apt-get install \\\n    curl \\\n    git \\\n    && true\n',
    ],
    ['a keyword alone before a continuation', 'RUN\\\n echo hi\n', 'RUN \\\n    echo hi\n'],
    [
      'comments, also inside instructions, are left as written',
      '#  Comment   \nRUN a \\\n  #   inner comment   \n  b\n',
      '#  Comment   \nRUN a \\\n  #   inner comment   \n    b\n',
    ],
    [
      'heredoc bodies and terminators are left as written',
      'run <<EOF  \n  indented   \n\tEOF\nEOF\n',
      'RUN <<EOF\n  indented   \n\tEOF\nEOF\n',
    ],
    [
      'HEALTHCHECK CMD and exec forms',
      'healthcheck --interval=5s cmd ["curl", "-f", \\\n"http://localhost"]\n',
      'HEALTHCHECK --interval=5s CMD ["curl", "-f", \\\n    "http://localhost"]\n',
    ],
    [
      'backtick-escaped files',
      '# escape=`\nrun Write-Host a `\n  b   `\n  c\n',
      '# escape=`\nRUN Write-Host a `\n    b   `\n    c\n',
    ],
  ];
  for (const [name, input, expected] of cases) {
    test(name, async () => {
      assert.equal(await format(input), expected);
    });
  }

  const untouched: [string, string][] = [
    ['whitespace inside a quoted value broken over lines', 'RUN echo "a \\\n      b"\n'],
    ['words glued by a continuation (no space on either side)', 'RUN echo foo\\\nbar\n'],
    ['the legacy ENV form, whose value keeps its spaces', 'ENV MESSAGE hello \\\n      world\n'],
    ['WORKDIR, whose whole text is the path', 'WORKDIR /a \\\n  b\n'],
    ['parser directives', '#  syntax = docker/dockerfile:1  \nFROM alpine\n'],
    ['unknown instructions', 'FROMM  alpine\n'],
  ];
  for (const [name, input] of untouched) {
    test(`near miss: ${name} stays as written`, async () => {
      assert.equal(await format(input), input);
    });
  }

  test('the indent comes from layerwise.formatting.continuationIndent', async () => {
    const text = 'RUN a \\\n  b\n';
    const uri = await open(text);
    await server.client.connection.sendNotification('workspace/didChangeConfiguration', {
      settings: { layerwise: { formatting: { continuationIndent: 2 } } },
    });
    try {
      assert.equal(
        applyEdits(
          text,
          await server.client.request<TextEditLike[]>('textDocument/formatting', {
            textDocument: { uri },
            options: OPTIONS,
          }),
        ),
        text,
      );
    } finally {
      await server.client.connection.sendNotification('workspace/didChangeConfiguration', {
        settings: { layerwise: {} },
      });
    }
    assert.equal(await format(text), 'RUN a \\\n    b\n');
  });

  test("no setting: the editor's options give the indent, tabSize spaces or tabs with insertSpaces false", async () => {
    const text = 'RUN if [ -f x ]; then \\\n  echo yes; \\\n  fi && \\\n  true\nENV A=1 \\\n  B=2\n';
    const uri = await open(text);
    const withOptions = async (options: { tabSize: number; insertSpaces: boolean }): Promise<string> =>
      applyEdits(
        text,
        await server.client.request<TextEditLike[]>('textDocument/formatting', { textDocument: { uri }, options }),
      );
    assert.equal(
      await withOptions({ tabSize: 2, insertSpaces: true }),
      'RUN if [ -f x ]; then \\\n    echo yes; \\\n  fi \\\n    && true\nENV A=1 \\\n  B=2\n',
    );
    assert.equal(
      await withOptions({ tabSize: 8, insertSpaces: false }),
      'RUN if [ -f x ]; then \\\n\t\techo yes; \\\n\tfi \\\n\t\t&& true\nENV A=1 \\\n\tB=2\n',
    );
    // The setting, when set, wins over the editor's options.
    await server.client.connection.sendNotification('workspace/didChangeConfiguration', {
      settings: { layerwise: { formatting: { continuationIndent: 3 } } },
    });
    try {
      assert.equal(
        await withOptions({ tabSize: 8, insertSpaces: false }),
        'RUN if [ -f x ]; then \\\n      echo yes; \\\n   fi \\\n      && true\nENV A=1 \\\n   B=2\n',
      );
    } finally {
      await server.client.connection.sendNotification('workspace/didChangeConfiguration', {
        settings: { layerwise: {} },
      });
    }
  });

  test('tab-indented output is formatted again to itself, and on-type formatting indents with a tab', async () => {
    const tabs = { tabSize: 4, insertSpaces: false };
    const text = 'RUN apt-get update && \\\n  apt-get install -y curl\nLABEL a=1 \\\n  b=2\n';
    const uri = await open(text);
    const once = applyEdits(
      text,
      await server.client.request<TextEditLike[]>('textDocument/formatting', { textDocument: { uri }, options: tabs }),
    );
    assert.equal(once, 'RUN apt-get update \\\n\t&& apt-get install -y curl\nLABEL a=1 \\\n\tb=2\n');
    const again = await open(once);
    assert.deepEqual(
      await server.client.request<TextEditLike[]>('textDocument/formatting', {
        textDocument: { uri: again },
        options: tabs,
      }),
      [],
    );
    const typed = await open('RUN a \\\n\n');
    const edits = await server.client.request<TextEditLike[]>('textDocument/onTypeFormatting', {
      textDocument: { uri: typed },
      position: { line: 1, character: 0 },
      ch: '\n',
      options: tabs,
    });
    assert.equal(applyEdits('RUN a \\\n\n', edits), 'RUN a \\\n\t\n');
  });

  test('chains are broken per layerwise.formatting.breakChains and maxLineLength', async () => {
    const text = 'RUN apt-get update && apt-get install -y curl && rm -rf /var/lib/apt/lists/*\n';
    const broken = 'RUN apt-get update \\\n    && apt-get install -y curl \\\n    && rm -rf /var/lib/apt/lists/*\n';
    assert.equal(await format(text), text);
    const uri = await open(text);
    const formatWith = async (formatting: Record<string, unknown>): Promise<string> => {
      await server.client.connection.sendNotification('workspace/didChangeConfiguration', {
        settings: { layerwise: { formatting } },
      });
      return applyEdits(
        text,
        await server.client.request<TextEditLike[]>('textDocument/formatting', {
          textDocument: { uri },
          options: OPTIONS,
        }),
      );
    };
    try {
      assert.equal(await formatWith({ maxLineLength: 40 }), broken);
      assert.equal(await formatWith({ maxLineLength: 40, breakChains: false }), text);
    } finally {
      await server.client.connection.sendNotification('workspace/didChangeConfiguration', {
        settings: { layerwise: {} },
      });
    }
  });
});

describe('range formatting', () => {
  test('changes only the lines in the range', async () => {
    const text = 'from a\nrun  b\nrun  c \\\n  d\n';
    const uri = await open(text);
    const edits = await server.client.request<TextEditLike[]>('textDocument/rangeFormatting', {
      textDocument: { uri },
      range: { start: { line: 1, character: 0 }, end: { line: 2, character: 3 } },
      options: OPTIONS,
    });
    assert.equal(applyEdits(text, edits), 'from a\nRUN b\nRUN c \\\n  d\n');
  });
});

describe('on-type formatting', () => {
  async function newLine(text: string, line: number): Promise<string> {
    const uri = await open(text);
    const edits = await server.client.request<TextEditLike[]>('textDocument/onTypeFormatting', {
      textDocument: { uri },
      position: { line, character: 0 },
      ch: '\n',
      options: OPTIONS,
    });
    return applyEdits(text, edits);
  }
  test('a new line after a continued line gets the indent, and the line above is formatted', async () => {
    assert.equal(await newLine('run  apt-get update \\\n\nFROM x\n', 1), 'RUN apt-get update \\\n    \nFROM x\n');
    assert.equal(await newLine('RUN a \\\n      b \\\n\n', 2), 'RUN a \\\n    b \\\n    \n');
  });
  test('near misses: no continuation above, a comment ending in a backslash, inside a quote', async () => {
    assert.equal(await newLine('RUN a\n\n', 1), 'RUN a\n\n');
    assert.equal(await newLine('# note \\\n\n', 1), '# note \\\n\n');
    assert.equal(await newLine('RUN echo "a \\\n\n b"\n', 1), 'RUN echo "a \\\n\n b"\n');
  });
});

test('on every corpus file formatting keeps what builds and a second pass changes nothing', async () => {
  let changed = 0;
  for (const file of corpusFiles()) {
    const formatted = await format(file.text);
    if (formatted !== file.text) changed++;
    assert.deepEqual(signatureOutsideRunScripts(formatted), signatureOutsideRunScripts(file.text), file.name);
    assertSameText(await format(formatted), formatted, file.name);
  }
  // The corpus has plenty to format (tab-indented continuations, lower-case keywords...).
  assert.ok(changed > 100, `only ${changed} files changed`);
});
