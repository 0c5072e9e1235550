import assert from 'node:assert/strict';
import { before, describe, test } from 'node:test';
import { parseDockerfile, parseText } from '../../core/src/parser';
import { AnalysedDocument } from '../../core/src/engine/analysedDocument';
import { formatLines, formatText } from '../../server/src/service/formatting/formatting';
import { initShellPrinter } from '../../core/src/shell';
import { corpusFiles } from '../helpers/corpus';
import { loadShellTree, runScripts, signatureOutsideRunScripts } from '../helpers/formatSignature';

const OPTIONS = { continuationIndent: 4, tabSize: 4 };

let shellTree: (script: string) => string | undefined;
before(async () => {
  await initShellPrinter();
  shellTree = await loadShellTree();
});

const format = (text: string): string => formatText(text, OPTIONS);

describe('formatting RUN scripts like shfmt', () => {
  const cases: [string, string, string][] = [
    [
      'the issue example',
      'from   node:20-alpine   as   build\nrun npm ci &&    npm cache clean --force &&\\\n  echo done\n' +
        'RUN set -eux; \\\nif [ -f x ]; then \\\necho yes; \\\nfi\n',
      'FROM node:20-alpine AS build\nRUN npm ci \\\n    && npm cache clean --force \\\n    && echo done\n' +
        'RUN set -eux; \\\n    if [ -f x ]; then \\\n        echo yes; \\\n    fi\n',
    ],
    [
      'exec-form arrays and key=value pairs',
      'env A=1   B="x  y"\ncmd ["node",   "server.js"]\nENV legacy  value  kept\n',
      'ENV A=1 B="x  y"\nCMD ["node", "server.js"]\nENV legacy  value  kept\n',
    ],
    [
      'flags one space apart',
      'RUN   --mount=type=cache,target=/root/.cache    --network=none   make  all\n',
      'RUN --mount=type=cache,target=/root/.cache --network=none make all\n',
    ],
    [
      'the body of RUN <<EOF is the script: printed by shfmt',
      'RUN <<EOF\nset -e\nif [ -f x ]; then\necho  yes >  out\nfi\nEOF\n',
      'RUN <<EOF\nset -e\nif [ -f x ]; then\n    echo yes >out\nfi\nEOF\n',
    ],
    ['a short one-line sequence stays on one line', 'RUN echo  a ;  echo b &  wait\n', 'RUN echo a; echo b & wait\n'],
    [
      'spacing and redirections of a short one-line RUN',
      'RUN echo  hi >  /dev/null|cat\n',
      'RUN echo hi >/dev/null | cat\n',
    ],
    [
      'a long one-line chain is broken',
      `RUN apt-get update && apt-get install -y ${'pkg '.repeat(25)}&& rm -rf /var/lib/apt/lists/*\n`,
      `RUN apt-get update \\\n    && apt-get install -y ${'pkg '.repeat(24)}pkg \\\n` +
        '    && rm -rf /var/lib/apt/lists/*\n',
    ],
    [
      'arguments split over lines stay split',
      'RUN apt-get install -y \\\n\tcurl \\\n\t\tgit\n',
      'RUN apt-get install -y \\\n    curl \\\n    git\n',
    ],
    [
      'pipes of a multi-line RUN are broken one per line too',
      'RUN curl -fsSL https://x | tar -xz -C /usr/local && \\\n  echo done\n',
      'RUN curl -fsSL https://x \\\n    | tar -xz -C /usr/local \\\n    && echo done\n',
    ],
    [
      'a `|` of a case pattern: the chain is broken, the pipes stay',
      'RUN case "$(uname -m)" in amd64|x86_64) a=1 ;; *) a=2 ;; esac && \\\n  echo $a | cat\n',
      'RUN case "$(uname -m)" in amd64 | x86_64) a=1 ;; *) a=2 ;; esac \\\n    && echo $a | cat\n',
    ],
    [
      '`||`, `|&` and the `>|` redirection are not pipes',
      'RUN a || b && \\\n  echo x >| f && c |& d\n',
      'RUN a \\\n    || b \\\n    && echo x >|f \\\n    && c |& d\n',
    ],
    [
      'flags in a stable order where order cannot matter; repeated --mount flags keep theirs',
      'RUN --network=none --mount=type=cache,target=/a --security=insecure --mount=type=bind,target=/b make\n' +
        'COPY --link --chmod=644 --from=build   --chown=app /a /b\n' +
        'ADD --chown=app --checksum=sha256:abc https://x /y\n' +
        'healthcheck --retries=3 --interval=5s cmd true\nFROM --platform=linux/amd64 alpine\n',
      'RUN --mount=type=cache,target=/a --mount=type=bind,target=/b --network=none --security=insecure make\n' +
        'COPY --from=build --chown=app --chmod=644 --link /a /b\n' +
        'ADD --checksum=sha256:abc --chown=app https://x /y\n' +
        'HEALTHCHECK --interval=5s --retries=3 CMD true\nFROM --platform=linux/amd64 alpine\n',
    ],
    [
      '`; \\` chains: each command of a `&&` chain and each `|` on its own line, the `;` lines kept',
      'RUN set -eux; \\\n    apt-get update && apt-get install -y curl; \\\n    curl x | tar -xz; \\\n    echo done\n',
      'RUN set -eux; \\\n    apt-get update \\\n        && apt-get install -y curl; \\\n' +
        '    curl x \\\n        | tar -xz; \\\n    echo done\n',
    ],
    [
      'a `;` before a case terminator kept where written, and left out where it was not',
      'RUN set -eux; \\\n\tcase "$a" in \\\n\t\tx) u=1; \\\n\t\t\t;; \\\n' +
        '\t\t*) echo no; exit 0 ;; \\\n\tesac; \\\n\techo $u\n',
      'RUN set -eux; \\\n    case "$a" in \\\n        x) \\\n            u=1; \\\n            ;; \\\n' +
        '        *) \\\n            echo no; \\\n            exit 0 \\\n            ;; \\\n' +
        '    esac; \\\n    echo $u\n',
    ],
    [
      'a final `;` (on its own line or not) and a line of only `\\` between commands are kept',
      'RUN set -eux; \\\n\tapk add --no-cache \\\n\t\tcurl \\\n\t\tgit \\\n\t; \\\n\t\\\n\tgit --version | head -1;\n' +
        'RUN set -eux; \\\n\tapk add curl \\\n\t;\n',
      'RUN set -eux; \\\n    apk add --no-cache \\\n        curl \\\n        git; \\\n    \\\n' +
        '    git --version \\\n        | head -1;\nRUN set -eux; \\\n    apk add curl \\\n    ;\n',
    ],
    [
      'a line of only `\\` takes the level of the line after it; inside one command it goes',
      'RUN if [ -f x ]; then \\\n    \\\n    echo y; \\\n  fi\nRUN apk add \\\n    \\\n    curl && \\\n    echo x\n',
      'RUN if [ -f x ]; then \\\n        \\\n        echo y; \\\n    fi\nRUN apk add \\\n    curl \\\n    && echo x\n',
    ],
    [
      '`\\;` of find -exec is a word, not a separator',
      'RUN find . -name x -exec rm {} \\; && \\\n  echo y\n',
      'RUN find . -name x -exec rm {} \\; \\\n    && echo y\n',
    ],
    ['CRLF stays CRLF', 'RUN a &&\\\r\n b\r\n', 'RUN a \\\r\n    && b\r\n'],
    [
      'backtick escape, with a SHELL that names sh',
      '# escape=`\nSHELL ["/bin/sh", "-c"]\nRUN a && `\n b\n',
      '# escape=`\nSHELL ["/bin/sh", "-c"]\nRUN a `\n    && b\n',
    ],
  ];
  for (const [name, input, expected] of cases) test(name, () => assert.equal(format(input), expected));

  const untouched: [string, string][] = [
    ['a shell syntax error', 'RUN if then fi &&\\\n    x\n'],
    ['PowerShell', 'SHELL ["powershell", "-Command"]\nRUN Get-Item  x |  Select  y\n'],
    ['a comment line inside the RUN', 'RUN a && \\\n# note\n    b\n'],
    [
      'a heredoc that is not the script, and a python script',
      'RUN cat <<EOF > /x\necho  hi\nEOF\nRUN <<EOF\n#!/usr/bin/env python3\nprint( 1 )\nEOF\n' +
        'RUN <<-EOF\n\techo  hi\n\tEOF\n',
    ],
    ['a break inside a quoted string', 'RUN echo "a  \\\n  b"\n'],
    [
      'flags in an order BuildKit reads alike, but with a flag the table does not know',
      'COPY --link --bogus=1 --from=a /x /y\nRUN --network=host --device=x --mystery make\n',
    ],
  ];
  test('range formatting reprints a RUN only when the range holds all of it', () => {
    const text = 'RUN a &&\\\n  b\n';
    const document = new AnalysedDocument('untitled:x', 0, text, parseText(text));
    assert.deepEqual(formatLines(document, OPTIONS, 0, 0), []);
    assert.deepEqual(
      formatLines(document, OPTIONS, 0, 1).map((e) => e.newText),
      ['RUN a \\\n    && b'],
    );
  });

  test('scripts nested or chained past what the printer can take stay as written; the printer keeps working', () => {
    for (const script of [
      `${'$('.repeat(20_000)}a${')'.repeat(20_000)}`,
      Array(5_000).fill('a').join(' && '),
      `${'if a; then '.repeat(2_000)}b${'; fi'.repeat(2_000)}`,
    ]) {
      const text = `RUN ${script}\n`;
      assert.equal(format(text), text);
    }
    assert.equal(format('RUN a  &&  b\n'), 'RUN a && b\n');
  });

  for (const [name, input] of untouched) test(`left as written: ${name}`, () => assert.equal(format(input), input));
});

