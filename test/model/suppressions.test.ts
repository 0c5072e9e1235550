// hadolint's and droast's inline pragmas, run through the real engine: which findings they silence,
// where they apply, and what voids them.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { AnalysedDocument, CheckEngine } from '../../core/src/engine';
import { parseDroastPragma, parseHadolintPragma } from '../../core/src/model/suppressions';
import { parseText } from '../../core/src/parser';
import { RULES } from '../../core/src/rules';
import { ruleFindings, settingsWith } from '../helpers/rules';

/** `Code@line` of every finding (lines 1-based), sorted. */
function fired(text: string, codes: readonly string[]): string[] {
  return ruleFindings(text)
    .filter(({ rule }) => codes.includes(rule.code))
    .map(({ rule, finding }) => `${rule.code}@${finding.range.start.line + 1}`)
    .sort();
}

test('hadolint pragma syntax, as hadolint parses it', () => {
  const cases: [string, ReturnType<typeof parseHadolintPragma>][] = [
    ['# hadolint ignore=DL3008', { scope: 'next', codes: ['DL3008'] }],
    ['#hadolint ignore=DL3008,SC2086', { scope: 'next', codes: ['DL3008', 'SC2086'] }],
    ['# hadolint ignore = DL3023, DL3021', { scope: 'next', codes: ['DL3023', 'DL3021'] }],
    ['#\thadolint\tignore=DL3008 # we pin in the lock file', { scope: 'next', codes: ['DL3008'] }],
    ['# hadolint global ignore=DL3006', { scope: 'global', codes: ['DL3006'] }],
    ['# hadolint stage ignore=DL3011', { scope: 'stage', codes: ['DL3011'] }],
    // Voided: an unknown word, a bad code, missing separators, other cases.
    ['# hadolint ignore=crazy,DL3002', undefined],
    ['# hadolint ignore=DL3008 DL3009', undefined],
    ['# hadolint ignore=', undefined],
    ['# Hadolint ignore=DL3008', undefined],
    ['# hadolint IGNORE=DL3008', undefined],
    ['# hadolintignore=DL3008', undefined],
    ['# hadolint shell=bash', undefined],
    ['# check=skip=DL3008', undefined],
  ];
  for (const [text, expected] of cases) assert.deepEqual(parseHadolintPragma(text), expected, text);
});

test('droast pragma syntax: codes, global, and expiry dates (UTC, valid through the day)', () => {
  const today = new Date(Date.UTC(2026, 8, 30, 23, 0));
  const cases: [string, ReturnType<typeof parseDroastPragma>][] = [
    ['# droast ignore=DF001', { global: false, codes: ['DF001'] }],
    ['# droast ignore=DF001,df065 reason="SEC-1 vendor image"', { global: false, codes: ['DF001', 'DF065'] }],
    ['# droast global ignore=DF020 reason="runtime user"', { global: true, codes: ['DF020'] }],
    ['# droast ignore=DF001 reason="x" expires=2026-09-30', { global: false, codes: ['DF001'] }],
    ['# droast ignore=DF001 reason="x" expires=2026-09-29', undefined],
    ['# droast ignore=DF001 expires=2026-02-30', undefined],
    ['# droast ignore=DF001 expires=soon', undefined],
    ['# droast ignore=DL3008', undefined],
    ['# droast ignore=', undefined],
  ];
  for (const [text, expected] of cases) assert.deepEqual(parseDroastPragma(text, today), expected, text);
});

test('a hadolint ignore applies to the instruction on the next line only', () => {
  const text = [
    'FROM alpine:3.20',
    '# hadolint ignore=DL4000',
    'MAINTAINER a',
    'MAINTAINER b',
    '# hadolint ignore=DL4000',
    '',
    'MAINTAINER c',
    '# hadolint ignore=DL4000',
    '# an ordinary comment after it',
    'MAINTAINER d',
    '# hadolint ignore=DL3020',
    'MAINTAINER e',
  ].join('\n');
  assert.deepEqual(fired(text, ['MaintainerDeprecated']), [
    'MaintainerDeprecated@10',
    'MaintainerDeprecated@12',
    'MaintainerDeprecated@4',
    'MaintainerDeprecated@7',
  ]);
});

