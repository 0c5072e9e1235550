// Property tests on the paths hostile input takes, in-process: parser, model, every rule (the
// check engine the server and CLI share), hover, variable expansion and .dockerignore
// matching. Run as a child process by stress.property.test.ts, one property per process, so a
// hang is killed and reported with the input that caused it:
//   node --import tsx test/hostile/stressProperties.ts <property> [numRuns scale]
// Before each input it prints `input <description>`; at the end `pass` or `fail <message>`.
import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import fc from 'fast-check';
import { BuildContext } from '../../core/src/context/buildContext';
import { DockerIgnore } from '../../core/src/context/dockerignore';
import { buildModel, expandValue } from '../../core/src/model';
import { parseDockerfile, parseText, reparseText } from '../../core/src/parser';
import { RULES } from '../../core/src/rules';
import { AnalysedDocument, CheckEngine, defaultSettings } from '../../core/src/engine';
import { hover } from '../../server/src/service/hover/hover';
import { initShellParser } from '../../core/src/shell';
import { positionAt } from './cases';

/** An input and what to call it when it fails or hangs. */
interface Sample {
  text: string;
  about: string;
}

const say = (line: string): void => void process.stdout.write(`${line.replace(/\n/g, ' ')}\n`);
let failedOnce = false;
function firstFailure(about: string, error: unknown): void {
  if (failedOnce) return;
  failedOnce = true;
  const message = error instanceof Error ? error.message : String(error);
  say(`first-failure ${JSON.stringify(`${about}: ${message}`.slice(0, 2_000))}`);
}

function lineCount(text: string): number {
  return positionAt(text, text.length).line + 1;
}

/**
 * Parses, models and checks `text` with every rule, and asks a hover at each of `positions`:
 * nothing may throw, no rule may fail, and every range must lie in the document, start first.
 */
function checkDocument(
  text: string,
  positions: readonly number[],
  context?: BuildContext,
  path = '/hostile/Dockerfile',
): void {
  const tree = parseDockerfile(text);
  buildModel(tree);
  const lines = lineCount(text);
  for (const instruction of tree.instructions) {
    const { start, end } = instruction.range;
    assert.ok(
      start.line <= end.line && end.line < lines,
      `instruction range ${JSON.stringify(instruction.range)} in ${lines} lines`,
    );
  }
  const document = new AnalysedDocument(`file://${path}`, 1, text, parseText(text));
  const failed: string[] = [];
  const engine = new CheckEngine(RULES, (rule, error) =>
    failed.push(`${rule.code}: ${error instanceof Error ? error.message : String(error)}`),
  );
  const findings = engine.check(document, defaultSettings(), 'en', context);
  assert.deepEqual(failed, [], 'no rule throws');
  for (const d of findings) {
    const { start, end } = d.range;
    assert.ok(
      start.line < end.line || (start.line === end.line && start.character <= end.character),
      `finding ${d.code} range reversed: ${JSON.stringify(d.range)}`,
    );
    assert.ok(end.line < lines + 1, `finding ${d.code} past the end: ${JSON.stringify(d.range)} in ${lines} lines`);
    assert.equal(typeof d.message, 'string');
  }
  for (const offset of positions) {
    const answer = hover(document, positionAt(text, Math.min(offset, text.length)), 'en');
    assert.ok(answer === null || typeof answer === 'object');
  }
}

/** A few hover offsets spread over the text. */
const spread = (text: string): number[] =>
  [0, Math.floor(text.length / 3), Math.floor(text.length / 2), text.length - 1].filter((n) => n >= 0);

const MODIFIERS = [':-', '-', ':+', '+', ':?', '?', '#', '##', '%', '%%', '/', '//', '/#', '/%', ''] as const;
const PLACEMENTS = [
  'FROM ',
  'ENV x=',
  'ARG y=',
  'COPY ',
  'WORKDIR ',
  'RUN echo ',
  'LABEL l=',
  'USER ',
  'EXPOSE ',
  'ADD --chown=',
  'ONBUILD RUN echo ',
] as const;

