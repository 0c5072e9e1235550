// Loaded into each test file's process by scripts/run-tests.mjs: a file whose process exits
// before its tests have all run (process.exit in a test or in code under test) otherwise passes
// with the tests after that point silently missing; here it exits 1 and says so.
import { after } from 'node:test';

let ranToEnd = false;
after(() => {
  ranToEnd = true;
});
process.on('exit', () => {
  if (ranToEnd) return;
  process.stderr.write("run-tests: this file's process exited before all of its tests had run\n");
  process.exitCode = 1;
});
