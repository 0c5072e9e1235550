// Property: on generated Dockerfiles (messy spacing, chains, control flow, continuations, comments,
// quotes, CRLF, the backtick escape) formatting keeps the build and the shell trees, and a second
// pass changes nothing.
import assert from 'node:assert/strict';
import { before, test } from 'node:test';
import fc from 'fast-check';
import { formatText } from '../../server/src/service/formatting/formatting';
import { initShellPrinter } from '../../core/src/shell';
import { loadShellTree, runScripts, signatureOutsideRunScripts } from '../helpers/formatSignature';

let shellTree: (script: string) => string | undefined;
before(async () => {
  await initShellPrinter();
  shellTree = await loadShellTree();
});

const space = fc.constantFrom(' ', '  ', '\t', ' \t ');
const command = fc.constantFrom(
  'apt-get update',
  'apt-get install -y curl  git',
  'echo "a  b"',
  "echo 'x;y' >/dev/null",
  'make -j"$(nproc)"',
  'cd /src',
  'true',
  'rm -rf /var/lib/apt/lists/*',
  'curl -fsSL "$URL" | tar -xz',
  'export A=1',
  'ls > out.txt 2>&1',
);
const operator = fc.constantFrom('&&', '||', ';', '|');
const compound = fc.constantFrom(
  'if [ -f x ]; then echo yes; fi',
  'for f in a b; do echo "$f"; done',
  'case "$a" in x) echo x ;; *) echo y ;; esac',
  '{ echo a; echo b; }',
  '(cd x && make)',
);
const shellPart = fc.oneof({ weight: 4, arbitrary: command }, { weight: 1, arbitrary: compound });

/**
 * A shell-form RUN: parts joined by operators, some joins on continuation lines (some followed by a line
 * of only `\\`), maybe a final `;` line.
 */
const run = fc
  .tuple(
    fc.array(fc.tuple(shellPart, operator, fc.constantFrom('', ' \\\n', ' \\\n\\\n'), space), {
      minLength: 0,
      maxLength: 5,
    }),
    shellPart,
    fc.constantFrom('RUN', 'run', 'RUN --mount=type=cache,target=/root/.cache'),
    fc.constantFrom('', ';', ' \\\n;'),
  )
  .map(([parts, last, keyword, end]) => {
    let text = `${keyword} `;
    for (const [part, op, newLine, ws] of parts)
      text += `${part}${ws}${op}${newLine === '' ? ws : newLine.replace(/\n/g, `\n${ws}`)}`;
    return text + last + end;
  });
const other = fc.constantFrom(
  'FROM   alpine:3.20   AS   base',
  'from debian',
  'ENV A=1   B="x  y"',
  'ENV legacy value  with spaces',
  'LABEL a=b    c=d',
  'CMD ["node",   "app.js"]',
  'ENTRYPOINT [ "a" ]',
  'COPY . /app',
  'WORKDIR  /app',
  '# a comment',
  '',
  'ARG V=1',
  'RUN ["sh", "-c", "echo hi"]',
  'RUN a && \\\n# inner comment\n  b',
  'RUN <<EOF\nset -e\necho  hi\nEOF',
  'RUN if then',
  'SHELL ["pwsh", "-c"]',
  'SHELL ["/bin/bash", "-c"]',
  'ENV A=1   B="x  y"   \\\n# note\n    C=3\t D=4',
  'LABEL a=b    c="d \\\n  e"   \\\n\n  f=g',
  'FROM  --platform=$BUILDPLATFORM   \\\n   golang:1.22    AS \\\n  build',
  'COPY --link   --chmod=644 \\\n   --from=build /a /b',
  'ARG  X=1   \\\n  Y',
  'RUN set -eux; \\\n\tcase "$a" in \\\n\t\tx) u=1; \\\n\t\t\t;; \\\n\t\t*) echo no; exit 0 ;; \\\n' +
    '\tesac; \\\n\t\\\n\techo "$u" | cat \\\n\t;',
);
const dockerfile = fc
  .tuple(fc.array(fc.oneof(run, other), { minLength: 1, maxLength: 8 }), fc.constantFrom('\n', '\r\n'), fc.boolean())
  .map(([lines, eol, backtick]) => {
    let text = `${lines.join('\n')}\n`;
    if (backtick) text = `# escape=\`\n${text.replace(/\\\n/g, '`\n')}`;
    return text.replace(/\n/g, eol);
  });

test('formatting generated Dockerfiles keeps the build and the shell, and is idempotent', () => {
  fc.assert(
    fc.property(dockerfile, (text) => {
      const options = { continuationIndent: 4, tabSize: 4 };
      const once = formatText(text, options);
      assert.deepEqual(signatureOutsideRunScripts(once), signatureOutsideRunScripts(text));
      const before = runScripts(text);
      const after = runScripts(once);
      assert.equal(after.length, before.length);
      for (let i = 0; i < before.length; i++) assert.equal(shellTree(after[i]!), shellTree(before[i]!), `RUN ${i + 1}`);
      assert.equal(formatText(once, options), once);
      assert.equal(/\r\n/.test(text), /\r\n/.test(once) || !once.includes('\n'));
    }),
    { numRuns: 300 },
  );
});
