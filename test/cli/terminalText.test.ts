// User text on its way to a terminal: file names and quoted Dockerfile text with newlines, ESC,
// other C0/C1 controls and bidi overrides are shown as escapes in the text format and in the
// CLI's own messages, so they can neither forge lines nor control the terminal; JSON keeps them exact.
import assert from 'node:assert/strict';
import { after, test } from 'node:test';
import { showControls } from '../../cli/src/terminalText';
import { makeFolder, removeFolders, runLayerwise } from '../helpers/cli';

after(removeFolders);

test('showControls writes controls, bidi characters and lone surrogates as visible escapes, and nothing else', () => {
  const cases: [string, string][] = [
    ['plain Dockerfile text: ${A:-b} "q" \\ é 😀 한국어', 'plain Dockerfile text: ${A:-b} "q" \\ é 😀 한국어'],
    ['a\nb\r\nc\td', 'a\\nb\\r\\nc\\td'],
    ['\u001b[2J\u001b]0;title\u0007', '\\x1b[2J\\x1b]0;title\\x07'],
    ['\u0000\u0008\u000b\u000c\u001f\u007f', '\\x00\\x08\\x0b\\x0c\\x1f\\x7f'],
    ['\u0085\u009b31m\u0080\u009f', '\\x85\\x9b31m\\x80\\x9f'],
    [
      'evil\u202etxt.exe\u202a\u202c\u2066\u2067\u2068\u2069\u200e\u200f\u061c',
      'evil\\u202etxt.exe\\u202a\\u202c\\u2066\\u2067\\u2068\\u2069\\u200e\\u200f\\u061c',
    ],
    ['line\u2028sep\u2029\ufeff', 'line\\u2028sep\\u2029\\ufeff'],
    [
      'lone \ud800 and \udc00, pair 😀, reversed \udc00\ud800',
      'lone \\ud800 and \\udc00, pair 😀, reversed \\udc00\\ud800',
    ],
  ];
  for (const [input, expected] of cases) assert.equal(showControls(input), expected, JSON.stringify(input));
});

test('showControls handles long hostile text in one pass', () => {
  const text = `${'\u001b'.repeat(200_000)}${' '.repeat(200_000)}${'\ud800'.repeat(200_000)}`;
  assert.equal(showControls(text).length, 200_000 * 4 + 200_000 + 200_000 * 6);
});

// A real file whose name holds a newline, a whole fake finding, an OSC title sequence and a bidi
// override; its text quotes ESC sequences in a stage name and an instruction name.
const NAME = 'Dockerfile.\nDockerfile:9:9 error forged-finding \u001b]0;pwned\u0007\u202etxt.exe';
const TEXT = 'FROM alpine:3.20 AS Bad\u001b[31m\nRU\u001b[2JN echo hi\n';

test('text format: file names and quoted Dockerfile text escaped, one line per finding, no control characters', () => {
  const cwd = makeFolder({ [NAME]: TEXT });
  for (const args of [
    ['check', '.'],
    ['check', NAME],
    ['check', '.', '--color'],
  ]) {
    const run = runLayerwise(args, { cwd });
    assert.equal(run.status, 1, run.stderr);
    const json = JSON.parse(runLayerwise(['check', '.', '--format', 'json'], { cwd }).stdout) as {
      files: { path: string; findings: { code: string; message: string }[] }[];
    };
    const findings = json.files[0]!.findings;
    const lines = run.stdout.trimEnd().split('\n');
    assert.equal(lines.length, findings.length, run.stdout);
    const shownName = 'Dockerfile.\\nDockerfile:9:9 error forged-finding \\x1b]0;pwned\\x07\\u202etxt.exe';
    for (const line of lines) {
      assert.ok(line.replace(/\u001b\[\d+m/g, '').startsWith(`${shownName}:`), line);
      // Our own colours (--color) are the only escape sequences, and nothing else is a control.
      assert.doesNotMatch(line.replace(/\u001b\[\d+m/g, ''), /[\u0000-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/);
    }
    assert.ok(
      lines.some((line) => line.includes('unknown-instruction') && line.includes('RU\\x1b[2JN')),
      run.stdout,
    );
    assert.ok(
      lines.some((line) => line.includes('"Bad\\x1b[31m"')),
      run.stdout,
    );
  }
});

test('JSON and SARIF keep the exact file name and messages', () => {
  const cwd = makeFolder({ [NAME]: TEXT });
  const json = JSON.parse(runLayerwise(['check', '.', '--format', 'json'], { cwd }).stdout) as {
    files: { path: string; findings: { code: string; message: string }[] }[];
  };
  assert.equal(json.files[0]!.path, NAME);
  assert.ok(json.files[0]!.findings.some((f) => f.message.includes('RU\u001b[2JN')));
  const sarif = JSON.parse(runLayerwise(['check', '.', '--format', 'sarif'], { cwd }).stdout) as {
    runs: {
      results: {
        message: { text: string };
        locations: { physicalLocation: { artifactLocation: { uri: string } } }[];
      }[];
    }[];
  };
  const result = sarif.runs[0]!.results[0]!;
  assert.equal(decodeURIComponent(result.locations[0]!.physicalLocation.artifactLocation.uri), NAME);
  assert.ok(sarif.runs[0]!.results.some((r) => r.message.text.includes('\u001b[')));
});

test("the CLI's own messages escape the paths and patterns they quote", () => {
  const cwd = makeFolder({ Dockerfile: 'FROM alpine:3.20\n' });
  const glob = runLayerwise(['check', 'nothing\u001b[2J\n*.x'], { cwd });
  assert.equal(glob.status, 2);
  assert.match(glob.stderr, /no files match nothing\\x1b\[2J\\n\*\.x/);
  assert.doesNotMatch(glob.stderr, /\u001b/);
  const missing = runLayerwise(['check', 'gone\u202e\u0007Dockerfile'], { cwd });
  assert.equal(missing.status, 2);
  assert.match(missing.stderr, /gone\\u202e\\x07Dockerfile/);
  assert.doesNotMatch(missing.stderr, /[\u0007\u202e]/);
  const rule = runLayerwise(['check', '--rule', 'Nope\u001b[5m=off'], { cwd });
  assert.match(rule.stderr, /--rule Nope\\x1b\[5m: no rule has this code/);
  assert.doesNotMatch(rule.stderr, /\u001b/);
});