const nestedReferences: fc.Arbitrary<Sample> = fc
  .record({
    depth: fc.integer({ min: 1, max: 2_500 }),
    modifiers: fc.array(fc.constantFrom(...MODIFIERS), { minLength: 1, maxLength: 5 }),
    closing: fc.constantFrom('all', 'none', 'half', 'extra'),
    placement: fc.constantFrom(...PLACEMENTS),
    inner: fc.constantFrom('x', '', '$a', '*a*b', '"q', "'", '\\', '${'),
  })
  .map(({ depth, modifiers, closing, placement, inner }) => {
    let open = '';
    for (let i = 0; i < depth; i++) open += `\${v${i % 7}${modifiers[i % modifiers.length]}`;
    const close = '}'.repeat(
      closing === 'all' ? depth : closing === 'none' ? 0 : closing === 'half' ? depth >> 1 : depth + 3,
    );
    const text =
      `ARG v0=${'a'.repeat(60)}\nFROM alpine:3.20\nARG v0\n` + `${placement}${open}${inner}${close}\nRUN echo done\n`;
    return {
      text,
      about:
        `\${ nested ${depth} deep with ${modifiers.join(' ')}, closing ${closing}, ` +
        `after "${placement}", inner "${inner}"`,
    };
  });

const RUN_CHARACTERS = [
  '\\',
  '`',
  '$',
  '{',
  '}',
  '"',
  "'",
  '[',
  ']',
  ' ',
  '\t',
  '\r',
  '\n',
  '<',
  '#',
  '-',
  '=',
  ',',
  '\0',
  '\u202e',
  '\ud800',
  '😀',
] as const;
const RUN_PREFIXES = [
  'RUN ',
  'FROM ',
  'CMD ',
  'ENTRYPOINT ',
  'SHELL ',
  'ENV a=',
  'LABEL ',
  '# ',
  '',
  'ARG ',
  'HEALTHCHECK CMD ',
  'COPY ',
  'RUN <<',
  '# escape=',
  '# check=skip=',
] as const;

const longRuns: fc.Arbitrary<Sample> = fc
  .record({
    char: fc.constantFrom(...RUN_CHARACTERS),
    count: fc.integer({ min: 1, max: 20_000 }),
    prefix: fc.constantFrom(...RUN_PREFIXES),
    escapeDirective: fc.boolean(),
  })
  .map(({ char, count, prefix, escapeDirective }) => ({
    text: `${escapeDirective ? '# escape=`\n' : ''}FROM alpine:3.20\n${prefix}${char.repeat(count)}\nRUN echo after\n`,
    about: `${count} × ${JSON.stringify(char)} after "${prefix}"${escapeDirective ? ' with escape=`' : ''}`,
  }));

const hugeHeredocs: fc.Arbitrary<Sample> = fc
  .record({
    lines: fc.integer({ min: 0, max: 10_000 }),
    delimiters: fc.integer({ min: 1, max: 300 }),
    form: fc.constantFrom('<<', '<<-', '<<"', "<<'"),
    terminated: fc.constantFrom('all', 'none', 'first', 'last'),
    instruction: fc.constantFrom('RUN', 'COPY', 'RUN cat', 'ADD'),
  })
  .map(({ lines, delimiters, form, terminated, instruction }) => {
    const quote = form.endsWith('"') ? '"' : form.endsWith("'") ? "'" : '';
    const names = Array.from({ length: delimiters }, (_, i) => `E${i}`);
    const heads = names.map((name) => `${form}${name}${quote}`).join(' ');
    const per = Math.max(1, Math.floor(lines / delimiters));
    const bodies = names.map((name, i) => {
      const close =
        terminated === 'all' || (terminated === 'first' && i === 0) || (terminated === 'last' && i === delimiters - 1);
      return `${'\techo $x ${y} \\\n'.repeat(per)}${close ? `${form === '<<-' ? '\t' : ''}${name}\n` : ''}`;
    });
    const destination = instruction === 'COPY' || instruction === 'ADD' ? ' /dst/' : '';
    const text = `FROM alpine:3.20\n${instruction} ${heads}${destination}\n${bodies.join('')}CMD ["true"]\n`;
    return {
      text,
      about:
        `${instruction} with ${delimiters} × ${form}…${quote} heredocs, ` +
        `${lines} body lines, terminated ${terminated}`,
    };
  });

const CONTINUATION_LINES = [
  '  && echo $x \\',
  '',
  '# comment',
  '# comment \\',
  '  \\',
  ' \\ ',
  '\t\\\t',
  '  --mount=type=cache,target=/c \\',
  '  apt-get install -y x \\',
  '  | tee \\',
] as const;

const manyContinuations: fc.Arbitrary<Sample> = fc
  .record({
    count: fc.integer({ min: 1, max: 10_000 }),
    pattern: fc.array(fc.constantFrom(...CONTINUATION_LINES), { minLength: 1, maxLength: 12 }),
    instruction: fc.constantFrom('RUN', 'ENV', 'LABEL', 'COPY', 'CMD', 'HEALTHCHECK CMD'),
    lineEnd: fc.constantFrom('\n', '\r\n', '\r'),
  })
  .map(({ count, pattern, instruction, lineEnd }) => {
    const body = Array.from({ length: count }, (_, i) => pattern[i % pattern.length]!).join(lineEnd);
    return {
      text: `FROM alpine:3.20${lineEnd}${instruction} start \\${lineEnd}${body}${lineEnd}  end${lineEnd}`,
      about:
        `${instruction} continued over ${count} lines of [${pattern.map((p) => JSON.stringify(p)).join(', ')}], ` +
        `line end ${JSON.stringify(lineEnd)}`,
    };
  });

