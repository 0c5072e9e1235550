// Rules judge COPY/ADD/WORKDIR/EXPOSE words as the builder reads them (quotes removed, escapes
// applied, variables expanded), not as written; fixes edit the written text so the builder
// reads the fixed value.
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { addInsteadOfCopy } from '../../core/src/rules/bestPractice/addInsteadOfCopy';
import { copyRelativeWithoutWorkdir } from '../../core/src/rules/bestPractice/copyRelativeWithoutWorkdir';
import { copyDestinationNotDirectory } from '../../core/src/rules/builder/copyDestinationNotDirectory';
import { baseImageLatestTag } from '../../core/src/rules/bestPractice/baseImageLatestTag';
import { finalStageUserRoot } from '../../core/src/rules/bestPractice/finalStageUserRoot';
import { invalidFlagValue } from '../../core/src/rules/builder/invalidFlagValue';
import { invalidImageReference } from '../../core/src/rules/builder/invalidImageReference';
import { invalidPort } from '../../core/src/rules/builder/invalidPort';
import { ExposeInvalidFormat } from '../../core/src/rules/buildkit/ExposeInvalidFormat';
import { WorkdirRelativePath } from '../../core/src/rules/buildkit/WorkdirRelativePath';
import type { Rule } from '../../core/src/rules';
import { fixed, ranges, runRule } from '../helpers/ruleHarness';

const fires = (rule: Rule, text: string): string[] => ranges(runRule(rule, text));

describe('WorkdirRelativePath reads the path without quotes', () => {
  test('quoted absolute paths are absolute', () => {
    assert.deepEqual(fires(WorkdirRelativePath, 'FROM alpine\nWORKDIR "/usr/local"\n'), []);
    assert.deepEqual(fires(WorkdirRelativePath, "FROM alpine\nWORKDIR '/usr/local'\n"), []);
    assert.deepEqual(fires(WorkdirRelativePath, 'FROM alpine\nWORKDIR \\/usr\n'), []);
  });
  test('quoted relative paths are still relative', () => {
    assert.deepEqual(fires(WorkdirRelativePath, 'FROM alpine\nWORKDIR "usr/local"\n'), ['1:8-1:19']);
    // Single quotes keep `$`: the literal path `$HOME` is relative.
    assert.deepEqual(fires(WorkdirRelativePath, "FROM alpine\nWORKDIR '$HOME'\n"), ['1:8-1:15']);
  });
  test('variables are expanded where the model knows them', () => {
    assert.deepEqual(fires(WorkdirRelativePath, 'FROM alpine\nARG DIR=/srv\nWORKDIR "$DIR/app"\n'), []);
    assert.deepEqual(fires(WorkdirRelativePath, 'FROM alpine\nARG DIR=srv\nWORKDIR $DIR/app\n'), ['2:8-2:16']);
    // From the base image's environment: unknown, so left alone.
    assert.deepEqual(fires(WorkdirRelativePath, 'FROM alpine\nWORKDIR $HOME/app\n'), []);
  });
});

describe('copy-destination-not-directory reads the destination without quotes', () => {
  test('a quoted directory is a directory', () => {
    assert.deepEqual(fires(copyDestinationNotDirectory, 'FROM alpine\nCOPY foo bar "baz/"\n'), []);
    assert.deepEqual(fires(copyDestinationNotDirectory, "FROM alpine\nCOPY foo bar 'baz/'\n"), []);
    assert.deepEqual(fires(copyDestinationNotDirectory, 'FROM alpine\nCOPY ["foo", "bar", "baz/"]\n'), []);
  });
  test('the fix writes / inside the closing quote', () => {
    const text = 'FROM alpine\nCOPY foo bar "baz"\n';
    const [finding] = runRule(copyDestinationNotDirectory, text);
    assert.equal(fixed(text, finding), 'FROM alpine\nCOPY foo bar "baz/"\n');
    const single = "FROM alpine\nADD foo bar 'baz'\n";
    assert.equal(fixed(single, runRule(copyDestinationNotDirectory, single)[0]), "FROM alpine\nADD foo bar 'baz/'\n");
    const exec = 'FROM alpine\nCOPY ["foo", "bar", "baz"]\n';
    assert.equal(
      fixed(exec, runRule(copyDestinationNotDirectory, exec)[0]),
      'FROM alpine\nCOPY ["foo", "bar", "baz/"]\n',
    );
  });
  test('an escaped slash ends a directory with either escape character', () => {
    assert.deepEqual(fires(copyDestinationNotDirectory, 'FROM alpine\nCOPY a b baz\\/\n'), []);
    assert.deepEqual(fires(copyDestinationNotDirectory, '# escape=`\nFROM alpine\nCOPY a b baz`/\n'), []);
    // With the backtick escape a backslash is kept: `C:\dir\` names a directory.
    assert.deepEqual(fires(copyDestinationNotDirectory, '# escape=`\nFROM alpine\nCOPY a b "C:\\dir\\"\n'), []);
    // A JSON Windows path: BuildKit's lexer drops the backslashes, but the written path is a directory.
    assert.deepEqual(fires(copyDestinationNotDirectory, 'FROM alpine\nCOPY ["a", "b", "C:\\\\dir\\\\"]\n'), []);
  });
});