describe('multi-line instructions: one space between words, flags in order, layout kept', () => {
  const cases: [string, string, string][] = [
    [
      'ENV pairs: quotes, comment and blank lines inside the continuation kept',
      'ENV A=1   B=2   \\\n# note\n  C=3    D="x  \\\n y"  \\\n\n  E=5\n',
      'ENV A=1 B=2 \\\n# note\n    C=3 D="x  \\\n y" \\\n\n    E=5\n',
    ],
    [
      'LABEL pairs, with tabs and quotes as written',
      'LABEL a="1"\t b=\'2\'   \\\n  c=3   d=4\n',
      'LABEL a="1" b=\'2\' \\\n    c=3 d=4\n',
    ],
    ['ARG with the backtick escape', '# escape=`\nARG  A=1   B   `\n  C=2\n', '# escape=`\nARG A=1 B `\n    C=2\n'],
    [
      'FROM words over lines, AS upper case',
      'FROM --platform=x   \\\n  alpine    as \\\n  b\n',
      'FROM --platform=x \\\n    alpine AS \\\n    b\n',
    ],
    [
      'flags of a multi-line COPY in their order, each in a place of its own',
      'COPY --link   --from=a \\\n  --chown=1 /a /b\nADD --chmod=644 \\\n  --checksum=sha256:x \\\n  https://x /y\n',
      'COPY --from=a --chown=1 \\\n    --link /a /b\n' +
        'ADD --checksum=sha256:x \\\n    --chmod=644 \\\n    https://x /y\n',
    ],
    [
      'flags of a multi-line RUN that keeps its text',
      'RUN --network=none   --mount=type=cache,target=/a \\\n# note\n  make\n',
      'RUN --mount=type=cache,target=/a --network=none \\\n# note\n    make\n',
    ],
  ];
  for (const [name, input, expected] of cases) {
    test(name, () => {
      assert.equal(format(input), expected);
      assert.equal(format(expected), expected);
    });
  }
  const untouched: [string, string][] = [
    ['legacy ENV over lines', 'ENV legacy  value \\\n    more  spaces\n'],
    ['a flag split over lines keeps the order', 'COPY --li\\\nnk --from=a /a /b\n'],
    ['spaces inside a quote at a line break', 'ENV A="x   \\\n    y"\n'],
  ];
  for (const [name, input] of untouched) test(`left as written: ${name}`, () => assert.equal(format(input), input));
});