test('a rule with several equivalents is silenced by any of them; global pragmas silence the file', () => {
  const several = 'FROM alpine:3.20\n# hadolint ignore=DL3007\nFROM alpine:latest\nFROM alpine\n';
  assert.deepEqual(fired(several, ['BaseImageLatestTag']), ['BaseImageLatestTag@4']);
  const global = 'FROM alpine:3.20\nMAINTAINER a\nADD a.txt /a\n# hadolint global ignore=DL4000\nMAINTAINER b\n';
  assert.deepEqual(fired(global, ['MaintainerDeprecated', 'AddInsteadOfCopy']), ['AddInsteadOfCopy@3']);
  const shellcheckCode = 'FROM alpine:3.20\n# hadolint global ignore=SC9999\nMAINTAINER a\n';
  assert.deepEqual(fired(shellcheckCode, ['MaintainerDeprecated']), ['MaintainerDeprecated@3']);
});

test('a hadolint stage ignore covers the stage below it, not the next one', () => {
  const text = [
    'FROM alpine:3.20 AS one',
    'MAINTAINER a',
    '# hadolint stage ignore=DL4000',
    'FROM alpine:3.20 AS two',
    'MAINTAINER b',
    'MAINTAINER c',
    'FROM alpine:3.20 AS three',
    'MAINTAINER d',
  ].join('\n');
  assert.deepEqual(fired(text, ['MaintainerDeprecated']), ['MaintainerDeprecated@2', 'MaintainerDeprecated@8']);
});

test('droast pragmas: the next instruction across comments and blank lines; global only before the first', () => {
  const text = [
    '# droast global ignore=DF006',
    'FROM alpine:3.20',
    '# droast ignore=DF019 reason="legacy"',
    '# why: the image is old',
    '',
    'MAINTAINER a',
    'MAINTAINER b',
    'ADD a.txt /a',
    '# droast global ignore=DF019',
    'MAINTAINER c',
  ].join('\n');
  assert.deepEqual(fired(text, ['MaintainerDeprecated', 'AddInsteadOfCopy']), [
    'MaintainerDeprecated@10',
    'MaintainerDeprecated@7',
  ]);
});

test('builder errors are never silenced by another tool pragma', () => {
  const text = 'FROM alpine:3.20\n# hadolint ignore=DL3011\nEXPOSE 99999\n# hadolint global ignore=DL3011\n';
  assert.deepEqual(fired(text, ['invalid-port']), ['invalid-port@3']);
});

test('pragmas and # check=skip work together', () => {
  const text =
    'FROM alpine:3.20\n# check=skip=MaintainerDeprecated\nMAINTAINER a\n# hadolint ignore=DL3020\nADD a /a\n';
  assert.deepEqual(fired(text, ['MaintainerDeprecated', 'AddInsteadOfCopy']), []);
});

test('with layerwise.diagnostics.hadolintPragmas off, hadolint pragmas of every scope silence nothing', () => {
  const text = [
    '# hadolint global ignore=DL3020',
    '# droast global ignore=DF019',
    'FROM alpine:3.20',
    'MAINTAINER a',
    'ADD a.txt /a',
    '# hadolint ignore=DL3007',
    'FROM alpine:latest',
    '# hadolint stage ignore=DL3007',
    'FROM busybox:latest',
  ].join('\n');
  const codes = ['MaintainerDeprecated', 'AddInsteadOfCopy', 'BaseImageLatestTag'];
  assert.deepEqual(fired(text, codes), []);
  const settings = { ...settingsWith(), 'layerwise.diagnostics.hadolintPragmas': false };
  const document = new AnalysedDocument('file:///test/Dockerfile', 1, text, parseText(text));
  const found = new CheckEngine(RULES)
    .findings(document, settings, undefined)
    .filter(({ rule }) => codes.includes(rule.code))
    .map(({ rule, finding }) => `${rule.code}@${finding.range.start.line + 1}`)
    .sort();
  // droast's pragma still silences MAINTAINER: the setting is about hadolint's pragmas only.
  assert.deepEqual(found, ['AddInsteadOfCopy@5', 'BaseImageLatestTag@7', 'BaseImageLatestTag@9']);
});
