import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { parseStartArgs } from '../../scripts/start/args';

const CWD = '/home/me/projects';
const EXAMPLES = '/repo/examples';

describe('parseStartArgs', () => {
  const cases: { argv: string[]; expected: ReturnType<typeof parseStartArgs> }[] = [
    { argv: [], expected: { kind: 'start', options: { folder: EXAMPLES, editor: 'auto', port: undefined } } },
    {
      argv: ['app'],
      expected: { kind: 'start', options: { folder: '/home/me/projects/app', editor: 'auto', port: undefined } },
    },
    {
      argv: ['../other/'],
      expected: { kind: 'start', options: { folder: '/home/me/other', editor: 'auto', port: undefined } },
    },
    {
      argv: ['/srv/site'],
      expected: { kind: 'start', options: { folder: '/srv/site', editor: 'auto', port: undefined } },
    },
    {
      argv: ['--code-server'],
      expected: { kind: 'start', options: { folder: EXAMPLES, editor: 'code-server', port: undefined } },
    },
    {
      argv: ['--port', '9000', 'app'],
      expected: { kind: 'start', options: { folder: '/home/me/projects/app', editor: 'auto', port: 9000 } },
    },
    {
      argv: ['app', '--port=65535', '--code-server'],
      expected: { kind: 'start', options: { folder: '/home/me/projects/app', editor: 'code-server', port: 65535 } },
    },
    // After --, a name that starts with a dash is a folder.
    {
      argv: ['--', '--odd-name'],
      expected: { kind: 'start', options: { folder: '/home/me/projects/--odd-name', editor: 'auto', port: undefined } },
    },
    { argv: ['--help'], expected: { kind: 'help' } },
    { argv: ['app', '-h'], expected: { kind: 'help' } },
  ];
  for (const { argv, expected } of cases) {
    it(`[${argv.join(' ')}]`, () => assert.deepEqual(parseStartArgs(argv, CWD, EXAMPLES), expected));
  }

  const errors: { argv: string[]; message: RegExp }[] = [
    { argv: ['--port'], message: /--port needs a number/ },
    { argv: ['--port', '0'], message: /--port 0: a port is a whole number from 1 to 65535/ },
    { argv: ['--port=70000'], message: /from 1 to 65535/ },
    { argv: ['--port', '80a'], message: /--port 80a/ },
    { argv: ['--port', '-1'], message: /--port -1/ },
    { argv: ['--verbose'], message: /Unknown option --verbose/ },
    { argv: ['a', 'b'], message: /one folder to open, not 2: a b/ },
  ];
  for (const { argv, message } of errors) {
    it(`rejects [${argv.join(' ')}] with a clear message`, () => {
      const parsed = parseStartArgs(argv, CWD, EXAMPLES);
      assert.equal(parsed.kind, 'error');
      assert.match(parsed.kind === 'error' ? parsed.message : '', message);
    });
  }
});
