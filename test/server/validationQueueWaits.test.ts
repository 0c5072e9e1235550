// A check step may yield a promise (the shell parser loading): the queue waits for it without
// counting the wait as work, and a newer version that comes meanwhile drops the waiting check.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { type CheckSteps, ValidationQueue } from '../../server/src/service/validationQueue';

/** A promise and the function that settles it. */
function gate(): { promise: Promise<void>; open: () => void } {
  let open = (): void => undefined;
  const promise = new Promise<void>((resolve) => (open = resolve));
  return { promise, open };
}

test('a check waits for a promise it yields, then goes on', async () => {
  const loaded = gate();
  const log: string[] = [];
  const queue = new ValidationQueue(
    (uri): CheckSteps =>
      (function* () {
        log.push(`first answer ${uri}`);
        yield loaded.promise;
        log.push(`full ${uri}`);
      })(),
  );
  queue.schedule('a', 'edit');
  await new Promise((resolve) => setTimeout(resolve, 20));
  assert.deepEqual(log, ['first answer a']);
  assert.ok(queue.isBusy('a'));
  loaded.open();
  await queue.whenIdle('a');
  assert.deepEqual(log, ['first answer a', 'full a']);
});

test('a newer version drops a check that waits, and a rejected promise does not stop a check', async () => {
  const loaded = gate();
  const log: string[] = [];
  let run = 0;
  const queue = new ValidationQueue((): CheckSteps => {
    const mine = ++run;
    return (function* () {
      log.push(`start #${mine}`);
      yield mine === 1 ? loaded.promise : Promise.reject(new Error('no parser'));
      log.push(`end #${mine}`);
    })();
  });
  queue.schedule('a', 'edit');
  await new Promise((resolve) => setTimeout(resolve, 10));
  queue.schedule('a', 'now');
  loaded.open();
  await new Promise((resolve) => setTimeout(resolve, 10));
  await queue.whenIdle('a');
  assert.deepEqual(log, ['start #1', 'start #2', 'end #2']);
});
