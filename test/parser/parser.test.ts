import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { type Instruction, parseDockerfile } from '../../core/src/parser';
import { showRange } from '../helpers/show';

const only = (text: string): Instruction => {
  const tree = parseDockerfile(text);
  assert.equal(tree.instructions.length, 1, `expected one instruction in ${JSON.stringify(text)}`);
  return tree.instructions[0]!;
};
const problems = (text: string): string[] => {
  const tree = parseDockerfile(text);
  return [...tree.problems, ...tree.instructions.flatMap((i) => i.problems)].map(
    (p) => `${p.code}@${showRange(p.range)}`,
  );
};

describe('parser directives', () => {
  test('syntax, escape and check in the leading block, case-insensitive names', () => {
    const tree = parseDockerfile('# syntax=docker/dockerfile:1\n#ESCAPE = `\n# check=skip=JSONArgsRecommended\nFROM a');
    assert.deepEqual(
      tree.directives.map((d) => [d.name, d.value, showRange(d.valueRange)]),
      [
        ['syntax', 'docker/dockerfile:1', '0:9-0:28'],
        ['escape', '`', '1:10-1:11'],
        ['check', 'skip=JSONArgsRecommended', '2:8-2:32'],
      ],
    );
    assert.equal(tree.escapeChar, '`');
  });
  test('escape directive after a plain comment is only a comment', () => {
    const tree = parseDockerfile('# hello\n# escape=`\nFROM a');
    assert.equal(tree.directives.length, 0);
    assert.equal(tree.escapeChar, '\\');
    assert.deepEqual(
      tree.items.map((i) => i.kind),
      ['comment', 'comment', 'instruction'],
    );
  });
  test('escape directive after a blank line is only a comment', () => {
    assert.equal(parseDockerfile('\n# escape=`\nFROM a').escapeChar, '\\');
  });
  test('an unknown directive ends the block', () => {
    const tree = parseDockerfile('# foo=bar\n# escape=`\nFROM a');
    assert.equal(tree.directives.length, 0);
    assert.equal(tree.escapeChar, '\\');
  });
  test('directive after an instruction is a comment', () => {
    assert.equal(parseDockerfile('FROM a\n# escape=`\nRUN x').directives.length, 0);
  });
  test('invalid escape value and duplicates are reported', () => {
    assert.deepEqual(problems('# escape=x\nFROM a'), ['invalid-escape@0:9-0:10']);
    assert.deepEqual(problems('# syntax=a\n# syntax=b\nFROM a'), ['duplicate-directive@1:0-1:10']);
  });
  test('a byte order mark before the first directive', () => {
    const tree = parseDockerfile('\uFEFF# escape=`\nFROM a');
    assert.equal(tree.escapeChar, '`');
    assert.equal(showRange(tree.directives[0]!.range), '0:1-0:11');
  });
});

describe('continuations', () => {
  test('backslash continuation joins lines, keeps exact ranges', () => {
    const run = only('RUN apt-get update && \\\n    apt-get install -y curl');
    assert.equal(run.argsText, 'apt-get update &&     apt-get install -y curl');
    assert.equal(showRange(run.range), '0:0-1:27');
    assert.equal(showRange(run.rest!.range), '0:4-1:27');
    assert.deepEqual(
      run.trivia.map((t) => `${t.kind}@${showRange(t.range)}`),
      ['continuation@0:22-0:23'],
    );
  });
  test('trailing whitespace after the escape still continues', () => {
    assert.equal(only('RUN a \\  \t\n b').argsText, 'a  b');
  });
  test('comment lines and empty lines inside a continuation are trivia', () => {
    const run = only('RUN a \\\n# note\n\n   \n  b');
    assert.equal(run.argsText, 'a   b');
    assert.deepEqual(
      run.trivia.map((t) => `${t.kind}@${t.range.start.line}`),
      ['continuation@0', 'comment@1', 'empty@2', 'empty@3'],
    );
  });
  test('continuation at end of file ends the instruction without error', () => {
    const tree = parseDockerfile('FROM a\nRUN echo \\');
    assert.equal(tree.instructions[1]!.argsText, 'echo ');
    assert.deepEqual(problems('FROM a\nRUN echo \\'), []);
    assert.deepEqual(problems('FROM a\nRUN echo \\\n\n# c\n'), []);
  });
  test('backtick escape with Windows line endings', () => {
    const tree = parseDockerfile(
      '# escape=`\r\nFROM mcr.microsoft.com/windows/servercore\r\n' +
        'RUN dir c:\\ `\r\n    && echo done\r\nCOPY C:\\src C:\\app\\',
    );
    assert.equal(tree.lineCount, 5);
    const [, run, copy] = tree.instructions;
    assert.equal(run!.argsText, 'dir c:\\     && echo done');
    assert.equal(showRange(run!.range), '2:0-3:16');
    assert.equal(copy!.destination!.value, 'C:\\app\\');
  });
  test('with backtick escape, a trailing backslash is not a continuation', () => {
    const tree = parseDockerfile('# escape=`\nFROM a\nRUN echo \\\nRUN b');
    assert.equal(tree.instructions.length, 3);
  });
  test('a line of only an escape starts an instruction on the next line', () => {
    const tree = parseDockerfile('FROM a\n\\\nRUN b');
    assert.equal(tree.instructions[1]!.keyword, 'RUN');
    assert.equal(showRange(tree.instructions[1]!.keywordRange), '2:0-2:3');
  });
});

