// One build per Dockerfile: the second asks, the answer decides, and only the newest build of a
// Dockerfile may record its result (a replaced build's result is dropped). Pure.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { BuildResultStore } from '../../client/src/build/buildResults';
import {
  BuildTracker,
  decideOnRunningBuild,
  runningBuildQuestion,
  type BuildTicket,
} from '../../client/src/build/buildTracker';
import { english } from '../../client/src/l10n/translator';

const dockerfile = 'file:///w/app/Dockerfile';
const other = 'file:///w/api/Dockerfile';

function started(attempt: ReturnType<BuildTracker['tryStart']>): BuildTicket {
  assert.equal(attempt.kind, 'started');
  return attempt.kind === 'started' ? attempt.build : (undefined as never);
}

function handle(): { stop: () => void; stops: number } {
  const state = { stops: 0, stop: () => void state.stops++ };
  return state;
}

describe('build tracker', () => {
  it('the first build starts; a second of the same Dockerfile is busy; another Dockerfile is free', () => {
    const tracker = new BuildTracker();
    const first = started(tracker.tryStart(dockerfile, 'app:latest', handle(), { now: 1000 }));
    const second = tracker.tryStart(dockerfile, 'app:dev', handle());
    assert.deepEqual(second, {
      kind: 'busy',
      running: { dockerfileUri: dockerfile, generation: first.generation, imageTag: 'app:latest', startedAt: 1000 },
    });
    started(tracker.tryStart(other, 'api:latest', handle()));
  });

  it('"restart" stops the running build and starts the new one; only the new one is current', () => {
    const tracker = new BuildTracker();
    const firstHandle = handle();
    const first = started(tracker.tryStart(dockerfile, 'app:latest', firstHandle));
    const busy = tracker.tryStart(dockerfile, 'app:latest', handle());
    assert.equal(busy.kind, 'busy');
    const decision = decideOnRunningBuild(busy.kind === 'busy' ? busy.running : (undefined as never), 'restart');
    assert.deepEqual(decision, { kind: 'restart', replace: first.generation });
    const second = started(
      tracker.tryStart(dockerfile, 'app:latest', handle(), {
        replace: decision.kind === 'restart' ? decision.replace : undefined,
      }),
    );
    assert.equal(firstHandle.stops, 1);
    assert.ok(second.generation > first.generation);
    assert.equal(first.isCurrent(), false);
    assert.equal(second.isCurrent(), true);
    // The replaced build ending late does not free the slot the new one holds.
    first.release();
    assert.equal(tracker.runningBuild(dockerfile)?.generation, second.generation);
    second.release();
    assert.equal(tracker.runningBuild(dockerfile), undefined);
    assert.equal(second.isCurrent(), true, 'still the newest after it ended: its result may be recorded');
  });

  it('"keep" and a dismissed question start nothing and stop nothing', () => {
    const tracker = new BuildTracker();
    const firstHandle = handle();
    const first = started(tracker.tryStart(dockerfile, 'app:latest', firstHandle));
    const running = tracker.runningBuild(dockerfile);
    assert.ok(running);
    assert.deepEqual(decideOnRunningBuild(running, 'keep'), { kind: 'keep', running });
    assert.deepEqual(decideOnRunningBuild(running, undefined), { kind: 'keep', running });
    assert.equal(firstHandle.stops, 0);
    assert.equal(first.isCurrent(), true);
  });

  it('agreeing to replace one build does not replace another that started meanwhile: it asks again', () => {
    const tracker = new BuildTracker();
    const first = started(tracker.tryStart(dockerfile, 'app:latest', handle()));
    // While the question is open, the first build ends and a task starts another.
    first.release();
    const taskHandle = handle();
    const task = started(tracker.tryStart(dockerfile, 'app:latest', taskHandle));
    const retry = tracker.tryStart(dockerfile, 'app:latest', handle(), { replace: first.generation });
    assert.equal(retry.kind, 'busy');
    assert.equal(retry.kind === 'busy' ? retry.running.generation : 0, task.generation);
    assert.equal(taskHandle.stops, 0);
  });

  it('after a build ends, the next one starts without asking', () => {
    const tracker = new BuildTracker();
    started(tracker.tryStart(dockerfile, 'app:latest', handle())).release();
    started(tracker.tryStart(dockerfile, 'app:latest', handle()));
  });

  it('the older build finishing last does not overwrite the newer result in the store', () => {
    const tracker = new BuildTracker();
    const store = new BuildResultStore();
    const older = started(tracker.tryStart(dockerfile, 'app:latest', handle()));
    const newer = started(tracker.tryStart(dockerfile, 'app:latest', handle(), { replace: older.generation }));
    const result = (succeeded: boolean, startedAt: number) => ({
      dockerfileUri: dockerfile,
      imageTag: 'app:latest',
      target: undefined,
      imageId: undefined,
      format: 'classic' as const,
      startedAt,
      durationMs: 1,
      succeeded,
      canceled: false,
      instructions: [],
      failure: undefined,
      stale: false,
    });
    // What createImageBuild does when a build ends: record only while current.
    const finish = (ticket: BuildTicket, recorded: ReturnType<typeof result>): void => {
      if (ticket.isCurrent()) store.set(recorded);
      ticket.release();
    };
    finish(newer, result(true, 2));
    finish(older, result(false, 1));
    assert.equal(store.get(dockerfile)?.startedAt, 2);
    assert.equal(store.get(dockerfile)?.succeeded, true);
  });

  it('stopAll stops every running build', () => {
    const tracker = new BuildTracker();
    const a = handle();
    const b = handle();
    tracker.tryStart(dockerfile, 'app', a);
    tracker.tryStart(other, 'api', b);
    tracker.stopAll();
    assert.deepEqual([a.stops, b.stops], [1, 1]);
    assert.equal(tracker.runningBuild(dockerfile), undefined);
  });

  it('reveal shows the running build when it can', () => {
    const tracker = new BuildTracker();
    let shown = 0;
    tracker.tryStart(dockerfile, 'app', { stop: () => undefined, reveal: () => void shown++ });
    assert.equal(tracker.reveal(dockerfile), true);
    assert.equal(tracker.reveal(other), false);
    assert.equal(shown, 1);
  });

  it('words the question', () => {
    const running = { dockerfileUri: dockerfile, generation: 3, imageTag: 'app:latest', startedAt: 0 };
    assert.deepEqual(runningBuildQuestion('Dockerfile', running, 42_000, english), {
      message: 'A build of Dockerfile (app:latest) is still running.',
      detail: 'It started 42 s ago. Stop it and start this build, or keep it running and do not start another.',
    });
    assert.match(runningBuildQuestion('Dockerfile', running, 185_000, english).detail, /^It started 3 min ago\./);
  });
});
