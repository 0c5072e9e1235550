// The idle work queue: work runs in short slices with turns between them, waits while the server
// is busy and until it has been quiet for a while, is replaced by newer work for the same document
// and stops when cancelled.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { IdleWork, type IdleSteps } from '../../server/src/service/idleWork';

const busyFor = (ms: number): void => {
  const end = Date.now() + ms;
  while (Date.now() < end);
};
const wait = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));

function* counting(log: string[], name: string, steps: number, stepMs = 0): IdleSteps {
  for (let i = 0; i < steps; i++) {
    if (stepMs > 0) busyFor(stepMs);
    log.push(`${name}${i}`);
    yield;
  }
}

async function untilDone(work: IdleWork): Promise<void> {
  for (let i = 0; i < 500 && work.hasWork(); i++) await wait(2);
  assert.equal(work.hasWork(), false);
}

test('work runs to its end, documents one after another', async () => {
  const log: string[] = [];
  const work = new IdleWork({ idleMs: 0 });
  work.schedule('a', () => counting(log, 'a', 3));
  work.schedule('b', () => counting(log, 'b', 2));
  assert.deepEqual(log, [], 'nothing runs in the turn that schedules');
  await untilDone(work);
  assert.deepEqual(log, ['a0', 'a1', 'a2', 'b0', 'b1']);
});

test('a slice lets other work of the server run between steps', async () => {
  const log: string[] = [];
  const work = new IdleWork({ sliceMs: 3, idleMs: 0 });
  work.schedule('a', () => counting(log, 'a', 10, 2));
  const ticks = setInterval(() => log.push('tick'), 1);
  await untilDone(work);
  clearInterval(ticks);
  // Timers ran between the first and the last step: the work yielded.
  assert.ok(log.slice(log.indexOf('a0'), log.indexOf('a9')).includes('tick'), log.join(' '));
});

test('nothing runs while the server is busy', async () => {
  const log: string[] = [];
  let busy = true;
  const work = new IdleWork({ isBusy: () => busy, busyRetryMs: 2, idleMs: 0 });
  work.schedule('a', () => counting(log, 'a', 2));
  await wait(30);
  assert.deepEqual(log, []);
  busy = false;
  await untilDone(work);
  assert.deepEqual(log, ['a0', 'a1']);
});

test('newer work replaces older work of the document; cancel stops it between steps', async () => {
  const log: string[] = [];
  const work = new IdleWork({ sliceMs: 1, idleMs: 0 });
  work.schedule('a', () => counting(log, 'old', 100, 1));
  await wait(5);
  work.schedule('a', () => counting(log, 'new', 2));
  await untilDone(work);
  assert.ok(!log.includes('old99'));
  assert.deepEqual(log.slice(-2), ['new0', 'new1']);

  const stopped: string[] = [];
  work.schedule('b', () => counting(stopped, 'b', 100, 1));
  await wait(5);
  work.cancel('b');
  const seen = stopped.length;
  await wait(10);
  assert.equal(stopped.length, seen);
  assert.ok(seen < 100);
  assert.equal(work.hasWork(), false);
});

test('work that throws is reported and the queue goes on', async () => {
  const errors: string[] = [];
  const log: string[] = [];
  const work = new IdleWork({ reportError: (uri) => errors.push(uri), idleMs: 0 });
  work.schedule('a', () =>
    (function* () {
      yield;
      throw new Error('boom');
    })(),
  );
  work.schedule('b', () => counting(log, 'b', 1));
  await untilDone(work);
  assert.deepEqual(errors, ['a']);
  assert.deepEqual(log, ['b0']);
});

test('work starts only once the server has been quiet for idleMs, and pauses after any activity', async () => {
  const log: string[] = [];
  const work = new IdleWork({ idleMs: 40, sliceMs: 1 });
  work.schedule('a', () => counting(log, 'a', 30, 1));
  await wait(20);
  assert.deepEqual(log, [], 'not quiet long enough yet');
  for (let i = 0; i < 4; i++) {
    await wait(15);
    work.noteActivity();
  }
  assert.deepEqual(log, [], 'activity keeps postponing it');
  await wait(60);
  assert.ok(log.length > 0, 'quiet: it ran');
  work.noteActivity();
  const seen = log.length;
  await wait(20);
  assert.ok(log.length <= seen + 1, `paused after activity (${seen} -> ${log.length})`);
  await untilDone(work);
  assert.equal(log.length, 30);
});
