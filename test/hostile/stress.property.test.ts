// fast-check properties on the paths hostile input takes (nested `${`, long runs of one
// character, huge heredocs, many continuation lines, glob patterns in `${X/pat/}` and in
// .dockerignore against long values), checked in-process against the parser, model, rules,
// hover and matchers by test/hostile/stressProperties.ts. Each property runs in its own child
// process with a kill timeout: synchronous code cannot be interrupted in-process, so this is
// how a hang fails its property (naming the input it hung on) instead of stalling the runner.
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { resolve } from 'node:path';
import { test } from 'node:test';

const SCRIPT = resolve(__dirname, 'stressProperties.ts');
/** A kill timeout for hangs; each property takes a few seconds. */
const TIMEOUT_MS = 60_000;
const PROPERTIES = [
  'nested-references',
  'long-runs',
  'huge-heredocs',
  'many-continuations',
  'pattern-expansion',
  'dockerignore-matching',
  'hostile-edits',
];

interface PropertyRun {
  status: number | null;
  timedOut: boolean;
  lastInput: string | undefined;
  firstFailure: string | undefined;
  result: string | undefined;
  stderr: string;
}

function runProperty(name: string): Promise<PropertyRun> {
  const child = spawn(process.execPath, ['--import', 'tsx', SCRIPT, name], { stdio: ['ignore', 'pipe', 'pipe'] });
  const run: PropertyRun = {
    status: null,
    timedOut: false,
    lastInput: undefined,
    firstFailure: undefined,
    result: undefined,
    stderr: '',
  };
  let pending = '';
  child.stdout.setEncoding('utf8').on('data', (chunk: string) => {
    const lines = (pending + chunk).split('\n');
    pending = lines.pop()!;
    for (const line of lines) {
      if (line.startsWith('input ')) run.lastInput = line.slice(6);
      else if (line.startsWith('first-failure ')) run.firstFailure = JSON.parse(line.slice(14)) as string;
      else if (line === 'pass') run.result = 'pass';
      else if (line.startsWith('fail ')) run.result = JSON.parse(line.slice(5)) as string;
    }
  });
  child.stderr.setEncoding('utf8').on('data', (chunk: string) => {
    if (run.stderr.length < 8_000) run.stderr += chunk;
  });
  const timer = setTimeout(() => {
    run.timedOut = true;
    child.kill('SIGKILL');
  }, TIMEOUT_MS);
  return new Promise((resolvePromise) => {
    child.on('close', (status) => {
      clearTimeout(timer);
      run.status = status;
      resolvePromise(run);
    });
  });
}

// Two at a time: one per core.
const runs = new Map<string, Promise<PropertyRun>>();
const lanes: Promise<unknown>[] = [Promise.resolve(), Promise.resolve()];
PROPERTIES.forEach((name, i) => {
  const run = lanes[i % 2]!.then(() => runProperty(name));
  lanes[i % 2] = run;
  runs.set(name, run);
});

for (const name of PROPERTIES) {
  test(`property: ${name} never throws, hangs or reports nonsense`, { timeout: TIMEOUT_MS * 3 }, async () => {
    const run = await runs.get(name)!;
    const detail = [
      run.timedOut ? `hung: killed after ${TIMEOUT_MS} ms on input: ${run.lastInput}` : undefined,
      run.firstFailure ? `first failure: ${run.firstFailure}` : undefined,
      run.result && run.result !== 'pass' ? `fast-check: ${run.result}` : undefined,
      run.stderr ? `stderr: ${run.stderr}` : undefined,
    ]
      .filter(Boolean)
      .join('\n');
    assert.equal(run.result, 'pass', detail || `exited with ${run.status} without a result`);
    assert.equal(run.status, 0, detail);
  });
}
