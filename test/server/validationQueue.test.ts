// The validation queue: a burst of schedules runs one check, a newer schedule stops a running
// check at its next step, closing stops everything, and whenIdle waits for the last check; a change
// with nothing pending is checked at once, and a recheck (`after`) never stops a running check.
import assert from 'node:assert/strict';
import { performance } from 'node:perf_hooks';
import { test } from 'node:test';
import { type CheckSteps, ValidationQueue } from '../../server/src/service/validationQueue';

const busyFor = (ms: number): void => {
  const end = Date.now() + ms;
  while (Date.now() < end);
};

/** A queue whose checks record their start and end; each step busy-waits `stepMs`. */
function recordingQueue(steps: number, stepMs: number): { queue: ValidationQueue; log: string[] } {
  const log: string[] = [];
  let runs = 0;
  const queue = new ValidationQueue(
    (uri): CheckSteps =>
      (function* () {
        const run = ++runs;
        log.push(`start ${uri} #${run}`);
        for (let i = 0; i < steps; i++) {
          busyFor(stepMs);
          yield;
        }
        log.push(`end ${uri} #${run}`);
      })(),
    { maxDelayMs: 20, sliceMs: 5 },
  );
  return { queue, log };
}

test('a burst of changes is checked once, after it', async () => {
  const { queue, log } = recordingQueue(3, 1);
  for (let i = 0; i < 10; i++) queue.schedule('a', true);
  assert.ok(queue.isBusy('a'));
  await queue.whenIdle('a');
  assert.deepEqual(log, ['start a #1', 'end a #1']);
  assert.equal(queue.isBusy('a'), false);
});

test('a newer schedule stops the running check at its next step; whenIdle waits for the newest', async () => {
  const { queue, log } = recordingQueue(40, 2);
  queue.schedule('a', false);
  // Let the first check start and run a few slices.
  while (log.length === 0) await new Promise((resolve) => setImmediate(resolve));
  await new Promise((resolve) => setImmediate(resolve));
  queue.schedule('a', true);
  await queue.whenIdle('a');
  assert.deepEqual(log, ['start a #1', 'start a #2', 'end a #2']);
});

test('closing stops what is pending and running, and releases waiters', async () => {
  const { queue, log } = recordingQueue(40, 2);
  queue.schedule('a', false);
  queue.schedule('b', false);
  while (!log.includes('start a #1')) await new Promise((resolve) => setImmediate(resolve));
  const idle = queue.whenIdle('a');
  queue.cancel('a');
  await idle;
  await queue.whenIdle('b');
  assert.ok(!log.includes('end a #1'), log.join(', '));
  assert.ok(log.includes('end b #2') || log.includes('end b #1'), log.join(', '));
});

test('a check that throws is reported and the queue goes idle', async () => {
  const errors: string[] = [];
  const queue = new ValidationQueue(
    () =>
      (function* (): CheckSteps {
        yield;
        throw new Error('boom');
      })(),
    { reportError: (uri, error) => errors.push(`${uri}: ${(error as Error).message}`) },
  );
  queue.schedule('x', false);
  await queue.whenIdle('x');
  assert.deepEqual(errors, ['x: boom']);
});

test('a change with no check pending or running is checked at once, not after the debounce', async () => {
  const starts: number[] = [];
  const queue = new ValidationQueue(
    (): CheckSteps =>
      (function* () {
        starts.push(performance.now());
        // The first check is slow (~40 ms), so the debounce after it would be the 30 ms maximum.
        if (starts.length === 1) busyFor(40);
        yield;
      })(),
    { maxDelayMs: 30, sliceMs: 100 },
  );
  queue.schedule('a', 'now');
  await queue.whenIdle('a');
  const changed = performance.now();
  queue.schedule('a', 'edit');
  await queue.whenIdle('a');
  assert.equal(starts.length, 2);
  assert.ok(starts[1]! - changed < 20, `the check started ${starts[1]! - changed} ms after the change`);
});

test('a recheck after a running check lets it publish first, then checks again once', async () => {
  const { queue, log } = recordingQueue(20, 2);
  queue.schedule('a', 'now');
  while (log.length === 0) await new Promise((resolve) => setImmediate(resolve));
  queue.schedule('a', 'after');
  queue.schedule('a', 'after');
  await queue.whenIdle('a');
  assert.deepEqual(log, ['start a #1', 'end a #1', 'start a #2', 'end a #2']);
});

test('a recheck while a check is pending adds nothing; a newer edit drops a recheck asked for meanwhile', async () => {
  const pending = recordingQueue(2, 1);
  pending.queue.schedule('a', 'now');
  pending.queue.schedule('a', 'after');
  await pending.queue.whenIdle('a');
  assert.deepEqual(pending.log, ['start a #1', 'end a #1']);

  const { queue, log } = recordingQueue(20, 2);
  queue.schedule('a', 'now');
  while (log.length === 0) await new Promise((resolve) => setImmediate(resolve));
  queue.schedule('a', 'after');
  queue.schedule('a', 'edit');
  await queue.whenIdle('a');
  assert.deepEqual(log, ['start a #1', 'start a #2', 'end a #2']);
});
