// InteractiveCommandInRun: editors, live monitors and shutdowns in RUN; their scripted or batch
// uses, version queries and look-alike tools stay quiet.
import assert from 'node:assert/strict';
import { before, test } from 'node:test';
import { interactiveCommandInRun } from '../../core/src/rules/bestPractice/interactiveCommandInRun';
import { initShellParser } from '../../core/src/shell';
import { runRule } from '../helpers/ruleHarness';

before(() => initShellParser());

const messagesFor = (command: string): string[] =>
  runRule(interactiveCommandInRun, `FROM debian:12\nRUN ${command}\n`).map((finding) => finding.message.en);

test('each kind of command gets its message', () => {
  assert.match(messagesFor('vim /etc/hosts')[0] ?? '', /interactive editor/);
  assert.match(messagesFor('apt-get install -y nano && nano /app/config')[0] ?? '', /nano is an interactive editor/);
  assert.match(messagesFor('top')[0] ?? '', /live screen/);
  assert.match(messagesFor('make install && /sbin/reboot')[0] ?? '', /reboot has nothing to act on/);
});

test('scripted, batch and version uses stay quiet, as do tools with scripted uses', () => {
  for (const command of [
    "vim -es -c '%s/a/b/g' -c wq /etc/hosts",
    'vim +wq /etc/hosts',
    'emacs --batch -l build.el',
    'top -b -n 1',
    'vim --version',
    'ps aux',
    'kill "$pid"',
    'service nginx configtest',
    'apt-get install -y vim',
  ])
    assert.deepEqual(messagesFor(command), [], command);
});
