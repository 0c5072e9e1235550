// SystemUpgradeInRun: whole-system upgrades in each package manager fire; upgrades of named
// packages, installs and upgrades of the package index stay quiet.
import assert from 'node:assert/strict';
import { before, test } from 'node:test';
import { systemUpgradeInRun } from '../../core/src/rules/bestPractice/systemUpgradeInRun';
import { initShellParser } from '../../core/src/shell';
import { ranges, runRule } from '../helpers/ruleHarness';

before(() => initShellParser());

const fires = (command: string): string[] => ranges(runRule(systemUpgradeInRun, `FROM debian:12\nRUN ${command}\n`));

test('whole-system upgrades fire, for every package manager', () => {
  const cases: [command: string, range: string][] = [
    ['apt-get upgrade -y', '1:4-1:19'],
    ['apt-get -o Dpkg::Options::=--force-confold full-upgrade -y', '1:4-1:59'],
    ['apt upgrade -y', '1:4-1:15'],
    ['apt full-upgrade -y', '1:4-1:20'],
    ['aptitude -y safe-upgrade', '1:4-1:28'],
    ['zypper -n dist-upgrade', '1:4-1:26'],
    ['zypper --non-interactive up', '1:4-1:31'],
    ['yum -y update', '1:4-1:17'],
    ['dnf --refresh upgrade -y', '1:4-1:25'],
    ['microdnf upgrade -y', '1:4-1:20'],
    ['apk upgrade --no-cache', '1:4-1:15'],
    ['apk -U upgrade', '1:4-1:18'],
  ];
  for (const [command, range] of cases) assert.deepEqual(fires(command), [range], command);
});

test('each upgrade of a RUN is reported, and heredoc bodies and ONBUILD RUN are read', () => {
  assert.deepEqual(fires('apt-get update && apt-get upgrade -y && apt-get dist-upgrade -y'), [
    '1:22-1:37',
    '1:44-1:64',
  ]);
  const heredoc = runRule(systemUpgradeInRun, 'FROM alpine:3.20\nRUN <<EOF\napk update\napk upgrade\nEOF\n');
  assert.deepEqual(ranges(heredoc), ['3:0-3:11']);
  const onbuild = runRule(systemUpgradeInRun, 'FROM fedora:40\nONBUILD RUN dnf -y upgrade\n');
  assert.deepEqual(ranges(onbuild), ['1:12-1:26']);
});

test('upgrades of named packages, installs and index updates stay quiet', () => {
  for (const command of [
    'apt-get update',
    'apt-get install -y --only-upgrade openssl',
    'apt-get upgrade -y openssl',
    'dnf upgrade -y openssl',
    'yum update -y openssl curl',
    'zypper -n up openssl',
    'apk upgrade openssl',
    'apk add --upgrade openssl',
    'dnf upgrade -y $PACKAGES',
    'pip install --upgrade pip',
    'npm update',
  ])
    assert.deepEqual(fires(command), [], command);
});

test('PowerShell RUNs are not read', () => {
  const found = runRule(systemUpgradeInRun, 'FROM debian:12\nSHELL ["pwsh", "-Command"]\nRUN apt-get upgrade -y\n');
  assert.deepEqual(ranges(found), []);
});
