import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { test } from 'node:test';
import { cacheReport, REPORT_PATH } from '../../scripts/cache-report';

test('test/cache-report.md is the current output of scripts/cache-report.ts', () => {
  assert.equal(
    readFileSync(REPORT_PATH, 'utf8'),
    cacheReport(),
    'run: node --import tsx scripts/cache-report.ts, and review the findings',
  );
});

test('on the official corpus the cache rules stay quiet but for the reviewed findings', () => {
  const counts = Object.fromEntries(
    [...cacheReport().matchAll(/^\| (\w+) \| (?:info|hint) \| (\d+) \|/gm)].map((m) => [m[1], Number(m[2])]),
  );
  assert.deepEqual(counts, {
    InstallAfterBroadCopy: 0,
    ArgDeclaredEarly: 0,
    UpdateWithoutInstall: 0,
    VolatileBeforeHeavyRun: 2,
    PackageCacheMount: 1,
    DockerignoreMissing: 2,
    DockerignoreIncomplete: 0,
  });
});
