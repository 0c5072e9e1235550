// Hostile inputs (issue 14, "Never hang, never die"): Dockerfiles and build contexts made to
// trigger backtracking, deep recursion, quadratic scans and runaway output. Every one is
// generated here, so nothing huge is stored in the repository. The CLI, the server, the
// hostile test and `npm run bench:hostile` all read this one list.
import { seededRandom } from '../helpers/seededRandom';

export interface Position {
  line: number;
  character: number;
}

/** One `textDocument/didChange` notification's content changes. */
export type ContentChange = { range: { start: Position; end: Position }; text: string } | { text: string };

export interface HostileCase {
  /** Short, unique, safe as a folder name. */
  name: string;
  /** What it stresses, for the report. */
  about: string;
  /** The Dockerfile as the editor holds it. */
  text: string;
  /** The Dockerfile's bytes on disk, when they are not `text` as UTF-8 (invalid UTF-8). */
  bytes?: Buffer;
  /** The Dockerfile's name in the case folder (default `Dockerfile`). */
  fileName?: string;
  /** Other files of the build context, relative path -> contents (`.dockerignore`, odd names). */
  files?: Record<string, string>;
  /** Where the hover is asked, after the edits when there are any. */
  hover: Position;
  /** didChange notifications sent one after another once the document is open. */
  edits?: ContentChange[][];
}

/** Position of `offset` in `text`, with `\r\n`, `\r` and `\n` as line ends (as in LSP). */
export function positionAt(text: string, offset: number): Position {
  let line = 0;
  let lineStart = 0;
  for (let i = 0; i < offset && i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 10 || (c === 13 && text.charCodeAt(i + 1) !== 10)) {
      line++;
      lineStart = i + 1;
    }
  }
  return { line, character: offset - lineStart };
}

/** Position of the first `needle` in `text` (after `from`), moved `delta` characters into it. */
export function positionOf(text: string, needle: string, delta = 0, from = 0): Position {
  const index = text.indexOf(needle, from);
  if (index < 0) throw new Error(`hostile case: "${needle.slice(0, 40)}" not found`);
  return positionAt(text, index + delta);
}

const repeat = (text: string, count: number): string => text.repeat(count);
const lines = (count: number, line: (i: number) => string): string =>
  Array.from({ length: count }, (_, i) => line(i)).join('\n');

function make(
  name: string,
  about: string,
  text: string,
  hoverAt: string | Position,
  extra: Omit<HostileCase, 'name' | 'about' | 'text' | 'hover'> = {},
): HostileCase {
  const hover = typeof hoverAt === 'string' ? positionOf(text, hoverAt) : hoverAt;
  return { name, about, text, hover, ...extra };
}

const A60 = repeat('a', 60);
const STAR_A_B = '*a*a*a*a*a*a*a*a*a*a*b';

/** A Dockerfile with 500 kB of random bytes between instructions, as it is on disk. */
function randomBytesDockerfile(): Buffer {
  const next = seededRandom(14);
  const chunks: Buffer[] = [Buffer.from('FROM alpine:3.20\nRUN echo \0\0\0\nENV A\0B=c\u0001\u007f\n')];
  for (let i = 0; i < 500; i++) {
    const bytes = Buffer.alloc(1_000);
    for (let j = 0; j < bytes.length; j++) bytes[j] = Math.floor(next() * 256);
    chunks.push(Buffer.from(i % 2 === 0 ? 'RUN ' : '\n'), bytes);
  }
  chunks.push(Buffer.from('\nCMD ["\0"]\n'));
  return Buffer.concat(chunks);
}

