// Issue 14, "Never hang, never die": the worst-case input of every regular expression and
// position scan that used to take super-linear time on user text, each asserting the right
// answer (the speed-up is measured by hand, never asserted: a slow machine must not fail it).
// Where a hand-written scan replaces a regular expression, the old expression is the oracle on
// every short string of the characters that matter.
import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { before, describe, test } from 'node:test';
import { expandGlob, globParts } from '../../cli/src/discovery';
import { analyseLayers, globMatches, isManifestSource, sourceTakes } from '../../core/src/cache';
import { tableRows } from '../../core/src/docs/markdownTable';
import { WildcardPattern } from '../../core/src/match';
import { buildModel } from '../../core/src/model';
import { type Instruction, parseDockerfile } from '../../core/src/parser';
import { matchDirective } from '../../core/src/parser/directives';
import { pieceAt } from '../../core/src/parser/pieceIndex';
import { replaceVariableReferences, trimTrailing } from '../../core/src/parser/textScan';
import { cacheMountTargets } from '../../core/src/rules/bestPractice/support';
import { ExposeInvalidFormat } from '../../core/src/rules/buildkit/ExposeInvalidFormat';
import { parseGoDuration } from '../../core/src/rules/builder/invalidFlagValue';
import { firstLineRange, withoutContinuation } from '../../core/src/rules/cache/instructionEdits';
import { cursorContext } from '../../server/src/service/completion/cursorContext';
import { directiveItems } from '../../server/src/service/completion/directiveItems';
import { contextConcepts } from '../../server/src/service/hover/contextNotes';
import { instructionFacts } from '../../server/src/service/hover/hereFacts';
import { initShellParser, parseScript, runShell } from '../../core/src/shell';
import { MAX_SCRIPT_NESTING } from '../../core/src/shell/shellParser';
import { showRange } from '../helpers/show';

before(() => initShellParser());

const instruction = (text: string, index: number): Instruction => parseDockerfile(text).instructions[index]!;

/** Every string of length 0..`max` over `alphabet` (the oracle checks). */
function* strings(alphabet: readonly string[], max: number): Generator<string> {
  let level = [''];
  yield '';
  for (let length = 1; length <= max; length++) {
    const next: string[] = [];
    for (const prefix of level) for (const ch of alphabet) next.push(prefix + ch);
    yield* next;
    level = next;
  }
}

describe('parser directives: one pass over the line', () => {
  test('a value with 100,000 blanks inside keeps them; trailing blanks are trimmed', () => {
    const tree = parseDockerfile(`# syntax=a${' '.repeat(100_000)}b${'\t '.repeat(50_000)}\nFROM x`);
    const [directive] = tree.directives;
    assert.equal(directive?.value, `a${' '.repeat(100_000)}b`);
    assert.equal(showRange(directive?.valueRange), '0:9-0:100011');
  });

  test('a value of 100,000 blanks is empty, ranged at the end of the line', () => {
    const tree = parseDockerfile(`#  check =${' '.repeat(100_000)}\nFROM x`);
    assert.deepEqual(
      tree.directives.map((d) => [d.name, d.value, showRange(d.nameRange), showRange(d.valueRange)]),
      [['check', '', '0:3-0:8', '0:100010-0:100010']],
    );
  });

  test('the same matches as /^#[ \\t]*([a-zA-Z][a-zA-Z0-9]*)[ \\t]*=[ \\t]*(.*?)[ \\t]*$/ on every short line', () => {
    const oracle = /^#[ \t]*([a-zA-Z][a-zA-Z0-9]*)[ \t]*=[ \t]*(.*?)[ \t]*$/;
    for (const line of strings(['#', ' ', '\t', 'a', '1', '=', '\u2028', 'x'], 6)) {
      const expected = oracle.exec(line);
      const match = matchDirective(line);
      const actual = match
        ? [line.slice(match.nameStart, match.nameEnd), line.slice(match.valueStart, match.valueEnd)]
        : null;
      assert.deepEqual(actual, expected && [expected[1], expected[2]], JSON.stringify(line));
    }
  });
});