describe('heredocs', () => {
  test('RUN <<EOF with body and terminator ranges', () => {
    const run = only('RUN <<EOF\napt-get update\napt-get install -y curl\nEOF');
    assert.deepEqual(
      run.heredocs.map((h) => [
        h.name,
        h.chomp,
        h.expand,
        h.terminated,
        showRange(h.range),
        showRange(h.bodyRange),
        showRange(h.terminatorRange),
      ]),
      [['EOF', false, true, true, '0:4-0:9', '1:0-2:23', '3:0-3:3']],
    );
    assert.equal(run.heredocs[0]!.content, 'apt-get update\napt-get install -y curl\n');
    assert.equal(showRange(run.range), '0:0-3:3');
  });
  test('<<- strips leading tabs from body and terminator', () => {
    const run = only('RUN <<-EOT\n\techo a\n\t\techo b\n\tEOT');
    assert.equal(run.heredocs[0]!.content, 'echo a\necho b\n');
    assert.equal(run.heredocs[0]!.terminated, true);
  });
  test('quoted delimiters disable expansion and record no variables', () => {
    for (const word of ["<<'EOF'", '<<"EOF"']) {
      const run = only(`RUN ${word}\necho $HOME\nEOF`);
      assert.equal(run.heredocs[0]!.name, 'EOF');
      assert.equal(run.heredocs[0]!.expand, false);
      assert.equal(run.variables.length, 0);
    }
    const expanded = only('RUN <<EOF\necho $HOME\nEOF');
    assert.deepEqual(
      expanded.variables.map((v) => [v.name, v.inHeredoc, showRange(v.range)]),
      [['HOME', true, '1:5-1:10']],
    );
  });
  test('several heredocs in one instruction are read in order', () => {
    const copy = only('COPY <<one.txt <<two.txt /dest/\nfirst\none.txt\nsecond\ntwo.txt');
    assert.deepEqual(
      copy.heredocs.map((h) => [h.name, h.content, h.terminated]),
      [
        ['one.txt', 'first\n', true],
        ['two.txt', 'second\n', true],
      ],
    );
    assert.equal(copy.destination!.value, '/dest/');
  });
  test('heredoc with a file descriptor and redirect in RUN', () => {
    const run = only('RUN python3 <<EOF > /out\nprint(1)\nEOF');
    assert.equal(run.heredocs[0]!.name, 'EOF');
  });
  test('unterminated heredoc is reported, not crashed on', () => {
    assert.deepEqual(problems('FROM a\nRUN <<EOF\necho hi'), ['unterminated-heredoc@1:4-1:9']);
  });
  test('heredocs are not read for other instructions or in exec form', () => {
    assert.equal(only('ENV a=<<EOF').heredocs.length, 0);
    assert.equal(only('RUN ["cat", "<<EOF"]').heredocs.length, 0);
  });
  test('ADD supports heredocs', () => {
    assert.equal(only('ADD <<EOF /x\nhi\nEOF').heredocs.length, 1);
  });
});