/** Cases from the issue, each as written there. */
function issueCases(): HostileCase[] {
  const heredoc40k = `FROM alpine:3.20\nRUN <<EOF\n${lines(40_000, (i) => `echo line ${i}`)}\nEOF\nCMD ["true"]\n`;
  const findings = `FROM alpine:3.20\n${lines(9_999, (i) => (i % 2 === 0 ? 'cmd echo $HOME' : 'ENV a b'))}\n`;
  const nested = `FROM ${repeat('${a:-', 2_000)}alpine${repeat('}', 2_000)}\n`;
  const unclosed = `FROM \${a:-${repeat('$x', 150_000)}\n`;
  return [
    make(
      'pattern-replace-backtrack',
      '`${X/*a*a…*b/}` on a 60-character value (glob-to-regex backtracking)',
      `ARG X=${A60}\nFROM \${X/${STAR_A_B}/}\n`,
      { line: 1, character: 8 },
    ),
    make(
      'dockerignore-backtrack',
      '`.dockerignore` `*a*a…*b` against a COPY source (and a context file) of 60 `a`',
      `FROM alpine:3.20\nCOPY ${A60} /dst/\n`,
      { line: 1, character: 10 },
      {
        files: { '.dockerignore': `${STAR_A_B}\n`, [A60]: 'x\n' },
      },
    ),
    make(
      'syntax-directive-100k-spaces',
      '`# syntax=` followed by 100,000 spaces',
      `# syntax=${repeat(' ', 100_000)}\nFROM alpine:3.20\n`,
      { line: 0, character: 50_000 },
    ),
    make(
      'continued-run-3000-spaces',
      '3,000 spaces around the escape of a continued RUN',
      `FROM alpine:3.20\nRUN echo a${repeat(' ', 3_000)}\\${repeat(' ', 3_000)}\n${repeat(' ', 3_000)}&& echo b\n`,
      { line: 2, character: 3_002 },
    ),
    make(
      'trim-suffix-100k',
      '`${X%%*b}` on a 100,000-character ARG value',
      `ARG X=${repeat('a', 100_000)}\nFROM alpine:\${X%%*b}\nARG X\nRUN echo \${X%%*b} \${X##*b} \${X%*b} \${X#*b}\n`,
      { line: 1, character: 14 },
    ),
    make('nested-default-2000', '`FROM ${a:-${a:-…}}` nested 2,000 deep', nested, {
      line: 0,
      character: 5 * 1_000 + 2,
    }),
    make('unclosed-default-150k', '`${a:-` followed by 150,000 `$x`, never closed', unclosed, {
      line: 0,
      character: 150_000,
    }),
    make('heredoc-40000-lines', 'a 40,000-line heredoc', heredoc40k, { line: 20_000, character: 6 }),
    make('findings-20000', 'a 10,000-line file with about 20,000 findings', findings, { line: 5_000, character: 1 }),
  ];
}

/** Long single lines of one character, each inside a RUN (parser, variables, shell parser). */
function oneCharacterLines(): HostileCase[] {
  // Odd counts leave a quote or a bracket open and a backslash escaping the line end.
  const chars: [string, string][] = [
    ['backslash', '\\'],
    ['dollar', '$'],
    ['brace', '{'],
    ['double-quote', '"'],
    ['single-quote', "'"],
    ['bracket', '['],
    ['space', ' '],
    ['tab', '\t'],
    ['carriage-return', '\r'],
  ];
  return chars.map(([label, c]) => {
    const text = `FROM alpine:3.20\nRUN echo ${repeat(c, 400_001)}\nCMD ["true"]\n`;
    return make(
      `line-of-${label}`,
      `one line of 400,001 \`${JSON.stringify(c).slice(1, -1)}\` in a RUN`,
      text,
      c === '\r' ? { line: 1, character: 4 } : { line: 1, character: 200_000 },
    );
  });
}

