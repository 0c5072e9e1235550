// The build-context walk on real temporary folders: its budget, ignored folders, `!` re-includes,
// symbolic links, unreadable folders, stopping, the shared listing cache, and what the layer
// hints say about a source the listing did not reach.
import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, rmSync, symlinkSync } from 'node:fs';
import { opendir } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { after, describe, test } from 'node:test';
import { analyseLayers } from '../../core/src/cache';
import { BuildContext } from '../../core/src/context/buildContext';
import { ContextListings } from '../../core/src/context/contextListings';
import { DEFAULT_WALK_LIMITS, walkContext, type WalkOptions } from '../../core/src/context/contextWalk';
import { DockerIgnore } from '../../core/src/context/dockerignore';
import { buildModel } from '../../core/src/model';
import { parseText } from '../../core/src/parser';
import { describeLayer } from '../../server/src/service/layerHints';
import { writeFiles } from '../helpers/ruleHarness';

const made: string[] = [];
after(() => {
  for (const root of made) rmSync(root, { recursive: true, force: true });
});

/** A temporary folder with these files (`dir/` makes an empty folder). */
function folder(files: Record<string, string>): string {
  const root = writeFiles(mkdtempSync(join(tmpdir(), 'layerwise-walk-')), files);
  made.push(root);
  return root;
}

/** Walks `root` with `.dockerignore` text `ignore`, recording every folder it opens (relative). */
async function walk(
  root: string,
  ignore: string | undefined,
  options: WalkOptions = {},
): Promise<{ files: string[]; opened: string[]; listing: Awaited<ReturnType<typeof walkContext>> }> {
  const opened: string[] = [];
  const listing = await walkContext(root, ignore === undefined ? undefined : DockerIgnore.parse(ignore), {
    ...options,
    openFolder: (path) => {
      opened.push(relative(root, path).split('\\').join('/'));
      return (options.openFolder ?? opendir)(path);
    },
  });
  return { files: [...listing.files].sort(), opened: opened.sort(), listing };
}

