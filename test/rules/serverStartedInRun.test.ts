// ServerStartedInRun: a RUN that starts a long-running server gets a hint that the server belongs
// in CMD, with a fix that moves it there in exec form. One-shot commands, and servers started only
// to serve later commands of the same RUN, stay quiet.
import assert from 'node:assert/strict';
import { before, describe, test } from 'node:test';
import { serverStartedInRun } from '../../core/src/rules/bestPractice/serverStartedInRun';
import { initShellParser } from '../../core/src/shell';
import { fixed, ranges, runRule } from '../helpers/ruleHarness';

before(() => initShellParser());

const run = (command: string, base = 'node:22'): string => `FROM ${base}\nRUN ${command}\n`;

/** RUN lines that start a server, and the range of the finding on line 1. */
const FIRES: [command: string, range: string, background: boolean][] = [
  ['npm start', '1:4-1:13', false],
  ['npm run start:prod', '1:4-1:22', false],
  ['yarn dev', '1:4-1:12', false],
  ['pnpm run start', '1:4-1:18', false],
  ['node server.js', '1:4-1:18', false],
  ['node -r dotenv/config dist/app.js', '1:4-1:37', false],
  ['exec node bin/www', '1:4-1:21', false],
  ['flask run --host=0.0.0.0', '1:4-1:28', false],
  ['python -m flask run', '1:4-1:23', false],
  ['uvicorn main:app --host 0.0.0.0 --port 8000', '1:4-1:47', false],
  ['gunicorn -b :8000 app:app', '1:4-1:29', false],
  ['python3 -m uvicorn app:app', '1:4-1:30', false],
  ['rails server -b 0.0.0.0', '1:4-1:27', false],
  ['bundle exec rails s', '1:4-1:23', false],
  ['python manage.py runserver 0.0.0.0:8000', '1:4-1:43', false],
  ['php -S 0.0.0.0:8000 -t public', '1:4-1:33', false],
  ['php artisan serve', '1:4-1:21', false],
  ['java -jar app.jar', '1:4-1:21', false],
  ["nginx -g 'daemon off;'", '1:4-1:26', false],
  ['httpd -DFOREGROUND', '1:4-1:22', false],
  // Servers that go to the background are stopped when the step ends.
  ['service nginx start', '1:4-1:23', true],
  ['apt-get install -y nginx && service nginx restart', '1:32-1:53', true],
  ['/etc/init.d/apache2 start', '1:4-1:29', true],
  ['nginx', '1:4-1:9', true],
  ['npm ci && node server.js &', '1:14-1:28', true],
  // A foreground server anywhere in the chain keeps the rest from ever running.
  ['npm start && echo started', '1:4-1:13', false],
];

/** RUN lines that only run something once, or start a server to use it in the same RUN. */
const QUIET = [
  'python manage.py collectstatic --noinput',
  'python manage.py migrate',
  'node build.js',
  'node -e "require(\'./server.js\')"',
  'node --check server.js',
  'npm run build',
  'npm ci',
  'npm test',
  'yarn install --frozen-lockfile',
  'service nginx stop',
  'service --status-all',
  'nginx -t',
  'nginx -s reload',
  'gunicorn --version',
  'uvicorn --help',
  'flask db upgrade',
  'rails db:migrate',
  'rails assets:precompile',
  'java -Djarmode=layertools -jar app.jar extract',
  'java -jar /tmp/installer.jar --install /opt/tool',
  'apachectl configtest',
  'echo "npm start"',
  // A server started to prepare something later in the same RUN.
  'service mysql start && mysql < /docker/schema.sql',
  'node server.js & sleep 2 && curl -fsS http://localhost:3000/warmup',
  'nginx && curl -fsS http://localhost/ && nginx -s stop',
  // Not run at the top level of the RUN: left alone.
  'if [ "$DEV" = 1 ]; then npm start; fi',
  '(cd /app && npm start)',
  'npm start | tee /var/log/app.log',
];