describe('CopyRelativeWithoutWorkdir reads the destination without quotes', () => {
  test('a quoted absolute destination is absolute', () => {
    assert.deepEqual(fires(copyRelativeWithoutWorkdir, 'FROM alpine\nCOPY x "/usr/local/bin/x"\n'), []);
    assert.deepEqual(fires(copyRelativeWithoutWorkdir, 'FROM alpine\nARG BIN=/usr/bin\nCOPY x "${BIN}/x"\n'), []);
  });
  test('a quoted relative destination is relative', () => {
    assert.deepEqual(fires(copyRelativeWithoutWorkdir, 'FROM alpine\nCOPY x "bin/x"\n'), ['1:7-1:14']);
    assert.deepEqual(fires(copyRelativeWithoutWorkdir, 'FROM alpine\nARG BIN=bin\nCOPY x "$BIN/x"\n'), ['2:7-2:15']);
  });
});

describe('AddInsteadOfCopy reads sources without quotes', () => {
  test('quoted local files are local files', () => {
    assert.deepEqual(fires(addInsteadOfCopy, 'FROM alpine\nADD "file.zip" /x/\n'), ['1:0-1:3']);
    assert.deepEqual(fires(addInsteadOfCopy, 'FROM alpine\nADD ["app.py", "/x/"]\n'), ['1:0-1:3']);
  });
  test('quoted archives and variables stay quiet', () => {
    assert.deepEqual(fires(addInsteadOfCopy, 'FROM alpine\nADD "rootfs.tar.gz" /\n'), []);
    assert.deepEqual(fires(addInsteadOfCopy, 'FROM alpine\nADD "$FILE" /x/\n'), []);
    // An escaped `$` is a literal file name.
    assert.deepEqual(fires(addInsteadOfCopy, 'FROM alpine\nADD \\$file.py /x/\n'), ['1:0-1:3']);
  });
});

describe('invalid-port reads ports without quotes', () => {
  test('quoted ports are ports', () => {
    assert.deepEqual(fires(invalidPort, 'FROM alpine\nEXPOSE "80" \'443/tcp\'\n'), []);
    assert.deepEqual(fires(invalidPort, 'FROM alpine\nEXPOSE "70000"\n'), ['1:7-1:14']);
  });
});

describe('EXPOSE mappings are read without quotes', () => {
  test('the fix keeps the container port without the quote', () => {
    const text = 'FROM alpine\nEXPOSE "127.0.0.1:8080:80"\n';
    const [finding] = runRule(ExposeInvalidFormat, text);
    assert.equal(fixed(text, finding), 'FROM alpine\nEXPOSE 80\n');
    assert.deepEqual(fires(ExposeInvalidFormat, 'FROM alpine\nEXPOSE "${PORT:-80}"\n'), []);
  });
});

describe('FROM names are read without quotes', () => {
  const CHECKSUM = `sha256:${'0'.repeat(64)}`;
  test('a quoted valid reference is valid, a quoted invalid one is not', () => {
    assert.deepEqual(fires(invalidImageReference, 'FROM "alpine:3.20"\n'), []);
    assert.deepEqual(fires(invalidImageReference, "FROM 'alpine:3.20:x'\n"), ['0:5-0:20']);
  });
  test('quoted scratch is scratch, a quoted untagged image is untagged', () => {
    assert.deepEqual(fires(baseImageLatestTag, 'FROM "scratch"\n'), []);
    assert.deepEqual(fires(baseImageLatestTag, 'FROM "alpine"\n'), ['0:5-0:13']);
  });
  test('ADD --checksum of a quoted URL is a download, of a quoted file is not', () => {
    assert.deepEqual(
      fires(invalidFlagValue, `FROM alpine\nADD --checksum=${CHECKSUM} "https://example.com/a.tgz" /\n`),
      [],
    );
    assert.equal(fires(invalidFlagValue, `FROM alpine\nADD --checksum=${CHECKSUM} "a.tgz" /\n`).length, 1);
    // A quoted URL is a URL: its checksum must be a whole digest.
    assert.equal(
      fires(invalidFlagValue, 'FROM alpine\nADD --checksum=sha256:abc "https://example.com/a.tgz" /\n').length,
      1,
    );
  });
});

describe('FinalStageUserRoot reads USER without quotes', () => {
  test('a quoted root user is root', () => {
    assert.deepEqual(fires(finalStageUserRoot, 'FROM debian:12\nUSER "root"\n'), ['1:5-1:11']);
    assert.deepEqual(fires(finalStageUserRoot, "FROM debian:12\nUSER 'rootless'\n"), []);
  });
});