describe('the walk', () => {
  test('lists files minus ignored ones, breadth first, and reads the root names', async () => {
    const root = folder({ 'a.txt': '', 'src/x.js': '', 'src/deep/y.js': '', 'logs/1.log': '', 'empty/': '' });
    const { files, listing } = await walk(root, '**/*.log\n');
    assert.deepEqual(files, ['a.txt', 'src/deep/y.js', 'src/x.js']);
    assert.deepEqual([...listing.topLevel].sort(), [
      ['a.txt', 'file'],
      ['empty', 'directory'],
      ['logs', 'directory'],
      ['src', 'directory'],
    ]);
    assert.equal(listing.truncated, false);
    assert.equal(listing.topLevelComplete, true);
    // Breadth first: the shallow file comes before the deeper ones.
    assert.ok(listing.files.indexOf('src/x.js') < listing.files.indexOf('src/deep/y.js'));
  });

  test('stops at the entry budget (files, folders and ignored entries all count) and at the file budget', async () => {
    const files: Record<string, string> = { 'keep.txt': '' };
    for (let i = 0; i < 30; i++) files[`ignored/${i}.tmp`] = '';
    for (let i = 0; i < 30; i++) files[`dirs/${i}/`] = '';
    const root = folder(files);
    const byEntries = await walk(root, '*.tmp\n**/*.tmp\n', { limits: { maxEntries: 40, maxFiles: 1000 } });
    assert.equal(byEntries.listing.truncated, true);
    assert.equal(byEntries.listing.entriesVisited, 40);
    const byFiles = await walk(root, undefined, { limits: { maxEntries: 1000, maxFiles: 10 } });
    assert.equal(byFiles.listing.truncated, true);
    assert.equal(byFiles.listing.files.length, 10);
    const whole = await walk(root, undefined);
    assert.equal(whole.listing.truncated, false);
    assert.equal(whole.listing.files.length, 31, 'folders are entries, not files');
    assert.equal(whole.listing.entriesVisited, 63);
  });

  test('60,000 entries: the default walk stops at 50,000 and says so', async () => {
    const root = folder({ 'package.json': '{}' });
    for (let i = 0; i < 60_000; i++) mkdirSync(join(root, `d${i}`));
    const { listing } = await walk(root, undefined);
    assert.equal(listing.truncated, true);
    assert.equal(listing.entriesVisited, DEFAULT_WALK_LIMITS.maxEntries);
    assert.equal(listing.topLevelComplete, false);
  });

  test('an ignored folder is not entered unless a `!` pattern could re-include something below it', async () => {
    const root = folder({
      'node_modules/a/i.js': '',
      'node_modules/keep/k.js': '',
      'build/out.o': '',
      'src/main.c': '',
    });
    const plain = await walk(root, 'node_modules\nbuild\n');
    assert.deepEqual(plain.opened, ['', 'src']);
    assert.deepEqual(plain.files, ['src/main.c']);
    // A plain-path exception enters only the folders on its way.
    const prefixed = await walk(root, 'node_modules\nbuild\n!node_modules/keep/k.js\n');
    assert.deepEqual(prefixed.opened, ['', 'node_modules', 'node_modules/keep', 'src']);
    assert.deepEqual(prefixed.files, ['node_modules/keep/k.js', 'src/main.c']);
    // An exception with wildcards could match anywhere: every ignored folder is entered (current semantics).
    const wild = await walk(root, 'node_modules\nbuild\n!**/*.o\n');
    assert.deepEqual(wild.opened, ['', 'build', 'node_modules', 'node_modules/a', 'node_modules/keep', 'src']);
    assert.deepEqual(wild.files, ['build/out.o', 'src/main.c']);
    // A trailing /** on the exception is a plain path for this test.
    const trailing = await walk(root, '*\n!src/**\n');
    assert.deepEqual(trailing.opened, ['', 'src']);
    assert.deepEqual(trailing.files, ['src/main.c']);
  });

  test('symbolic links are listed, never followed: a link loop ends', async () => {
    const root = folder({ 'a/file.txt': '' });
    symlinkSync(root, join(root, 'a/loop'));
    symlinkSync('..', join(root, 'a/up'));
    const { files, opened, listing } = await walk(root, undefined);
    assert.deepEqual(files, ['a/file.txt', 'a/loop', 'a/up']);
    assert.deepEqual(opened, ['', 'a']);
    assert.equal(listing.truncated, false);
  });

  test('a folder that cannot be read is remembered with its error; the others are listed', async () => {
    const root = folder({ 'ok/a.txt': '', 'secret/b.txt': '', 'top.txt': '' });
    const denied = Object.assign(new Error('EACCES: permission denied'), { code: 'EACCES' });
    const { files, listing } = await walk(root, undefined, {
      openFolder: (path) => (path.endsWith('secret') ? Promise.reject(denied) : opendir(path)),
    });
    assert.deepEqual(files, ['ok/a.txt', 'top.txt']);
    assert.deepEqual(
      listing.unreadable.map((u) => [u.path, (u.error as NodeJS.ErrnoException).code]),
      [['secret', 'EACCES']],
    );
    // A folder removed while walking is not "unreadable".
    const gone = await walk(root, undefined, {
      openFolder: (path) => (path.endsWith('secret') ? opendir(join(root, 'nothing-here')) : opendir(path)),
    });
    assert.deepEqual(gone.listing.unreadable, []);
  });

  test('aborting stops the walk', async () => {
    const root = folder({ 'a/b/c.txt': '' });
    const controller = new AbortController();
    controller.abort();
    await assert.rejects(walkContext(root, undefined, { signal: controller.signal }), { name: 'AbortError' });
  });
});

describe('the build context', () => {
  test('an unreadable .dockerignore is remembered, not taken for a missing one', () => {
    const root = folder({ Dockerfile: 'FROM a\n', '.dockerignore/': '' });
    const context = BuildContext.forDockerfile(join(root, 'Dockerfile'));
    assert.equal(context.dockerignorePath, join(root, '.dockerignore'));
    assert.equal((context.dockerignoreError as NodeJS.ErrnoException).code, 'EISDIR');
    assert.equal(context.dockerignore, undefined);
  });

  test('single paths are answered by one stat, without a listing', () => {
    const root = folder({ Dockerfile: 'FROM a\n', 'package.json': '{}', 'src/a.js': '' });
    const context = BuildContext.forDockerfile(join(root, 'Dockerfile'));
    assert.deepEqual(
      ['package.json', 'src', 'nope', 'package.json/x'].map((p) => context.kindOf(p)),
      ['file', 'directory', 'absent', 'absent'],
    );
    assert.equal(context.listing, undefined);
    assert.deepEqual([...context.topLevelEntries().entries.keys()].sort(), ['Dockerfile', 'package.json', 'src']);
  });

  test('one shared walk per context; a change inside stops it, drops its listing; others keep theirs', async () => {
    const first = folder({ Dockerfile: 'FROM a\n', 'a.txt': '' });
    const second = folder({ Dockerfile: 'FROM a\n', 'b.txt': '' });
    const listed: string[] = [];
    const listings = new ContextListings({
      listed: (context) => listed.push(context.root),
      failed: (_, error) => assert.fail(String(error)),
    });
    const one = listings.current(BuildContext.forDockerfile(join(first, 'Dockerfile')));
    const same = listings.current(BuildContext.forDockerfile(join(first, 'Dockerfile')));
    const other = listings.current(BuildContext.forDockerfile(join(second, 'Dockerfile')));
    assert.equal(one, same, 'the same key gives the same snapshot');
    // Reading the listing starts the walk and answers at once.
    assert.equal(one.listing, undefined);
    assert.equal(other.listing, undefined);
    await Promise.all([listings.settled(one.key), listings.settled(other.key)]);
    assert.deepEqual(listed.sort(), [first, second].sort());
    const listedOne = listings.current(BuildContext.forDockerfile(join(first, 'Dockerfile')));
    assert.deepEqual([...listedOne.listing!.files].sort(), ['Dockerfile', 'a.txt']);

    // A file changed in the first context: it is walked again when next read, the second is kept.
    listed.length = 0;
    listings.forget([join(first, 'a.txt')]);
    const again = listings.current(BuildContext.forDockerfile(join(first, 'Dockerfile')));
    assert.equal(again.listing, undefined);
    assert.ok(listings.current(BuildContext.forDockerfile(join(second, 'Dockerfile'))).listing);
    // A newer change while walking abandons the older walk: only the newest reports.
    listings.forget([join(first, 'a.txt')]);
    const newest = listings.current(BuildContext.forDockerfile(join(first, 'Dockerfile')));
    void newest.listing;
    await listings.settled(newest.key);
    assert.deepEqual(listed, [first]);
  });
});