describe('ServerStartedInRun', () => {
  for (const [command, range, background] of FIRES) {
    test(`fires on ${command}`, () => {
      const findings = runRule(serverStartedInRun, run(command));
      assert.deepEqual(ranges(findings), [range]);
      const message = findings[0]!.message;
      assert.match(message.en, background ? /stopped as soon as this step ends/ : /the build hangs/);
      assert.match(message.ko, background ? /이 단계가 끝나면 서버도 멈추므로/ : /빌드가 멈춥니다/);
      assert.match(message.en, /CMD/);
    });
  }

  test('stays quiet on one-shot commands and on servers that serve the rest of their RUN', () => {
    for (const command of QUIET) assert.deepEqual(ranges(runRule(serverStartedInRun, run(command))), [], command);
    assert.deepEqual(
      ranges(runRule(serverStartedInRun, 'FROM node:22\nCMD ["npm", "start"]\nRUN ["npm", "start"]\n')),
      [],
      'exec-form RUN is not read as shell',
    );
  });

  test('a later CMD in the stage is named, and no fix adds a second one', () => {
    const [finding] = runRule(serverStartedInRun, 'FROM node:22\nRUN npm start\nCMD ["node", "server.js"]\n');
    assert.match(finding!.message.en, /The CMD below already says what the container runs/);
    assert.match(finding!.message.ko, /아래의 CMD에 이미 있으니/);
    assert.deepEqual(
      finding!.related?.map((place) => place.range.start.line),
      [2],
    );
    assert.equal(finding!.fixes, undefined);
  });
});

/** Dockerfile before the fix, and after it (undefined: the finding has no fix). */
const FIXES: [name: string, text: string, after: string | undefined][] = [
  [
    'a single command becomes CMD',
    'FROM node:22\nWORKDIR /app\nRUN npm start\n',
    'FROM node:22\nWORKDIR /app\nCMD ["npm", "start"]\n',
  ],
  [
    'exec and the background & are dropped',
    'FROM node:22\nRUN exec node server.js &\n',
    'FROM node:22\nCMD ["node", "server.js"]\n',
  ],
  [
    'quoted words stay one argument',
    "FROM nginx:1.27\nRUN nginx -g 'daemon off;'\n",
    'FROM nginx:1.27\nCMD ["nginx", "-g", "daemon off;"]\n',
  ],
  [
    'the end of an && chain moves, the rest stays in RUN',
    'FROM python:3.13\nRUN pip install --no-cache-dir -r requirements.txt && gunicorn -b :8000 app:app\nEXPOSE 8000\n',
    'FROM python:3.13\nRUN pip install --no-cache-dir -r requirements.txt\n' +
      'CMD ["gunicorn", "-b", ":8000", "app:app"]\nEXPOSE 8000\n',
  ],
  [
    'over continuation lines and a comment line inside them',
    'FROM node:22\nRUN npm ci \\\n    && npm run build \\\n    # then serve it\n    && npm start\n',
    'FROM node:22\nRUN npm ci \\\n    && npm run build\nCMD ["npm", "start"]\n',
  ],
  [
    'with the backtick escape',
    '# escape=`\nFROM node:22\nRUN npm ci `\n    && npm start\n',
    '# escape=`\nFROM node:22\nRUN npm ci\nCMD ["npm", "start"]\n',
  ],
  ['not after ;', 'FROM node:22\nRUN npm ci; npm start\n', undefined],
  ['not in the middle of a chain', 'FROM node:22\nRUN npm start && echo done\n', undefined],
  ['not with a variable the shell would expand', 'FROM python:3.13\nRUN uvicorn app:app --port $PORT\n', undefined],
  ['not with an assignment in front', 'FROM node:22\nRUN NODE_ENV=production node server.js\n', undefined],
  ['not for a daemon, which CMD would run and leave at once', 'FROM nginx:1.27\nRUN service nginx start\n', undefined],
  ['not when the stage has an ENTRYPOINT', 'FROM node:22\nENTRYPOINT ["node"]\nRUN node server.js\n', undefined],
  [
    'not when a stage it builds on has an ENTRYPOINT',
    'FROM node:22 AS base\nENTRYPOINT ["tini", "--"]\nFROM base\nRUN npm start\n',
    undefined,
  ],
];

describe('ServerStartedInRun quick fix', () => {
  for (const [name, text, after] of FIXES) {
    test(name, () => {
      const findings = runRule(serverStartedInRun, text);
      assert.equal(findings.length, 1, text);
      if (after === undefined) {
        assert.equal(findings[0]!.fixes, undefined);
        return;
      }
      assert.equal(fixed(text, findings[0]), after);
      assert.match(findings[0]!.fixes![0]!.title.en, /^Move `.+` to CMD \[/);
      assert.match(findings[0]!.fixes![0]!.title.ko, /^CMD로 옮기기: CMD \[/);
      assert.deepEqual(runRule(serverStartedInRun, after), [], 'nothing left to fix');
    });
  }
});