const GLOB_PARTS = [
  '*',
  '**',
  '?',
  'a',
  'b',
  'aa',
  '[a-b]',
  '[!a]',
  '[^b]',
  '[]',
  '[',
  ']',
  '\\',
  '\\*',
  '/',
  '.',
  '-',
  '$',
  '{',
  '}',
] as const;
const globPattern = fc
  .array(fc.constantFrom(...GLOB_PARTS), { minLength: 0, maxLength: 24 })
  .map((parts) => parts.join(''));
/**
 * Glob text that stays inside `${X#…}`: no brace, `$`, lone backslash or `/` to end or open a reference
 * or split a replacement.
 */
const innerGlobPattern = fc
  .array(fc.constantFrom(...GLOB_PARTS.filter((part) => !/^[{}$\\/]$/.test(part))), { minLength: 0, maxLength: 24 })
  .map((parts) => parts.join(''));
const longValue = fc
  .record({
    unit: fc.constantFrom('a', 'ab', 'b', 'a/', '*', ' '),
    count: fc.integer({ min: 0, max: 5_000 }),
    tail: fc.constantFrom('', 'b', 'c', 'ab'),
  })
  .map(({ unit, count, tail }) => unit.repeat(count) + tail);
const PATTERN_MODIFIERS = ['#', '##', '%', '%%', '/', '//', '/#', '/%'] as const;

function run(property: string, scale: number): Promise<void> | void {
  const runs = (n: number): number => Math.max(1, Math.round(n * scale));
  const check = (sample: Sample): void => {
    say(`input ${sample.about}`);
    try {
      checkDocument(sample.text, spread(sample.text));
    } catch (error) {
      // Shrinking may take long on inputs this size: say what failed first, in case it is cut short.
      firstFailure(sample.about, error);
      throw error;
    }
  };
  switch (property) {
    case 'nested-references':
      return fc.assert(fc.property(nestedReferences, check), { numRuns: runs(25) });
    case 'long-runs':
      return fc.assert(fc.property(longRuns, check), { numRuns: runs(40) });
    case 'huge-heredocs':
      return fc.assert(fc.property(hugeHeredocs, check), { numRuns: runs(12) });
    case 'many-continuations':
      return fc.assert(fc.property(manyContinuations, check), { numRuns: runs(12) });
    case 'pattern-expansion':
      // ${X<op>pattern} on long values, straight through the expander: at most the value (plus
      // replacements), never a throw; then a few whole files with the same in FROM, ENV and COPY.
      fc.assert(
        fc.property(
          longValue,
          fc.constantFrom(...PATTERN_MODIFIERS),
          innerGlobPattern,
          fc.constantFrom('', 'r', 'xyz'),
          (value, op, pattern, replacement) => {
            const raw = op.startsWith('/') ? `\${X${op}${pattern}/${replacement}}` : `\${X${op}${pattern}}`;
            say(`input ${raw} on a ${value.length}-character value ${JSON.stringify(value.slice(0, 12))}…`);
            const result = expandValue(raw, (name) => (name === 'X' ? value : undefined), '\\');
            if (result === undefined) return;
            assert.equal(typeof result, 'string');
            const bound = op.startsWith('/')
              ? value.length * (replacement.length + 1) + replacement.length
              : value.length;
            assert.ok(result.length <= bound, `${raw}: ${result.length} characters from ${value.length}`);
          },
        ),
        { numRuns: runs(400) },
      );
      return fc.assert(
        fc.property(longValue, fc.constantFrom(...PATTERN_MODIFIERS), globPattern, (value, op, pattern) => {
          const ref = `\${X${op}${pattern}${op.startsWith('/') ? '/' : ''}}`;
          check({
            text: `ARG X="${value}"\nFROM alpine:${ref}\nARG X\nENV Y=${ref}\nCOPY ${ref} /d/\nRUN echo ${ref}\n`,
            about: `${ref} in FROM, ENV, COPY on a ${value.length}-character value`,
          });
        }),
        { numRuns: runs(30) },
      );
    case 'dockerignore-matching':
      return dockerignoreMatching(runs);
    case 'hostile-edits':
      // Typing into huge heredocs and continuations: the incremental parse equals a full parse.
      return fc.assert(
        fc.property(
          fc.oneof(hugeHeredocs, manyContinuations),
          fc.nat(),
          fc.constantFrom('x', '\\', '\n', 'EOF\n', '<<E', '$', '`', '"', '\r\n', '}'),
          (sample, at, insert) => {
            say(`input typing ${JSON.stringify(insert)} into ${sample.about}`);
            const i = at % (sample.text.length + 1);
            const edited = sample.text.slice(0, i) + insert + sample.text.slice(i);
            const incremental = reparseText(parseText(sample.text), edited);
            assert.equal(
              JSON.stringify(incremental.tree),
              JSON.stringify(parseText(edited).tree),
              `typing at offset ${i}`,
            );
          },
        ),
        { numRuns: runs(15) },
      );
    default:
      throw new Error(`unknown property ${property}`);
  }
}

