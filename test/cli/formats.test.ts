// Each output format of the built `layerwise` binary, run as a process.
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { after, test } from 'node:test';
import Ajv from 'ajv-draft-04';
import addFormats from 'ajv-formats';
import type * as Sarif from 'sarif';
import type { JsonReport } from '../../cli/src/format/json';
import { CLI_PATH, makeFolder, removeFolders, runLayerwise } from '../helpers/cli';

after(removeFolders);

// Line 2: unknown instruction (columns 1-5); line 4: a heredoc never closed (columns 5-10).
const BROKEN = 'FROM alpine:3.20\nRUNX echo hi\nWORKDIR /app\nRUN <<EOF\necho\n';
const CLEAN = 'FROM alpine:3.20\nRUN echo hi\n';

function project(): string {
  return makeFolder({ Dockerfile: BROKEN, 'web/web.dockerfile': CLEAN });
}

test('text: one line per finding, file:line:col severity code message; summary on stderr', () => {
  const run = runLayerwise(['check'], { cwd: project() });
  assert.equal(run.status, 1);
  assert.deepEqual(run.stdout.trimEnd().split('\n'), [
    'Dockerfile:2:1 error unknown-instruction Unknown instruction: RUNX.',
    'Dockerfile:4:5 error unterminated-heredoc The heredoc EOF is never closed: add a line containing only EOF.',
  ]);
  assert.match(run.stderr, /^2 problems in 2 files \(2 errors, 0 warnings, 0 info\)\.$/m);
  assert.doesNotMatch(run.stdout, /\u001b\[/, 'no colours into a pipe');
});

test('text: --lang ko gives the parser messages in Korean', () => {
  const run = runLayerwise(['check', '--lang', 'ko', 'Dockerfile'], { cwd: project() });
  assert.equal(run.status, 1);
  assert.deepEqual(run.stdout.trimEnd().split('\n'), [
    'Dockerfile:2:1 error unknown-instruction 알 수 없는 명령어입니다: RUNX.',
    'Dockerfile:4:5 error unterminated-heredoc heredoc이 닫히지 않았습니다. EOF만 있는 줄을 추가해 닫으세요.',
  ]);
});

test('text: no output and exit 0 for clean files', () => {
  const run = runLayerwise(['check', 'web'], { cwd: project() });
  assert.equal(run.status, 0);
  assert.equal(run.stdout, '');
  assert.match(run.stderr, /1 file checked, no problems\./);
});

test('text: colours with --color or FORCE_COLOR, never with --no-color', () => {
  const cwd = project();
  assert.match(runLayerwise(['check', '--color'], { cwd }).stdout, /\u001b\[31merror\u001b\[0m/);
  assert.match(
    runLayerwise(['check'], { cwd, env: { FORCE_COLOR: '1' } }).stdout,
    /\u001b\[1mDockerfile:2:1\u001b\[0m/,
  );
  assert.doesNotMatch(runLayerwise(['check', '--no-color'], { cwd, env: { FORCE_COLOR: '1' } }).stdout, /\u001b\[/);
});

// `script` (util-linux) gives the process a real terminal.
const hasScript = spawnSync('script', ['--version']).status === 0;
test('text: coloured on a terminal unless NO_COLOR is set', {
  skip: !hasScript && 'script(1) is not installed',
}, () => {
  const cwd = project();
  const onTerminal = (env: Record<string, string>): string => {
    const command = `${JSON.stringify(process.execPath)} ${JSON.stringify(CLI_PATH)} check Dockerfile`;
    const environment = { ...process.env, ...env };
    delete environment.FORCE_COLOR;
    if (!('NO_COLOR' in env)) delete environment.NO_COLOR;
    return spawnSync('script', ['-qec', command, '/dev/null'], { cwd, env: environment, encoding: 'utf8' }).stdout;
  };
  assert.match(onTerminal({}), /\u001b\[31merror/);
  const plain = onTerminal({ NO_COLOR: '1' });
  assert.match(plain, /Dockerfile:2:1 error unknown-instruction/);
  assert.doesNotMatch(plain, /\u001b\[3\dm/);
});

test('json: the documented schema, every checked file listed, positions 1-based', () => {
  const run = runLayerwise(['check', '--format', 'json'], { cwd: project() });
  assert.equal(run.status, 1);
  const report = JSON.parse(run.stdout) as JsonReport;
  assert.equal(report.schemaVersion, 1);
  assert.equal(report.tool.name, 'layerwise');
  assert.deepEqual(
    report.files.map((f) => f.path),
    ['Dockerfile', 'web/web.dockerfile'],
  );
  assert.deepEqual(report.files[0]!.findings[0], {
    code: 'unknown-instruction',
    severity: 'error',
    message: 'Unknown instruction: RUNX.',
    line: 2,
    column: 1,
    endLine: 2,
    endColumn: 5,
    docs: 'https://docs.docker.com/reference/dockerfile/#overview',
    category: 'builder',
    equivalents: [],
    fingerprint: report.files[0]!.findings[0]!.fingerprint,
  });
  assert.match(report.files[0]!.findings[0]!.fingerprint, /^[0-9a-f]{32}:0$/);
  assert.deepEqual(report.files[1]!.findings, []);
  assert.deepEqual(report.problems, []);
  assert.deepEqual(report.summary, { files: 2, error: 2, warning: 0, info: 0, hint: 0 });
  assert.equal(run.stderr, '', 'machine formats keep stderr for problems');
});

const schemaPath = resolve(__dirname, '../../node_modules/@microsoft/jest-sarif/lib/schemas/sarif-2.1.0-rtm.5.json');
function sarifValidator(): (log: unknown) => string[] {
  // The published schema is draft-04 and has one pattern that is not valid with the `u` flag.
  const ajv = new Ajv({ allErrors: true, strict: false, unicodeRegExp: false });
  addFormats(ajv);
  const validate = ajv.compile(JSON.parse(readFileSync(schemaPath, 'utf8')) as object);
  return (log) => (validate(log) ? [] : (validate.errors ?? []).map((e) => `${e.instancePath} ${e.message}`));
}

test('sarif: valid SARIF 2.1.0 with rules (help, links) and results with regions', () => {
  const validate = sarifValidator();
  assert.ok(
    validate({ version: '2.1.0', runs: [{ tool: { driver: {} } }] }).length > 0,
    'the validator rejects a log without a tool name',
  );
  const run = runLayerwise(['check', '--format', 'sarif'], { cwd: project() });
  assert.equal(run.status, 1);
  const log = JSON.parse(run.stdout) as Sarif.Log;
  assert.deepEqual(validate(log), []);
  const sarifRun = log.runs[0]!;
  const rules = sarifRun.tool.driver.rules!;
  assert.deepEqual(
    sarifRun.results!.map((r) => [
      r.ruleId,
      r.level,
      r.locations![0]!.physicalLocation!.artifactLocation!.uri,
      r.locations![0]!.physicalLocation!.region,
    ]),
    [
      ['unknown-instruction', 'error', 'Dockerfile', { startLine: 2, startColumn: 1, endLine: 2, endColumn: 5 }],
      ['unterminated-heredoc', 'error', 'Dockerfile', { startLine: 4, startColumn: 5, endLine: 4, endColumn: 10 }],
    ],
  );
  for (const result of sarifRun.results!) {
    assert.equal(rules[result.ruleIndex!]!.id, result.ruleId, 'ruleIndex points at the rule');
    assert.equal(result.locations![0]!.physicalLocation!.artifactLocation!.uriBaseId, '%SRCROOT%');
  }
  for (const rule of rules) {
    assert.ok(rule.shortDescription?.text, `${rule.id} has a description`);
    assert.match(rule.helpUri ?? '', /^https:\/\//, `${rule.id} links its docs`);
    assert.ok(rule.help?.text.includes(rule.helpUri!), `${rule.id} help names the link`);
  }
  assert.match(sarifRun.originalUriBaseIds!['%SRCROOT%']!.uri!, /^file:\/\/\/.*\/$/);
  assert.equal(sarifRun.invocations![0]!.executionSuccessful, true);
});

test('sarif: unreadable files become tool notifications and the log stays valid', () => {
  const run = runLayerwise(['check', '--format', 'sarif', 'Dockerfile', 'missing/Dockerfile'], { cwd: project() });
  assert.equal(run.status, 2);
  const log = JSON.parse(run.stdout) as Sarif.Log;
  assert.deepEqual(sarifValidator()(log), []);
  const invocation = log.runs[0]!.invocations![0]!;
  assert.equal(invocation.executionSuccessful, false);
  assert.match(
    invocation.toolExecutionNotifications![0]!.message.text!,
    /cannot read missing\/Dockerfile: no such file or folder/,
  );
});

test('sarif: Korean rule descriptions and messages with --lang ko', () => {
  const log = JSON.parse(
    runLayerwise(['check', '--format', 'sarif', '--lang', 'ko'], { cwd: project() }).stdout,
  ) as Sarif.Log;
  const rule = log.runs[0]!.tool.driver.rules!.find((r) => r.id === 'unknown-instruction')!;
  assert.equal(rule.shortDescription!.text, '줄이 Dockerfile 명령어가 아닌 단어로 시작합니다.');
  assert.match(rule.help!.markdown!, /\[문서\]\(https:/);
});

test('github: workflow annotations with file, line, col and title', () => {
  const run = runLayerwise(['check', '--format', 'github'], { cwd: project() });
  assert.equal(run.status, 1);
  assert.deepEqual(run.stdout.trimEnd().split('\n'), [
    '::error file=Dockerfile,line=2,col=1,endLine=2,endColumn=5,title=layerwise unknown-instruction::' +
      'Unknown instruction: RUNX.',
    '::error file=Dockerfile,line=4,col=5,endLine=4,endColumn=10,title=layerwise unterminated-heredoc::' +
      'The heredoc EOF is never closed: add a line containing only EOF.',
  ]);
});

test('github: properties and messages are escaped; unreadable files are annotated too', () => {
  const cwd = makeFolder({ 'a,b:c.dockerfile': 'FROM alpine:3.20\nBAD%WORD x\n' });
  const run = runLayerwise(['check', '--format', 'github', '.', 'gone.dockerfile'], { cwd });
  assert.equal(run.status, 2);
  const lines = run.stdout.trimEnd().split('\n');
  assert.equal(
    lines[0],
    '::error file=a%2Cb%3Ac.dockerfile,line=2,col=1,endLine=2,endColumn=9,title=layerwise unknown-instruction::' +
      'Unknown instruction: BAD%25WORD.',
  );
  assert.equal(lines[1], '::error file=gone.dockerfile::cannot read gone.dockerfile: no such file or folder');
});