describe('firstLineRange: the first line without its continuation', () => {
  test('3,000 blanks inside a continued RUN stay in the range; the trailing ` \\` does not', () => {
    const text = `FROM x\nRUN a${' '.repeat(3000)}b${' '.repeat(3000)}\\${'\t'.repeat(3000)}\n  c`;
    const run = instruction(text, 1);
    assert.equal(showRange(firstLineRange(run, text.split('\n'))), '1:0-1:3006');
  });

  test('the same end as text.replace(/\\s*[\\\\`]?\\s*$/, "") on every short line', () => {
    for (const line of strings([' ', '\t', '\\', '`', 'a', '\u2028'], 6)) {
      assert.equal(withoutContinuation(line), line.replace(/\s*[\\`]?\s*$/, '').length, JSON.stringify(line));
    }
  });
});

describe('positions of long instructions: binary search over pieces', () => {
  test('pieceAt: a start belongs to the piece it opens, an end to the piece it closes', () => {
    const starts = [0, 5, 5, 9];
    assert.deepEqual(
      [0, 4, 5, 8, 9, 100].map((offset) => pieceAt(starts, offset, false)),
      [0, 0, 2, 2, 3, 3],
    );
    assert.deepEqual(
      [0, 4, 5, 8, 9, 100].map((offset) => pieceAt(starts, offset, true)),
      [0, 0, 0, 2, 2, 3],
    );
    assert.equal(pieceAt([0], 7, true), 0);
  });

  test('a RUN <<EOF script of 40,000 lines: every command on its line', () => {
    const run = instruction(`FROM x\nRUN <<-EOF\n${'\t\techo a b\n'.repeat(40_000)}EOF\n`, 1);
    const commands = runShell(run)!.commands;
    assert.equal(commands.length, 40_000);
    assert.deepEqual(
      [commands[0]!, commands[39_999]!].map((c) => `${showRange(c.range)} ${showRange(c.args[1]!.range)}`),
      ['2:2-2:10 2:9-2:10', '40001:2-40001:10 40001:9-40001:10'],
    );
  });

  test('a RUN of 40,000 continuation lines: variables and shell commands on their lines', () => {
    const run = instruction(`FROM x\nRUN ${'echo $b && \\\n'.repeat(40_000)}true\n`, 1);
    assert.equal(run.variables.length, 40_000);
    assert.equal(showRange(run.variables[39_999]!.range), '40000:5-40000:7');
    const commands = runShell(run)!.commands;
    assert.equal(commands.length, 40_001);
    assert.equal(showRange(commands[40_000]!.range), '40001:0-40001:4');
  });

  test('a RUN reading over 100 heredocs gets no shell view (tree-sitter-bash scans them in quadratic time)', () => {
    const heredocs = (count: number): string =>
      `FROM x\nRUN cat ${Array.from({ length: count }, (_, i) => `<<E${i}`).join(' ')}\n` +
      `${Array.from({ length: count }, (_, i) => `body ${i}\nE${i}\n`).join('')}`;
    const tooMany = runShell(instruction(heredocs(3000), 1))!;
    assert.deepEqual([tooMany.error, tooMany.commands.length], ['more than 100 heredocs in one RUN', 0]);
    const one = runShell(instruction(`FROM x\nRUN cat <<E0 && echo done\n${'body\n'.repeat(1000)}E0\n`, 1))!;
    assert.deepEqual(
      one.commands.map((c) => `${c.name.value}@${showRange(c.range)}`),
      ['cat@1:4-1:7', 'echo@1:16-1:25'],
    );
  });
});

describe('the shell view of deep scripts: no recursion as deep as the input', () => {
  test('20,000 commands joined by && (nested 20,000 deep by tree-sitter-bash) are all read', () => {
    const parsed = parseScript(`${'a && '.repeat(20_000)}b`);
    assert.ok(parsed.ok);
    assert.equal(parsed.script.commands.length, 20_001);
    assert.deepEqual([parsed.script.commands[0]!.after, parsed.script.commands[20_000]!.before], ['&&', '&&']);
  });

  for (const [name, script] of [
    ['subshells', `${'('.repeat(5000)}true${')'.repeat(5000)}`],
    ['substitutions', `echo ${'$('.repeat(5000)}true${')'.repeat(5000)}`],
    ['if statements', `${'if a; then '.repeat(5000)}b${'; fi'.repeat(5000)}`],
    ['brace groups', `${'{ '.repeat(5000)}b; ${'}; '.repeat(5000)}`],
  ] as const) {
    test(`${name} nested 5,000 deep give no view instead of a stack overflow`, () => {
      assert.deepEqual(parseScript(script), {
        ok: false,
        error: `the script nests more than ${MAX_SCRIPT_NESTING} levels deep`,
      });
    });
  }

  test('nesting up to the limit is read', () => {
    const parsed = parseScript(`${'( '.repeat(50)}true${' )'.repeat(50)}`);
    assert.ok(parsed.ok);
    assert.deepEqual(
      parsed.script.commands.map((c) => [c.name.value, c.inSubshell]),
      [['true', true]],
    );
  });
});

describe('the parser on long flag lists and ONBUILD chains', () => {
  test('200,000 flags without a value, then one with a value: ranges stay exact', () => {
    const run = instruction(`FROM x\nRUN ${'--a '.repeat(200_000)}--network=none true\n`, 1);
    assert.equal(run.flags.length, 200_001);
    const last = run.flags[200_000]!;
    assert.deepEqual(
      [last.name, last.value, showRange(last.nameRange), showRange(last.valueRange)],
      ['network', 'none', '1:800006-1:800013', '1:800014-1:800018'],
    );
    assert.equal(run.rest?.value, 'true');
  });

  test('20,000 nested ONBUILD: one onbuild-trigger problem, no recursion', () => {
    const onbuild = instruction(`FROM x\n${'ONBUILD '.repeat(20_000)}RUN true\n`, 1);
    assert.deepEqual(
      onbuild.problems.map((p) => `${p.code}@${showRange(p.range)}`),
      ['onbuild-trigger@1:8-1:15'],
    );
    assert.equal(onbuild.trigger?.keyword, 'ONBUILD');
  });
});

describe('scans that replace anchored or unclosed patterns', () => {
  test('trimTrailing is text.replace(/x+$/, "") on every short string', () => {
    for (const text of strings(['/', 'a', '$'], 7))
      assert.equal(trimTrailing(text, '/'), text.replace(/\/+$/, ''), JSON.stringify(text));
  });

  test('replaceVariableReferences agrees with its regular expression (or its first half) on every short string', () => {
    for (const text of strings(['$', '{', '}', 'a', '1', '-'], 6)) {
      assert.equal(
        replaceVariableReferences(text, '*', true),
        text.replace(/\$\{[^}]*\}|\$[A-Za-z_][A-Za-z0-9_]*/g, '*'),
        JSON.stringify(text),
      );
      assert.equal(replaceVariableReferences(text, '', false), text.replace(/\$\{[^}]*\}/g, ''), JSON.stringify(text));
    }
  });

  test('50,000 trailing slashes: the manifest and the cache mount target are still found', () => {
    assert.equal(isManifestSource(`app/package.json${'/'.repeat(50_000)}`), true);
    assert.equal(isManifestSource(`${'/'.repeat(50_000)}x`), false);
    const run = instruction(
      `FROM x\nRUN --mount=type=cache,target=/root/.npm${'/'.repeat(50_000)} ` +
        `--mount=type=cache,target=${'/'.repeat(50_000)} npm ci`,
      1,
    );
    assert.deepEqual(cacheMountTargets(run), ['/root/.npm', '/']);
  });

  test('a COPY source of 20,000 unclosed ${ is kept; a variable without a value becomes *', () => {
    const unclosed = '${'.repeat(20_000);
    const tree = parseDockerfile(`FROM x\nARG V\nCOPY ${unclosed} $V/src/\${V}.txt /x/\n`);
    const [step] = analyseLayers(buildModel(tree)).steps;
    assert.deepEqual(step?.contextSources, [unclosed, '*/src/*.txt']);
  });

  test('EXPOSE with 20,000 unclosed ${ before a colon is a mapping; ${PORT:-80} is not', () => {
    assert.equal(
      ExposeInvalidFormat.check(instruction(`FROM x\nEXPOSE ${'${'.repeat(20_000)}:1`, 1), undefined as never).length,
      1,
    );
    assert.equal(
      ExposeInvalidFormat.check(instruction('FROM x\nEXPOSE ${PORT:-80} 8080:80', 1), undefined as never).length,
      1,
    );
    assert.equal(ExposeInvalidFormat.check(instruction('FROM x\nEXPOSE ${PORT:-80}', 1), undefined as never).length, 0);
  });

  test('a context path of 20,000 folders is matched against each folder above it', () => {
    const path = `${'b/'.repeat(20_000)}c`;
    assert.equal(sourceTakes('b/b/b', path), true);
    assert.equal(sourceTakes(path, path), true);
    assert.equal(sourceTakes('zz', path), false);
  });
});

describe('file-name globs: linear wildcard matching', () => {
  test('16 stars before a letter that no manifest has: no match (a regular expression backtracks for minutes)', () => {
    assert.equal(isManifestSource(`${'*'.repeat(16)}X`), false);
    assert.equal(globMatches(`${'*a'.repeat(5000)}X`, 'package-lock.json'), false);
  });

  test('globs that take a manifest', () => {
    assert.deepEqual(
      ['package*.json', '*.toml', 'go.*', '[Cc]argo.lock', 'requirements?.txt', 'Gem[^x]ile', 'pom\\.xml', '*'].map(
        (glob) =>
          [...['package.json', 'Cargo.toml', 'go.mod', 'Cargo.lock', 'Gemfile', 'pom.xml']].filter((name) =>
            globMatches(glob, name),
          ),
      ),
      [
        ['package.json'],
        ['Cargo.toml'],
        ['go.mod'],
        ['Cargo.lock'],
        [],
        ['Gemfile'],
        ['pom.xml'],
        ['package.json', 'Cargo.toml', 'go.mod', 'Cargo.lock', 'Gemfile', 'pom.xml'],
      ],
    );
    assert.equal(globMatches('[a', 'a'), false);
    assert.equal(globMatches('a\\', 'a'), false);
  });

  test('the same answers as the glob turned into a regular expression, on every short glob of *, ? and letters', () => {
    const asRegExp = (glob: string): RegExp =>
      new RegExp(`^${glob.replace(/\./g, '\\.').replace(/\*/g, '[^/]*').replace(/\?/g, '[^/]')}$`);
    const names = ['', 'a', 'b', 'ab', 'ba', 'aab', 'a.b', 'abc', 'go.mod'];
    for (const glob of strings(['a', 'b', '*', '?', '.'], 5)) {
      const regex = asRegExp(glob);
      for (const name of names) assert.equal(globMatches(glob, name), regex.test(name), `${glob} ${name}`);
    }
  });
});

describe('HEALTHCHECK durations', () => {
  test('50,000 digits without a unit are not a duration; the forms Go reads still are', () => {
    assert.equal(parseGoDuration(`${'1'.repeat(50_000)}x`), undefined);
    assert.equal(parseGoDuration(`${'1'.repeat(50_000)}.`), undefined);
    assert.deepEqual(['1.5h', '1m30s', '.5s', '2.s', '-1ms', '0', '300µs', '1'].map(parseGoDuration), [
      5.4e12,
      90e9,
      5e8,
      2e9,
      -1e6,
      0,
      3e5,
      undefined,
    ]);
  });
});

describe('completion and hover on long words', () => {
  test('a 50,000-character word before the cursor is the token it replaces', () => {
    const word = 'a'.repeat(50_000);
    const line = `RUN ${word} x${word}`;
    const tree = parseDockerfile(`FROM x\n${line}`);
    const context = cursorContext(tree, ['FROM x', line], { line: 1, character: line.length });
    assert.equal(context.kind, 'argument');
    assert.deepEqual(context.kind === 'argument' && [context.token.length, showRange(context.replace)], [
      50_001,
      '1:50005-1:100006',
    ]);
  });

  test('a directive line with U+2028 after 50,000 letters still gets completions', () => {
    const items = directiveItems(`${'a'.repeat(50_000)}\u2028`, 1, 0, new Set(), 'en');
    assert.deepEqual(
      items.map((item) => item.label),
      ['check', 'escape', 'syntax'],
    );
    // A blank between the name and `=` is not a directive name followed by `=`: names again.
    assert.deepEqual(
      directiveItems(' escape = ', 1, 0, new Set(), 'en').map((item) => item.label),
      ['check', 'escape', 'syntax'],
    );
    const values = directiveItems(' escape=', 1, 0, new Set(), 'en');
    assert.deepEqual(
      values.map((item) => [
        item.label,
        item.textEdit && 'range' in item.textEdit ? showRange(item.textEdit.range) : '',
      ]),
      [
        ['\\', '0:9-0:9'],
        ['`', '0:9-0:9'],
      ],
    );
  });

  test('an ADD source of 20,000 `.git#` before a line separator is copied, not cloned; .git#ref is cloned', () => {
    const facts = (source: string): string => {
      const tree = parseDockerfile(`FROM x\nADD ${source} /src/`);
      return instructionFacts(tree.instructions[1]!, buildModel(tree), 'en')[0]!;
    };
    assert.match(facts(`${'.git#'.repeat(20_000)}\u2028x`), /^copies /);
    assert.match(facts('https://example.com/repo.git#main'), /^clones /);
    assert.match(facts('git@github.com:a/b'), /^clones /);
  });

  test('npm followed by 50,000 blanks is not an install; npm with a word before install is', () => {
    const concepts = (run: string): string[] => {
      const tree = parseDockerfile(`FROM x\nCOPY . .\n${run}`);
      return contextConcepts(tree.instructions[2]!, buildModel(tree));
    };
    assert.deepEqual(concepts(`RUN npm${' '.repeat(50_000)}x`), []);
    assert.deepEqual(concepts(`RUN npm${' '.repeat(50_000)}install`), ['build-cache']);
    assert.deepEqual(concepts('RUN npm -g install x'), ['build-cache']);
  });
});

describe('docs tables', () => {
  test('a separator row is a run of |, :, - and blanks; 50,000 blanks then another character is not one', () => {
    assert.equal(tableRows(`| a | b |\n|${' '.repeat(50_000)}!\n| \`x\` | y |`).length, 0);
    assert.deepEqual(
      tableRows(`| a | b |\n| --- |${' '.repeat(50_000)}\n| \`x\` | y |`).map((row) => row.names),
      [['x']],
    );
  });
});

describe('CLI globs: linear wildcard matching', () => {
  test('**/ and 16 times *a before X on a file named with 40 a: no match (a regular expression takes minutes)', () => {
    const root = mkdtempSync(join(tmpdir(), 'layerwise-glob-'));
    try {
      mkdirSync(join(root, 'sub'));
      writeFileSync(join(root, 'sub', 'a'.repeat(40)), '');
      writeFileSync(join(root, 'sub', 'Dockerfile'), '');
      assert.deepEqual(expandGlob(`**/${'*a'.repeat(16)}X`, root), []);
      assert.deepEqual(expandGlob(`**/${'*a'.repeat(16)}`, root), [join(root, 'sub', 'a'.repeat(40))]);
      assert.deepEqual(expandGlob('sub/[D]ocker*', root), [join(root, 'sub', 'Dockerfile')]);
    } finally {
      rmSync(root, { recursive: true, force: true });
    }
  });

  test('the same answers as the glob turned into a regular expression, on every short glob', () => {
    // The regular expression the CLI used before (server/src/context/dockerignore globToRegExp).
    const asRegExp = (glob: string): RegExp => {
      let source = '';
      for (let i = 0; i < glob.length; i++) {
        const ch = glob[i]!;
        if (ch === '*') {
          if (glob[i + 1] === '*') {
            i++;
            if (glob[i + 1] === '/') {
              i++;
              source += '(?:.*/)?';
            } else source += '.*';
          } else source += '[^/]*';
        } else if (ch === '?') source += '[^/]';
        else if (ch === '[' && glob.indexOf(']', i + 2) >= 0) {
          const close = glob.indexOf(']', i + 2);
          let body = glob.slice(i + 1, close);
          if (body.startsWith('^') || body.startsWith('!')) body = `^${body.slice(1)}`;
          source += `[${body.replace(/\\/g, '\\\\')}]`;
          i = close;
        } else if (ch === '\\' && i + 1 < glob.length) source += glob[++i]!.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&');
        else source += ch.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&');
      }
      return new RegExp(`^${source}$`);
    };
    const paths = ['', 'a', 'b', 'a/b', 'ab', 'a/a/b', 'b/a', 'a.b', '*', 'x/a', '[a'];
    for (const glob of strings(['a', '/', '*', '?', '[a]', '[!a]', '\\*', '.', '['], 4)) {
      const regex = asRegExp(glob);
      const pattern = new WildcardPattern(globParts(glob));
      for (const path of paths) assert.equal(pattern.matches(path), regex.test(path), `${glob} ${path}`);
    }
  });
});
