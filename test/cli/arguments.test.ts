import assert from 'node:assert/strict';
import { test } from 'node:test';
import { parseArguments } from '../../cli/src/arguments';

test('check options: defaults, every option, repeated --rule', () => {
  assert.deepEqual(parseArguments(['check']), {
    kind: 'check',
    options: {
      inputs: [],
      format: 'text',
      failLevel: 'error',
      failLevelGiven: false,
      config: undefined,
      rules: {},
      language: 'en',
      stdinFilename: undefined,
      color: undefined,
      fix: 'off',
      baseline: undefined,
    },
  });
  const parsed = parseArguments([
    'check',
    'a',
    '-',
    '--format=sarif',
    '--fail-level',
    'warning',
    '--config',
    'c.json',
    '--rule',
    'A=off',
    '--rule=B=error',
    '--lang',
    'ko',
    '--stdin-filename',
    'x/Dockerfile',
    '--no-color',
    'b/**',
  ]);
  assert.deepEqual(parsed, {
    kind: 'check',
    options: {
      inputs: ['a', '-', 'b/**'],
      format: 'sarif',
      failLevel: 'warning',
      failLevelGiven: true,
      config: 'c.json',
      rules: { A: 'off', B: 'error' },
      language: 'ko',
      stdinFilename: 'x/Dockerfile',
      color: false,
      fix: 'off',
      baseline: undefined,
    },
  });
});

test('usage errors say what is wrong, in the language asked for', () => {
  const cases: [string[], RegExp][] = [
    [[], /missing command/],
    [['lint'], /unknown command "lint"/],
    [['check', '--format', 'xml'], /--format "xml" is not one of text, json, sarif, github/],
    [['check', '--fail-level', 'fatal'], /--fail-level "fatal" is not one of error, warning, info, hint, none/],
    [['check', '--lang', 'fr'], /--lang "fr" is not one of en, ko/],
    [['check', '--rule', 'A'], /--rule "A" must be Code=off\|info\|warning\|error/],
    [['check', '--rule', 'A=hint'], /--rule "A=hint"/],
    [['check', '-', '-'], /can be given only once/],
    [['check', '--nope'], /--nope/],
  ];
  for (const [args, expected] of cases) {
    const command = parseArguments(args);
    assert.equal(command.kind, 'usage-error', args.join(' '));
    if (command.kind === 'usage-error') assert.match(command.message.en, expected, args.join(' '));
  }
  const korean = parseArguments(['lint', '--lang', 'ko']);
  assert.ok(korean.kind === 'usage-error' && korean.language === 'ko');
  assert.ok(korean.kind === 'usage-error' && korean.message.ko.includes('알 수 없는 명령'));
});

test('--help and --version win over everything else', () => {
  assert.deepEqual(parseArguments(['check', '--format', 'xml', '--help']), { kind: 'help', language: 'en' });
  assert.deepEqual(parseArguments(['-h', '--lang', 'ko']), { kind: 'help', language: 'ko' });
  assert.deepEqual(parseArguments(['-v']), { kind: 'version' });
});