describe('exec form and shell form', () => {
  test('a JSON array of strings is exec form, with string ranges', () => {
    const cmd = only('CMD ["node", "server.js", "--port=\\"80\\""]');
    assert.deepEqual(
      cmd.exec!.strings.map((s) => [s.value, showRange(s.range)]),
      [
        ['node', '0:5-0:11'],
        ['server.js', '0:13-0:24'],
        ['--port="80"', '0:26-0:41'],
      ],
    );
  });
  test('invalid JSON falls back to shell form', () => {
    for (const text of ["CMD ['node', 'x']", 'CMD [node]', 'CMD ["a", 1]', 'CMD ["a",]', 'CMD ["a"] extra']) {
      const cmd = only(text);
      assert.equal(cmd.exec, undefined, text);
      assert.equal(cmd.rest!.value, text.slice(4), text);
    }
  });
  test('JSON with nested brackets inside strings', () => {
    const run = only('RUN ["sh", "-c", "echo [\\"a\\"] && test [ 1 ]"]');
    assert.deepEqual(
      run.exec!.strings.map((s) => s.value),
      ['sh', '-c', 'echo ["a"] && test [ 1 ]'],
    );
  });
  test('exec form across continuation lines', () => {
    const entry = only('ENTRYPOINT ["a", \\\n  "b"]');
    assert.deepEqual(
      entry.exec!.strings.map((s) => [s.value, showRange(s.range)]),
      [
        ['a', '0:12-0:15'],
        ['b', '1:2-1:5'],
      ],
    );
  });
  test('SHELL must be JSON', () => {
    assert.deepEqual(problems('FROM a\nSHELL /bin/bash -c'), ['invalid-json@1:6-1:18']);
    assert.deepEqual(problems('FROM a\nSHELL ["/bin/bash", "-c"]'), []);
  });
});

describe('flags', () => {
  test('--name=value and boolean flags, with ranges', () => {
    const copy = only('COPY --from=build --link --chmod=755 a /b');
    assert.deepEqual(
      copy.flags.map((f) => [f.name, f.value, showRange(f.nameRange), showRange(f.valueRange)]),
      [
        ['from', 'build', '0:7-0:11', '0:12-0:17'],
        ['link', undefined, '0:20-0:24', '-'],
        ['chmod', '755', '0:27-0:32', '0:33-0:36'],
      ],
    );
    assert.deepEqual(
      copy.sources!.map((s) => s.value),
      ['a'],
    );
  });
  test('quoted flag values and mounts', () => {
    const run = only('RUN --mount=type=secret,id="my id" --network=none echo hi');
    assert.deepEqual(
      run.flags.map((f) => [f.name, f.value]),
      [
        ['mount', 'type=secret,id=my id'],
        ['network', 'none'],
      ],
    );
    assert.equal(run.rest!.value, 'echo hi');
  });
  test('a lone -- ends the flags', () => {
    const run = only('RUN -- --not-a-flag');
    assert.equal(run.flags.length, 0);
    assert.equal(run.rest!.value, '--not-a-flag');
  });
  test('HEALTHCHECK flags then CMD', () => {
    const hc = only('HEALTHCHECK --interval=30s --retries=3 CMD ["curl", "-f", "http://x/"]');
    assert.deepEqual(
      hc.flags.map((f) => f.name),
      ['interval', 'retries'],
    );
    assert.equal(hc.healthcheckMode!.value, 'CMD');
    assert.deepEqual(
      hc.exec!.strings.map((s) => s.value),
      ['curl', '-f', 'http://x/'],
    );
    assert.equal(only('HEALTHCHECK NONE').healthcheckMode!.value, 'NONE');
  });
});