/** Our own: structures that make naive code recurse, rescan or expand without limit. */
function ownCases(): HostileCase[] {
  const cases: HostileCase[] = [];
  const add = (...args: Parameters<typeof make>): void => void cases.push(make(...args));

  add(
    'json-deep-arrays',
    'exec forms nested 50,000 `[` deep, closed and unclosed',
    [
      'FROM alpine:3.20',
      `CMD ${repeat('[', 50_000)}"a"${repeat(']', 50_000)}`,
      `ENTRYPOINT ${repeat('[', 100_000)}`,
      `SHELL ${repeat('["', 50_000)}`,
      `RUN ${repeat('[', 50_000)}${repeat(']', 49_999)}`,
      '',
    ].join('\n'),
    { line: 1, character: 25_000 },
  );

  add(
    'json-escapes',
    'exec form strings of 100,000 escapes, one unterminated',
    [
      'FROM alpine:3.20',
      `CMD ["${repeat('\\u0000\\n\\"', 50_000)}"]`,
      `ENTRYPOINT ["${repeat('\\', 100_001)}`,
      '',
    ].join('\n'),
    { line: 1, character: 100_000 },
  );

  add(
    'flags-100k',
    'RUN with 100,000 unknown flags, COPY with 50,000 repeated ones',
    [
      'FROM alpine:3.20',
      `RUN ${repeat('--x ', 100_000)}echo hi`,
      `COPY ${repeat('--chmod=644 ', 50_000)}a /a`,
      '',
    ].join('\n'),
    { line: 1, character: 200_000 },
  );

  add(
    'env-100k-pairs',
    'ENV with 100,000 distinct pairs on one line, then an undefined variable (did-you-mean over all)',
    [
      'FROM alpine:3.20',
      `ENV ${Array.from({ length: 100_000 }, (_, i) => `v${i}=${i}`).join(' ')}`,
      'WORKDIR $v99999x',
      'LABEL x=${v5000}',
      '',
    ].join('\n'),
    'v99999x',
  );

  add(
    'long-stage-names',
    '100 stages with 6,500-character names, each COPY --from= the previous',
    (() => {
      const name = (i: number): string => `s${i}${repeat('x', 6_500)}`;
      const out = [`FROM alpine:3.20 AS ${name(0)}`];
      for (let i = 1; i < 100; i++) out.push(`FROM ${name(i - 1)} AS ${name(i)}`, `COPY --from=${name(i - 1)} /a /a`);
      return `${out.join('\n')}\n`;
    })(),
    { line: 197, character: 3_000 },
  );

  add(
    'stages-10000-chain',
    '10,000 stages, each FROM the previous one',
    `FROM alpine:3.20 AS s0\n${lines(9_999, (i) => `FROM s${i} AS s${i + 1}`)}\nRUN echo $HOSTNAME\n`,
    { line: 9_999, character: 6 },
  );

  add(
    'copy-from-10000-cycle',
    '10,000 stages that COPY --from= the previous one, closed into a cycle',
    (() => {
      const out = ['FROM alpine:3.20 AS s0', 'COPY --from=s9999 /a /a'];
      for (let i = 1; i < 10_000; i++) out.push(`FROM alpine:3.20 AS s${i}`, `COPY --from=s${i - 1} /a /a`);
      return `${out.join('\n')}\n`;
    })(),
    { line: 1, character: 14 },
  );

  add(
    'check-skip-directives',
    'a 300 kB `# check=skip=` directive and 5,000 `# check=skip=` comments above instructions',
    [
      `# check=skip=${Array.from({ length: 20_000 }, (_, i) => `Rule${i}`).join(',')}`,
      '# check=error=true',
      'FROM alpine:3.20',
      lines(5_000, (i) => `# check=skip=JSONArgsRecommended,UndefinedVar,${repeat(',', i % 50)}\nCMD echo $x${i}`),
      '',
    ].join('\n'),
    { line: 0, character: 20 },
  );

  const binary = randomBytesDockerfile();
  add(
    'binary-nul',
    '500 kB of random bytes with NUL, C0 controls and invalid UTF-8, between instructions',
    binary.toString('utf8'),
    { line: 1, character: 10 },
    { bytes: binary },
  );

  add(
    'lone-surrogates',
    'lone UTF-16 surrogates in instruction names, variables, JSON, heredoc delimiters and stage names',
    [
      'FROM alpine:3.20 AS st\uD800',
      `RU\uDC00N echo \${a\uD800b} \${\uDFFF:-x}`,
      'CMD ["\uD800", "\uDC00\uD800"]',
      'RUN <<E\uD800\necho \uDC00\nE\uD800',
      `COPY --from=st\uD800 /a /b`,
      `LABEL ${repeat('\uD83D', 100_000)}=${repeat('\uDE00', 100_000)}`,
      `ENV x=😀${repeat('😀\uD83D', 50_000)}`,
      '',
    ].join('\n'),
    { line: 6, character: 7 } /* between the halves of an emoji */,
  );

  add(
    'crlf-cr-mix',
    'CRLF, CR, LF and LF-CR line ends mixed, in continuations and heredocs',
    (() => {
      const ends = ['\r\n', '\r', '\n', '\n\r'];
      const out: string[] = ['FROM alpine:3.20\r\n'];
      for (let i = 0; i < 5_000; i++) {
        const end = ends[i % 4]!;
        out.push(`RUN echo ${i} \\${end}  && echo b \\\r${end}`, `RUN <<EOF${end}x${end}EOF${ends[(i + 1) % 4]}`);
      }
      return out.join('');
    })(),
    { line: 3, character: 4 },
  );

  add(
    'escape-directive-variants',
    '10,000 conflicting `escape=` directives, then backtick continuations',
    [
      ...Array.from(
        { length: 10_000 },
        (_, i) => ['# escape=`', '#escape=\\', '# ESCAPE = `', '# escape=', '# escape=xx', '#  escape  =  `  '][i % 6]!,
      ),
      'FROM alpine:3.20',
      `RUN echo a \`\n  && echo b \\\n  && echo c`,
      '',
    ].join('\n'),
    { line: 10_001, character: 5 },
  );

  add(
    'escape-backtick-long',
    '`# escape=`` then a line of 400,001 backticks',
    `# escape=\`\nFROM alpine:3.20\nRUN echo ${repeat('`', 400_001)}\nCMD ["true"]\n`,
    { line: 2, character: 200_000 },
  );

  add(
    'heredoc-10000-delimiters',
    'one RUN with 10,000 heredocs, all closed',
    `FROM alpine:3.20\nRUN ${Array.from({ length: 10_000 }, (_, i) => `<<E${i}`).join(' ')}\n` +
      `${lines(10_000, (i) => `echo ${i}\nE${i}`)}\nCMD ["true"]\n`,
    { line: 1, character: 5 },
  );

  add(
    'heredoc-10000-unterminated',
    'one RUN with 10,000 heredocs (plain, `-`, quoted) none closed, over 2,000 lines',
    'FROM alpine:3.20\nRUN ' +
      `${Array.from({ length: 10_000 }, (_, i) => ['<<EOF', '<<-EOF', '<<"EOF"', "<<'E O'"][i % 4]).join(' ')}\n` +
      `${lines(2_000, (i) => `echo ${i}`)}\n`,
    { line: 1, character: 5 },
  );

  add(
    'heredoc-long-delimiter',
    'a heredoc delimiter of 100,000 characters, and an unclosed quoted one',
    `FROM alpine:3.20\nRUN <<${repeat('E', 100_000)}\necho hi\n${repeat('E', 100_000)}\n` +
      `RUN <<"${repeat('F', 100_000)}\necho\n`,
    { line: 1, character: 50_000 },
  );

  add(
    'modifier-chains',
    '`${` chains with every modifier, nested 1,200 deep, and 30,000 in a row',
    (() => {
      const modifiers = [':-', ':+', '-', '+', ':?', '?', '#', '##', '%', '%%', '/', '//', '/#', '/%'];
      let nested = 'x';
      for (let i = 0; i < 1_200; i++) nested = `\${v${i}${modifiers[i % modifiers.length]}${nested}}`;
      const flat = Array.from({ length: 30_000 }, (_, i) => `\${v${i % 97}${modifiers[i % modifiers.length]}*a*}`).join(
        '',
      );
      return `ARG v0=${A60}\nFROM alpine:3.20\nARG v0\nENV n=${nested}\nWORKDIR /${flat}\nFROM ${nested}\n`;
    })(),
    { line: 3, character: 600 },
  );

  add(
    'comment-1mb',
    'a 1 MB directive-like comment on the first line, and a 1 MB comment inside a continued RUN',
    `#${repeat(' x=', 350_000)}\nFROM alpine:3.20\nRUN echo a \\\n# ${repeat('c', 1_000_000)}\n  && echo b\n`,
    { line: 0, character: 500_000 },
  );

  add(
    'long-file-name',
    'context files with 255-byte names, a COPY of one, and a deep `**/` .dockerignore',
    `FROM alpine:3.20\nCOPY ${repeat('n', 255)} ${repeat('m', 250)}* /dst/\nCOPY . .\n`,
    { line: 1, character: 100 },
    {
      files: {
        [repeat('n', 255)]: 'x\n',
        [`${repeat('m', 250)}.txt`]: 'x\n',
        [`${repeat('d', 200)}/${repeat('e', 255)}`]: 'x\n',
        '.dockerignore': `${repeat('**/', 5_000)}x\n${repeat('*', 10_000)}y\n!${repeat('?', 5_000)}\n`,
      },
    },
  );

  add(
    'dockerignore-20000-patterns',
    '20,000 .dockerignore patterns with negations and brackets against a 300-file context',
    `FROM alpine:3.20\nCOPY . /app/\nCOPY src/*.js lib/[a-z]*.txt /app/\nRUN npm ci\n`,
    { line: 1, character: 5 },
    {
      files: {
        '.dockerignore': lines(
          20_000,
          (i) =>
            [`**/f${i}*`, `!src/**/${i}?.js`, `lib/[a-${String.fromCharCode(97 + (i % 26))}]*${i}`, `*${i}*/**/*.tmp`][
              i % 4
            ]!,
        ),
        ...Object.fromEntries(
          Array.from({ length: 300 }, (_, i) => [
            `${['src', 'lib', 'deep/a/b/c'][i % 3]}/f${i}.${['js', 'txt', 'tmp'][i % 3]}`,
            'x\n',
          ]),
        ),
      },
    },
  );

  add(
    'copy-source-backtrack',
    'a COPY source glob `*a*a…*b` against a context file of 60 `a`',
    `FROM alpine:3.20\nCOPY ${STAR_A_B} /dst/\nADD ${repeat('*a', 30)}b /dst/\n`,
    { line: 1, character: 8 },
    {
      files: { [A60]: 'x\n', [`d${A60}/${A60}`]: 'x\n' },
    },
  );

  add(
    'alternating-quotes',
    'a RUN of 400,000 alternating quotes and escapes',
    `FROM alpine:3.20\nRUN ${repeat(`'"\\`, 133_334)}\nLABEL a=${repeat(`"'`, 100_001)}\n`,
    { line: 1, character: 100_000 },
  );

  add(
    'huge-numbers',
    'durations, ports, modes and counts of 100,000 digits',
    [
      'FROM alpine:3.20',
      `HEALTHCHECK --interval=1${repeat('0', 100_000)}s --retries=${repeat('9', 100_000)} CMD true`,
      `EXPOSE ${repeat('9', 100_000)} 1-${repeat('9', 100_000)}/tcp`,
      `COPY --chmod=${repeat('7', 100_000)} a /a`,
      `STOPSIGNAL ${repeat('9', 100_000)}`,
      '',
    ].join('\n'),
    { line: 1, character: 30 },
  );

  add(
    'image-reference-backtrack',
    'FROM image references made to backtrack a reference regex',
    [
      `FROM ${repeat('a', 100_000)}!`,
      `FROM ${repeat('a.', 50_000)}!`,
      `FROM ${repeat('a-', 50_000)}_`,
      `FROM ${repeat('a/', 50_000)}:`,
      `FROM ${repeat('a__', 30_000)}A`,
      `FROM localhost:${repeat('5', 50_000)}/x:${repeat('t', 200)}@sha256:${repeat('f', 50_000)}`,
      '',
    ].join('\n'),
    { line: 1, character: 50_000 },
  );

  add(
    'mount-options',
    'RUN --mount with 50,000 options and a quoted CSV never closed',
    `FROM alpine:3.20\nRUN --mount=${repeat('type=cache,', 50_000)}target=/x ` +
      `--mount=type=bind,source="${repeat('a,', 50_000)} echo\n`,
    { line: 1, character: 300_000 },
  );

  add(
    'onbuild-100k',
    'ONBUILD repeated 100,000 times before one RUN',
    `FROM alpine:3.20\n${repeat('ONBUILD ', 100_000)}RUN echo hi\n`,
    { line: 1, character: 400_000 },
  );

  add(
    'continuations-50000',
    'one RUN continued over 50,000 lines with empty and comment lines between',
    'FROM alpine:3.20\nRUN echo start \\\n' +
      `${lines(50_000, (i) => ['  && echo $i \\', '', '# comment \\'][i % 3]!)}\n  && echo end\n`,
    { line: 25_000, character: 4 },
  );

  add(
    'astral-characters',
    '250,000 emoji in a RUN, in a variable name and in a stage name',
    `FROM alpine:3.20 AS ${repeat('😀', 50_000)}\nRUN echo ${repeat('😀', 250_000)}\n` +
      `RUN echo \${${repeat('😀', 50_000)}}\n`,
    { line: 1, character: 100_001 },
  );

  add(
    'arg-doubling',
    '60 ARGs, each the previous one twice (2^60 characters if expanded eagerly)',
    (() => {
      const out = ['ARG a0=xy'];
      for (let i = 1; i < 60; i++) out.push(`ARG a${i}=\${a${i - 1}}\${a${i - 1}}`);
      out.push(
        'FROM alpine:${a59}',
        'ARG a59',
        'ENV e0=$a59',
        ...Array.from({ length: 59 }, (_, i) => `ENV e${i + 1}=\${e${i}}\${e${i}}`),
        'WORKDIR /$e59',
        'RUN echo $a59 $e59',
        '',
      );
      return out.join('\n');
    })(),
    { line: 60, character: 15 },
  );

  return cases;
}

/** didChange on hostile text: typing into a 20,000-line heredoc, one character a notification. */
function editCases(): HostileCase[] {
  const text = `FROM alpine:3.20\nRUN <<EOF\n${lines(20_000, (i) => `echo line ${i}`)}\nEOF\nCMD ["true"]\n`;
  const line = 10_002;
  const edits: ContentChange[][] = Array.from({ length: 10 }, (_, i) => [
    { range: { start: { line, character: i }, end: { line, character: i } }, text: 'typing!!!$'[i]! },
  ]);
  return [
    make(
      'edit-heredoc-20000',
      'typing 10 characters, one didChange each, into a 20,000-line heredoc',
      text,
      { line, character: 5 },
      { edits },
    ),
  ];
}

let built: HostileCase[] | undefined;

/** Every hostile case, generated once per process. */
export function hostileCases(): readonly HostileCase[] {
  built ??= [...issueCases(), ...oneCharacterLines(), ...ownCases(), ...editCases()];
  return built;
}
