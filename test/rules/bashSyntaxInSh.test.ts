// BashSyntaxInSh: bash-only syntax in a RUN that /bin/sh runs. What bash runs (SHELL, `bash -c`,
// a `#!/bin/bash` heredoc, images whose sh is bash) and what only looks like it (strings,
// comments, `2>&1`, `$!`) stay quiet.
import assert from 'node:assert/strict';
import { before, describe, test } from 'node:test';
import { bashSyntaxInSh } from '../../core/src/rules/bestPractice/bashSyntaxInSh';
import { initShellParser } from '../../core/src/shell';
import { ranges, runRule } from '../helpers/ruleHarness';

before(() => initShellParser());

const run = (command: string, base = 'debian:12'): string => `FROM ${base}\nRUN ${command}\n`;

/** RUN lines with bash-only syntax, the range of each finding on line 1, and a word of the message. */
const FIRES: [command: string, found: string[], says: RegExp][] = [
  ['if [[ -f /x ]]; then echo y; fi', ['1:7-1:9'], /else branch/],
  ['make &> /dev/null', ['1:9-1:11'], /background/],
  ['make &>> build.log', ['1:9-1:12'], /background/],
  ['source /etc/os-release', ['1:4-1:10'], /source: not found/],
  ['set -e && . /x && source /y', ['1:22-1:28'], /source/],
  ['function f { echo; }; f', ['1:4-1:12'], /name\(\)/],
  ['echo "${!name}"', ['1:10-1:13'], /Bad substitution/],
  ['a=(1 2) && echo "$a"', ['1:4-1:7'], /Arrays/],
  ['echo "${pkgs[@]}"', ['1:10-1:17'], /Arrays/],
  ['x="$(source /y && echo 1)"', ['1:9-1:15'], /source/],
  ['for i in 1 2; do [[ $i = 1 ]] && echo; done', ['1:21-1:23'], /\[\[/],
];

const QUIET = [
  "echo '[[ not a test ]]' 'source' '&>'",
  "bash -c 'source /etc/os-release && [[ -n $ID ]]'",
  'make > /dev/null 2>&1 && echo done >&2',
  'sleep 1 & echo $!',
  'apt-get source --compile hello',
  '. /etc/os-release && [ -n "$ID" ]',
  'x=$(( 1 + 2 )) && echo "$x"',
  'echo a # [[ in a comment',
  'f() { echo; }; f',
  'cat <(echo a)',
];

describe('BashSyntaxInSh', () => {
  for (const [command, found, says] of FIRES) {
    test(`fires on ${command}`, () => {
      const findings = runRule(bashSyntaxInSh, run(command));
      assert.deepEqual(ranges(findings), found);
      assert.match(findings[0]!.message.en, says);
      assert.match(findings[0]!.message.ko, /bash|배열|source|&>/);
    });
  }

  test('stays quiet on POSIX syntax and on bash syntax inside strings and comments', () => {
    for (const command of QUIET) assert.deepEqual(ranges(runRule(bashSyntaxInSh, run(command))), [], command);
  });

  test('follows the SHELL in effect, including one set in the stage it builds on', () => {
    const bash = 'FROM debian:12 AS base\nSHELL ["/bin/bash", "-o", "pipefail", "-c"]\nFROM base\nRUN [[ -f /x ]]\n';
    assert.deepEqual(ranges(runRule(bashSyntaxInSh, bash)), []);
    const backToSh =
      'FROM debian:12\nSHELL ["/bin/bash", "-c"]\nRUN [[ -f /x ]]\nSHELL ["/bin/sh", "-c"]\nRUN [[ -f /x ]]\n';
    assert.deepEqual(ranges(runRule(bashSyntaxInSh, backToSh)), ['4:4-4:6']);
    const powershell = 'FROM debian:12\nSHELL ["pwsh", "-Command"]\nRUN source x\n';
    assert.deepEqual(ranges(runRule(bashSyntaxInSh, powershell)), []);
  });

  test('a heredoc script runs with its #! interpreter, whatever the SHELL', () => {
    const bashScript = 'FROM debian:12\nRUN <<EOF\n#!/bin/bash\n[[ -f /x ]] && source /x\nEOF\n';
    assert.deepEqual(ranges(runRule(bashSyntaxInSh, bashScript)), []);
    const shScript = 'FROM debian:12\nSHELL ["/bin/bash", "-c"]\nRUN <<EOF\n#!/bin/sh\nsource /x\nEOF\n';
    assert.deepEqual(ranges(runRule(bashSyntaxInSh, shScript)), ['4:0-4:6']);
    const plain = 'FROM debian:12\nRUN <<EOF\nset -e\n  [[ -f /x ]]\nEOF\n';
    assert.deepEqual(ranges(runRule(bashSyntaxInSh, plain)), ['3:2-3:4']);
  });

  test('finds the syntax on continuation lines', () => {
    const text = 'FROM debian:12\nRUN set -e; \\\n    source /x\n';
    assert.deepEqual(ranges(runRule(bashSyntaxInSh, text)), ['2:4-2:10']);
  });

  test('leaves images whose /bin/sh is bash, Windows images, and stages that linked bash over sh', () => {
    for (const base of ['fedora:40', 'rockylinux:9', 'registry.access.redhat.com/ubi9/ubi-minimal:9.4', 'centos:7'])
      assert.deepEqual(ranges(runRule(bashSyntaxInSh, run('[[ -f /x ]]', base))), [], base);
    const windows = 'FROM mcr.microsoft.com/windows/servercore:ltsc2022\nRUN source x\n';
    assert.deepEqual(ranges(runRule(bashSyntaxInSh, windows)), []);
    const linked = 'FROM debian:12\nRUN ln -sf /bin/bash /bin/sh\nRUN [[ -f /x ]]\n';
    assert.deepEqual(ranges(runRule(bashSyntaxInSh, linked)), []);
    // An ONBUILD trigger links bash in the image built on this one, not in this stage.
    const linkedLater = 'FROM debian:12\nONBUILD RUN ln -sf /bin/bash /bin/sh\nRUN [[ -f /x ]]\n';
    assert.deepEqual(ranges(runRule(bashSyntaxInSh, linkedLater)), ['2:4-2:6']);
    assert.deepEqual(ranges(runRule(bashSyntaxInSh, run('a=(1 2)', 'ubuntu:24.04'))), ['1:4-1:7']);
  });

  test('on BusyBox ash (Alpine) only what ash lacks too: arrays and ${!x}', () => {
    const bashisms = '[[ -f /x ]] && source /x && make &> /dev/null; a=(1 2); echo "${!a}"';
    for (const base of ['alpine:3.20', 'node:22-alpine', 'python:3.12-alpine3.20', 'busybox:1.36'])
      assert.deepEqual(ranges(runRule(bashSyntaxInSh, run(bashisms, base))), ['1:51-1:54', '1:66-1:69'], base);
    // A stage built on another stage: its image is not looked at, so only what fails in both shells.
    const onStage = `FROM alpine:3.20 AS base\nFROM base\nRUN ${bashisms}\n`;
    assert.deepEqual(ranges(runRule(bashSyntaxInSh, onStage)), ['2:51-2:54', '2:66-2:69']);
  });
});