describe('instruction arguments', () => {
  test('FROM image and AS name, with platform flag', () => {
    const from = only('FROM --platform=$BUILDPLATFORM golang:1.22 AS build');
    assert.equal(from.image!.value, 'golang:1.22');
    assert.equal(from.stageName!.value, 'build');
    assert.equal(from.asKeyword!.value, 'AS');
    assert.equal(from.flags[0]!.value, '$BUILDPLATFORM');
    assert.deepEqual(
      from.variables.map((v) => v.name),
      ['BUILDPLATFORM'],
    );
  });
  test('FROM with two or four words is invalid', () => {
    assert.deepEqual(problems('FROM a b'), ['invalid-from@0:5-0:8']);
    assert.deepEqual(problems('FROM a AS b c'), ['invalid-from@0:5-0:13']);
    assert.deepEqual(problems('FROM a IS b'), ['invalid-from@0:5-0:11']);
    assert.deepEqual(problems('from a as b'), []);
  });
  test('ENV key=value pairs with quotes and escapes', () => {
    const env = only('ENV A=1 B="two words" C=three\\ words D=\'$lit\'');
    assert.deepEqual(
      env.pairs!.map((p) => [p.key.value, p.value?.value, p.equals]),
      [
        ['A', '1', true],
        ['B', 'two words', true],
        ['C', 'three words', true],
        ['D', '$lit', true],
      ],
    );
    assert.deepEqual(
      env.pairs!.map((p) => showRange(p.value!.range)),
      ['0:6-0:7', '0:10-0:21', '0:24-0:36', '0:39-0:45'],
    );
  });
  test('legacy ENV key value form', () => {
    const env = only('ENV PATH /usr/local/bin:$PATH');
    assert.deepEqual(
      env.pairs!.map((p) => [p.key.value, p.value?.raw, p.equals]),
      [['PATH', '/usr/local/bin:$PATH', false]],
    );
    assert.deepEqual(problems('ENV ONLYKEY'), ['invalid-env@0:4-0:11']);
    assert.deepEqual(problems('ENV A=1 B'), ['invalid-env@0:8-0:9']);
  });
  test('LABEL pairs', () => {
    const label = only('LABEL org.opencontainers.image.title="My app" version=1');
    assert.deepEqual(
      label.pairs!.map((p) => [p.key.value, p.value?.value]),
      [
        ['org.opencontainers.image.title', 'My app'],
        ['version', '1'],
      ],
    );
  });
  test('ARG with and without defaults, several per line', () => {
    const arg = only('ARG A B=2 C="x y"');
    assert.deepEqual(
      arg.pairs!.map((p) => [p.key.value, p.value?.value]),
      [
        ['A', undefined],
        ['B', '2'],
        ['C', 'x y'],
      ],
    );
  });
  test('unterminated quote in ENV is reported', () => {
    assert.deepEqual(problems('ENV A="x'), ['unterminated-quote@0:4-0:8']);
  });
  test('EXPOSE ports and protocols', () => {
    const expose = only('EXPOSE 80 443/tcp 53/UDP 8000-8010/udp');
    assert.deepEqual(
      expose.ports!.map((p) => [p.port.value, p.protocol, showRange(p.port.range)]),
      [
        ['80', undefined, '0:7-0:9'],
        ['443', 'tcp', '0:10-0:13'],
        ['53', 'UDP', '0:18-0:20'],
        ['8000-8010', 'udp', '0:25-0:34'],
      ],
    );
  });
  test('COPY and ADD sources and destination, shell and exec form', () => {
    const copy = only('COPY a b c /dest/');
    assert.deepEqual(
      copy.sources!.map((s) => s.value),
      ['a', 'b', 'c'],
    );
    assert.equal(copy.destination!.value, '/dest/');
    const add = only('ADD ["a b", "/c d/"]');
    assert.deepEqual(
      add.sources!.map((s) => s.value),
      ['a b'],
    );
    assert.equal(add.destination!.value, '/c d/');
    assert.deepEqual(problems('COPY onlyone'), ['missing-arguments@0:5-0:12']);
  });
  test('ONBUILD wraps a trigger instruction; forbidden triggers are reported', () => {
    const onbuild = only('ONBUILD COPY . /app');
    assert.equal(onbuild.trigger!.keyword, 'COPY');
    assert.equal(showRange(onbuild.trigger!.keywordRange), '0:8-0:12');
    assert.deepEqual(
      onbuild.trigger!.sources!.map((s) => s.value),
      ['.'],
    );
    assert.deepEqual(problems('ONBUILD ONBUILD RUN x'), ['onbuild-trigger@0:8-0:15']);
    assert.deepEqual(problems('ONBUILD FROM x'), ['onbuild-trigger@0:8-0:12']);
    assert.deepEqual(problems('onbuild maintainer me'), ['onbuild-trigger@0:8-0:18']);
  });
  test('ONBUILD repeated 100,000 times: one trigger level is read, the rest is reported, nothing recurses', () => {
    const text = `${'ONBUILD '.repeat(100_000)}RUN echo hi`;
    const onbuild = only(text);
    assert.equal(onbuild.trigger!.keyword, 'ONBUILD');
    // The inner ONBUILD is not read: its own trigger would be a third level.
    assert.equal(onbuild.trigger!.trigger, undefined);
    assert.equal(onbuild.trigger!.args.length, 0);
    assert.deepEqual(problems(text), ['onbuild-trigger@0:8-0:15']);
  });
  test('single-argument instructions keep their whole text', () => {
    assert.equal(only('WORKDIR /my dir').args[0]!.value, '/my dir');
    assert.equal(only('USER 1000:1000').args[0]!.value, '1000:1000');
    assert.equal(only('STOPSIGNAL SIGTERM').args[0]!.value, 'SIGTERM');
  });
  test('missing arguments and unknown instructions', () => {
    assert.deepEqual(problems('RUN'), ['missing-arguments@0:0-0:3']);
    assert.deepEqual(problems('WORKDIR   '), ['missing-arguments@0:0-0:7']);
    assert.deepEqual(problems('FORM alpine'), ['unknown-instruction@0:0-0:4']);
    assert.deepEqual(problems('CMD'), []);
  });
  test('keywords are case-insensitive, keep what was written', () => {
    const run = only('  run echo');
    assert.equal(run.keyword, 'RUN');
    assert.equal(run.keywordRaw, 'run');
    assert.equal(showRange(run.keywordRange), '0:2-0:5');
  });
});

