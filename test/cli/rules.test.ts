// The CLI with the rules on main: warnings, severities from settings, `--rule`, `# check=`
// directives and Korean messages all come from the same DiagnosticsEngine as the editor's.
import assert from 'node:assert/strict';
import { after, test } from 'node:test';
import type * as Sarif from 'sarif';
import { makeFolder, removeFolders, runLayerwise } from '../helpers/cli';

after(removeFolders);

// CMD in shell form: JSONArgsRecommended, a warning, on line 2 columns 5-12.
const SHELL_CMD = 'FROM alpine:3.20\nCMD echo hi\n';
const FINDING = 'Dockerfile:2:5 warning JSONArgsRecommended';

test('a warning prints but passes the default fail level; --fail-level warning fails on it', () => {
  const cwd = makeFolder({ Dockerfile: SHELL_CMD });
  const run = runLayerwise(['check'], { cwd });
  assert.equal(run.status, 0);
  assert.ok(run.stdout.startsWith(`${FINDING} CMD in shell form`), run.stdout);
  assert.equal(runLayerwise(['check', '--fail-level', 'warning'], { cwd }).status, 1);
  assert.equal(runLayerwise(['check', '--fail-level', 'info'], { cwd }).status, 1);
});

test('--rule changes a severity or turns a rule off, over the settings file', () => {
  const cwd = makeFolder({
    Dockerfile: SHELL_CMD,
    '.layerwise.json': '{"diagnostics": {"rules": {"JSONArgsRecommended": "info"}}}',
  });
  assert.match(runLayerwise(['check'], { cwd }).stdout, /^Dockerfile:2:5 info JSONArgsRecommended /);
  const raised = runLayerwise(['check', '--rule', 'JSONArgsRecommended=error'], { cwd });
  assert.equal(raised.status, 1);
  assert.match(raised.stdout, /^Dockerfile:2:5 error JSONArgsRecommended /);
  const off = runLayerwise(['check', '--rule', 'JSONArgsRecommended=off'], { cwd });
  assert.equal(off.stdout, '');
  assert.equal(off.stderr, '1 file checked, no problems.\n', 'a known code gives no warning');
});

test('.layerwise.json turns a rule off for the files below it only', () => {
  const cwd = makeFolder({
    'quiet/Dockerfile': SHELL_CMD,
    'quiet/.layerwise.json': '{"diagnostics": {"rules": {"JSONArgsRecommended": "off"}}}',
    'loud/Dockerfile': SHELL_CMD,
  });
  assert.deepEqual(
    runLayerwise(['check'], { cwd })
      .stdout.trimEnd()
      .split('\n')
      .map((line) => line.split(' ').slice(0, 3).join(' ')),
    [`loud/${FINDING}`],
  );
});

test('# check= directives apply as in the editor: skip a rule, or make warnings errors', () => {
  const cwd = makeFolder({
    'a.dockerfile': `# check=skip=JSONArgsRecommended\n${SHELL_CMD}`,
    'b.dockerfile': `# check=error=true\n${SHELL_CMD}`,
  });
  const run = runLayerwise(['check'], { cwd });
  assert.equal(run.status, 1);
  assert.deepEqual(
    run.stdout
      .trimEnd()
      .split('\n')
      .map((line) => line.split(' ').slice(0, 3).join(' ')),
    ['b.dockerfile:3:5 error JSONArgsRecommended'],
  );
});

test('--lang ko gives the rule messages in Korean', () => {
  const run = runLayerwise(['check', '--lang', 'ko'], { cwd: makeFolder({ Dockerfile: SHELL_CMD }) });
  assert.match(run.stdout, /^Dockerfile:2:5 warning JSONArgsRecommended 셸 형식의 CMD는/);
  assert.match(run.stderr, /파일 1개에서 문제 1개를 찾았습니다 \(오류 0, 경고 1, 정보 0\)/);
});

test('warnings in github and sarif formats', () => {
  const cwd = makeFolder({ Dockerfile: SHELL_CMD });
  assert.match(
    runLayerwise(['check', '--format', 'github'], { cwd }).stdout,
    new RegExp(
      '^::warning file=Dockerfile,line=2,col=5,endLine=2,endColumn=12,' +
        'title=layerwise JSONArgsRecommended::CMD in shell form',
    ),
  );
  const log = JSON.parse(runLayerwise(['check', '--format', 'sarif'], { cwd }).stdout) as Sarif.Log;
  const [result] = log.runs[0]!.results!;
  assert.equal(result!.level, 'warning');
  const rule = log.runs[0]!.tool.driver.rules![result!.ruleIndex!]!;
  assert.equal(rule.id, 'JSONArgsRecommended');
  assert.equal(rule.helpUri, 'https://docs.docker.com/reference/build-checks/json-args-recommended/');
  assert.equal(rule.defaultConfiguration!.level, 'warning');
});