describe('layer hints when the listing is missing something', () => {
  const hintFor = (
    text: string,
    context: BuildContext,
    line: number,
  ): { label: string; tooltip: string; ko: string } => {
    const step = analyseLayers(buildModel(parseText(text).tree)).steps.find(
      (s) => s.instruction.range.start.line === line,
    )!;
    const { label, tooltip } = describeLayer(step, context, undefined);
    return { label: label.en, tooltip: tooltip.en, ko: label.ko };
  };
  const APP = 'FROM node\nCOPY package.json ./\nCOPY src ./src\nCOPY config/*.json ./\nCOPY gone.txt ./\n';

  test('stopped walk: found sources counted, unlisted ones "not listed", only a checked path "missing"', async () => {
    const root = folder({ Dockerfile: APP, 'package.json': '{}', 'src/main.js': '', 'config/a.json': '' });
    // The root alone holds more than 3 entries: no folder below it is read.
    const context = await BuildContext.forDockerfile(join(root, 'Dockerfile')).listed({
      limits: { maxEntries: 3, maxFiles: 1000 },
    });
    assert.equal(context.listing!.truncated, true);
    assert.equal(hintFor(APP, context, 1).label, 'layer 1 · rebuilt when package.json or node change');
    const src = hintFor(APP, context, 2);
    assert.match(src.label, /src\/\*\* \(not listed\)/);
    assert.doesNotMatch(src.label, /missing/);
    assert.match(
      src.tooltip,
      /not listed: the build context is too big to list in full \(Layerwise stopped after 3 entries\)/,
    );
    assert.match(src.ko, /src\/\*\*\(목록에 없음\)/);
    assert.match(hintFor(APP, context, 3).label, /config\/\*\.json \(not listed\)/);
    // gone.txt was looked up on disk: it really is missing.
    assert.match(hintFor(APP, context, 4).label, /gone\.txt \(missing\)/);
  });

  test('a complete listing still says "missing"; before the listing, one stat per source', async () => {
    const root = folder({ Dockerfile: APP, 'package.json': '{}', 'src/main.js': '' });
    const unlisted = BuildContext.forDockerfile(join(root, 'Dockerfile'));
    assert.match(hintFor(APP, unlisted, 2).tooltip, /`src\/\*\*`: the files below it \(still being listed\)/);
    assert.match(hintFor(APP, unlisted, 4).label, /gone\.txt \(missing\)/);
    assert.doesNotMatch(hintFor(APP, unlisted, 3).label, /missing|not listed/);
    const listed = await unlisted.listed();
    assert.match(hintFor(APP, listed, 2).tooltip, /`src\/\*\*`: 1 file \(`src\/main\.js`\)/);
    assert.match(hintFor(APP, listed, 3).label, /config\/\*\.json \(missing\)/);
  });

  test('a source below an unreadable folder is "not listed"', async () => {
    const root = folder({ Dockerfile: APP, 'package.json': '{}', 'src/main.js': '' });
    const denied = Object.assign(new Error('EACCES'), { code: 'EACCES' });
    const context = await BuildContext.forDockerfile(join(root, 'Dockerfile')).listed({
      openFolder: (path) => (path.endsWith('src') ? Promise.reject(denied) : opendir(path)),
    });
    const src = hintFor(APP, context, 2);
    assert.match(src.label, /src\/\*\* \(not listed\)/);
    assert.match(src.tooltip, /a folder of the build context could not be read/);
  });
});