/** Shell-form RUNs whose text changed other than in blanks: lines broken, joined or moved. */
function relaidRuns(before: string, after: string): number {
  const runs = (text: string): string[] => {
    const lines = text.split('\n');
    return parseDockerfile(text)
      .instructions.filter((i) => i.keyword === 'RUN' && !i.exec)
      .map((i) =>
        lines
          .slice(i.range.start.line, i.range.end.line + 1)
          .join(' ')
          .replace(/\s+/g, ' '),
      );
  };
  const [a, b] = [runs(before), runs(after)];
  return a.filter((run, i) => run !== b[i]).length;
}

test('on every corpus file: same build, same shell trees, and a second pass changes nothing', () => {
  let files = 0;
  let changed = 0;
  let scripts = 0;
  let scriptsChanged = 0;
  let relaid = 0;
  for (const file of corpusFiles()) {
    files++;
    const formatted = format(file.text);
    if (formatted !== file.text) changed++;
    assert.deepEqual(signatureOutsideRunScripts(formatted), signatureOutsideRunScripts(file.text), file.name);
    const before = runScripts(file.text);
    const after = runScripts(formatted);
    assert.equal(after.length, before.length, file.name);
    for (let i = 0; i < before.length; i++) {
      scripts++;
      if (before[i] !== after[i]) scriptsChanged++;
      assert.equal(shellTree(after[i]!), shellTree(before[i]!), `${file.name}: RUN ${i + 1}`);
    }
    assert.equal(format(formatted), formatted, `${file.name}: not idempotent`);
    relaid += relaidRuns(file.text, formatted);
  }
  console.log(
    `corpus: ${files} files, ${changed} changed; ` +
      `${scripts} RUN scripts, ${scriptsChanged} reformatted, ${relaid} with lines broken or joined`,
  );
  assert.equal(files, 218);
  assert.ok(scriptsChanged > 100, `only ${scriptsChanged} scripts reformatted`);
  // Chains of the `cmd; \` style of the official images are broken too (76 before that was fixed).
  assert.ok(relaid > 200, `only ${relaid} RUNs with lines broken or joined`);
});