/** .dockerignore patterns against long paths: in memory, then through a real build context. */
async function dockerignoreMatching(runs: (n: number) => number): Promise<void> {
  const ignoreLine = fc.tuple(fc.boolean(), globPattern).map(([negate, pattern]) => `${negate ? '!' : ''}${pattern}`);
  const longPath = fc
    .array(fc.record({ unit: fc.constantFrom('a', 'ab', 'b', '.', 'a.b'), count: fc.integer({ min: 1, max: 200 }) }), {
      minLength: 1,
      maxLength: 12,
    })
    .map((segments) => segments.map(({ unit, count }) => unit.repeat(count)).join('/'));
  fc.assert(
    fc.property(fc.array(ignoreLine, { maxLength: 30 }), longPath, (patterns, path) => {
      say(`input .dockerignore [${patterns.join(' | ')}] on a ${path.length}-character path`);
      const ignore = DockerIgnore.parse(patterns.join('\n'));
      const ignored = ignore.isIgnored(path);
      const matched = ignore.matchesOrParentMatches(path);
      assert.equal(typeof ignored, 'boolean');
      assert.equal(typeof matched, 'boolean');
      // The file's own promise: without `!` lines the two rules agree.
      if (!patterns.some((p) => p.startsWith('!')))
        assert.equal(ignored, matched, `[${patterns.join(' | ')}] on ${path}`);
    }),
    { numRuns: runs(400) },
  );
  // Through the engine with a real context: COPY of long names the .dockerignore may exclude.
  const root = mkdtempSync(join(tmpdir(), 'layerwise-stress-'));
  let count = 0;
  try {
    await fc.assert(
      fc.asyncProperty(
        fc.array(ignoreLine, { minLength: 1, maxLength: 12 }),
        fc.array(fc.record({ unit: fc.constantFrom('a', 'ab', 'b'), count: fc.integer({ min: 1, max: 120 }) }), {
          minLength: 1,
          maxLength: 3,
        }),
        async (patterns, names) => {
          const folder = join(root, String(count++));
          const files = names.map(({ unit, count: n }, i) => `${i === 2 ? 'd/' : ''}${unit.repeat(n)}`.slice(0, 250));
          say(
            `input context .dockerignore [${patterns.join(' | ')}] ` +
              `with files ${files.map((f) => `${f.length} chars`).join(', ')}`,
          );
          mkdirSync(folder, { recursive: true });
          writeFileSync(join(folder, '.dockerignore'), patterns.join('\n'));
          for (const file of files) {
            mkdirSync(dirname(join(folder, file)), { recursive: true });
            writeFileSync(join(folder, file), 'x');
          }
          const text =
            `FROM alpine:3.20\n${files.map((f) => `COPY ${f} /dst/`).join('\n')}\n` +
            `COPY ${patterns[0]!.replace(/^!/, '') || '*'} /glob/\nCOPY . /all/\n`;
          const dockerfile = join(folder, 'Dockerfile');
          writeFileSync(dockerfile, text);
          const context = await BuildContext.forDockerfile(dockerfile).listed();
          checkDocument(text, [text.indexOf('COPY') + 6], context, dockerfile);
        },
      ),
      { numRuns: runs(15) },
    );
  } finally {
    rmSync(root, { recursive: true, force: true });
  }
}

async function main(): Promise<void> {
  const [property, scale] = process.argv.slice(2);
  await initShellParser();
  try {
    await run(property ?? '', Number(scale ?? '1'));
    say('pass');
  } catch (error) {
    say(`fail ${JSON.stringify((error instanceof Error ? error.message : String(error)).slice(0, 4_000))}`);
    process.exitCode = 1;
  }
}

void main();