describe('variables', () => {
  const vars = (text: string) =>
    only(text).variables.map((v) => [
      v.name,
      v.modifier ?? '',
      v.modifierWord ?? '',
      showRange(v.range),
      showRange(v.nameRange),
    ]);
  test('$VAR and ${VAR}', () => {
    assert.deepEqual(vars('WORKDIR $HOME/${APP}x'), [
      ['HOME', '', '', '0:8-0:13', '0:9-0:13'],
      ['APP', '', '', '0:14-0:20', '0:16-0:19'],
    ]);
  });
  test('every modifier', () => {
    for (const modifier of [':-', '-', ':+', '+', ':?', '?', '#', '##', '%', '%%', '/', '//']) {
      const [v] = vars(`ENV X=\${A${modifier}w}`);
      assert.deepEqual(v!.slice(0, 3), ['A', modifier, 'w'], modifier);
    }
  });
  test('nested references in a modifier word', () => {
    assert.deepEqual(
      vars('ENV X=${A:-${B}}').map((v) => v[0]),
      ['A', 'B'],
    );
  });
  test('escaped dollar and single quotes are no references', () => {
    assert.deepEqual(
      vars('RUN echo \\$HOME \'$USER\' "$SHELL"').map((v) => v[0]),
      ['SHELL'],
    );
  });
  test('with backtick escape, `$ is escaped', () => {
    const tree = parseDockerfile('# escape=`\nFROM a\nWORKDIR `$X/$Y');
    assert.deepEqual(
      tree.instructions[1]!.variables.map((v) => v.name),
      ['Y'],
    );
  });
  test('bad substitutions are reported', () => {
    assert.deepEqual(problems('ENV X=${A'), ['bad-substitution@0:6-0:9']);
    assert.deepEqual(problems('ENV X=${A!b}'), ['bad-substitution@0:6-0:12']);
    assert.deepEqual(problems('ENV X=${}'), ['bad-substitution@0:6-0:9']);
  });
  test('references on continuation lines get their physical position', () => {
    assert.deepEqual(
      vars('RUN echo \\\n  $A').map((v) => v[3]),
      ['1:2-1:4'],
    );
  });
});

describe('lossless structure', () => {
  test('items keep comments and instructions in order with ranges', () => {
    const tree = parseDockerfile('# syntax=x\n\n# about\nFROM a\n\n  # indented\nRUN b\n');
    assert.deepEqual(
      tree.items.map((i) => `${i.kind}@${showRange(i.range)}`),
      ['directive@0:0-0:10', 'comment@2:0-2:7', 'instruction@3:0-3:6', 'comment@5:2-5:12', 'instruction@6:0-6:5'],
    );
  });
  test('UTF-16 columns for non-ASCII text', () => {
    const label = only('LABEL 설명="한글 😀" x=1');
    assert.equal(showRange(label.pairs![1]!.range), '0:17-0:20'); // the emoji counts as two UTF-16 units
  });
});
