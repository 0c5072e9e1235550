// BuildKit's behaviour in the corners: each row is text, rule, and every finding expected.
import assert from 'node:assert/strict';
import { before, test } from 'node:test';
import { initShellParser } from '../../core/src/shell';
import { ruleFindings } from '../helpers/rules';
import { showRange } from '../helpers/show';

before(() => initShellParser());

const rows: [string, string, string, string[]][] = [
  // [name, text, code, expected "l:c-l:c message-fragment"]
  [
    'bool flag with a non-boolean value',
    'FROM a\nCOPY --link=yes a /b\n',
    'invalid-flag-value',
    ['1:12-1:15 is a switch'],
  ],
  ['string flag without a value', 'FROM a\nCOPY --from a /b\n', 'invalid-flag-value', ['1:5-1:11 needs a value']],
  ['unknown network mode', 'FROM a\nRUN --network=bridge true\n', 'invalid-flag-value', ['1:14-1:20 not a mode']],
  ['variables in a flag value are left to the build', 'FROM a\nRUN --network=$NET true\n', 'invalid-flag-value', []],
  [
    'duration below 1ms',
    'FROM a\nHEALTHCHECK --timeout=10us CMD true\n',
    'invalid-flag-value',
    ['1:22-1:26 shorter than 1ms'],
  ],
  ['negative retries', 'FROM a\nHEALTHCHECK --retries=-1 CMD true\n', 'invalid-flag-value', ['1:22-1:24 negative']],
  [
    '--chmod with a non-octal digit',
    'FROM a\nCOPY --chmod=64a f /x\n',
    'invalid-flag-value',
    ['1:13-1:16 not an octal mode'],
  ],
  ['--chmod above 7777', 'FROM a\nADD --chmod=10000 f /x\n', 'invalid-flag-value', ['1:12-1:17 above 7777']],
  [
    '--chmod that is neither octal nor symbolic',
    'FROM a\nCOPY --chmod=u+y f /x\nCOPY --chmod=u+x, f /y\nCOPY --chmod=rwx f /z\n',
    'invalid-flag-value',
    ['1:13-1:16 not a file mode', '2:13-2:17 not a file mode', '3:13-3:16 not a file mode'],
  ],
  [
    '--chmod: octal, symbolic (syntax 1.14+), empty and variables are accepted',
    'FROM a\nCOPY --chmod=0755 f /a\nCOPY --chmod=7777 f /b\nCOPY --chmod=u=rwX,go=rX f /c\nADD --chmod=+x f /d\n' +
      'COPY --chmod=go=u-w f /e\nCOPY --chmod= f /f\nCOPY --chmod=$MODE f /g\n',
    'invalid-flag-value',
    [],
  ],
  [
    '--checksum for a URL with sha512',
    'FROM a\nADD --checksum=sha512:0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef' +
      '0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef https://example.com/a.tgz /a\n',
    'invalid-flag-value',
    ['1:15-1:150 SHA-256 only'],
  ],
  [
    '--checksum for a URL with too few digits',
    'FROM a\nADD --checksum=sha256:0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcde' +
      ' https://example.com/a.tgz /a\n',
    'invalid-flag-value',
    ['1:15-1:85 64 lowercase hex digits'],
  ],
  [
    '--checksum for a URL without an algorithm',
    'FROM a\nADD --checksum=0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef' +
      ' https://example.com/a.tgz /a\n',
    'invalid-flag-value',
    ['1:15-1:79 written sha256:<64 hex digits>'],
  ],
  [
    '--checksum on a build-context file',
    'FROM a\nADD --checksum=sha256:0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef app.tgz /a\n',
    'invalid-flag-value',
    ['1:4-1:86 only when ADD downloads'],
  ],
  [
    '--checksum with two sources',
    'FROM a\nADD --checksum=sha256:0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef' +
      ' https://example.com/a https://example.com/b /d/\n',
    'invalid-flag-value',
    ['1:4-1:86 exactly one downloaded source'],
  ],
  [
    '--checksum for Git is a commit hash',
    'FROM a\nADD --checksum=sha256:0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef' +
      ' https://github.com/moby/buildkit.git#v0.26.2 /b\n',
    'invalid-flag-value',
    ['1:15-1:86 commit hash'],
  ],
  [
    '--checksum with a variable source still needs a usable form',
    'FROM a\nADD --checksum=md5:abc $URL /b\n',
    'invalid-flag-value',
    ['1:15-1:22 written sha256'],
  ],
  [
    '--checksum: a sha256 URL digest, a Git commit prefix, a variable source, an empty value',
    'FROM a\nADD --checksum=sha256:0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef' +
      ' https://example.com/a.tgz /a\n' +
      'ADD --checksum=be1f38e https://github.com/moby/buildkit.git#v0.26.2 /b\n' +
      'ADD --checksum=be1f38e git@github.com:moby/buildkit.git /c\n' +
      'ADD --checksum=be1f38e $SRC /d\nADD --checksum= app.tgz /e\nADD --checksum=$SUM app.tgz /f\n',
    'invalid-flag-value',
    [],
  ],
  [
    'ONBUILD trigger flags are checked',
    'FROM a\nONBUILD RUN --mount=type=foo true\n',
    'invalid-mount',
    ['1:20-1:28 Unknown mount type'],
  ],
  [
    'ONBUILD trigger flag values are checked',
    'FROM a\nONBUILD COPY --chmod=9 a /b\n',
    'invalid-flag-value',
    ['1:21-1:22 not an octal mode'],
  ],
  [
    'ONBUILD trigger shell commands are read',
    'FROM a\nONBUILD RUN apt-get install curl\n',
    'AptGetInstallWithoutYes',
    ['1:12-1:27 without -y'],
  ],
  [
    'ONBUILD RUN triggers are read like RUN by the stage shell rules',
    'FROM a\nONBUILD RUN curl -fsSL https://example.com/i.sh | sh\n',
    'PipeWithoutPipefail',
    ['1:12-1:52 pipefail'],
  ],
  ['BuildKit does not apply build checks to ONBUILD triggers', 'FROM a\nONBUILD ENV a b\n', 'LegacyKeyValueFormat', []],
  [
    'HEALTHCHECK NONE ignores options and takes nothing after it',
    'FROM a\nHEALTHCHECK --bogus NONE extra\n',
    'invalid-healthcheck',
    ['1:20-1:30 nothing after NONE'],
  ],
  ['HEALTHCHECK NONE flags are not read', 'FROM a\nHEALTHCHECK --bogus NONE\n', 'unknown-flag', []],
  ['CMD takes no flags', 'FROM a\nCMD --x ["a"]\n', 'unknown-flag', ['1:6-1:7 takes no flags']],
  ['mount key needs a value', 'FROM a\nRUN --mount=type=bind,target true\n', 'invalid-mount', ['1:12-1:28 key=value']],
  [
    'required before type= is read as a bind mount',
    'FROM a\nRUN --mount=required,type=secret,id=x true\n',
    'invalid-mount',
    ['1:12-1:37 put type= first'],
  ],
  [
    'secret mount with required after type',
    'FROM a\nRUN --mount=type=secret,id=x,required true\n',
    'invalid-mount',
    [],
  ],
  [
    'unknown mount key gets a suggestion',
    'FROM a\nRUN --mount=type=cache,taget=/c true\n',
    'invalid-mount',
    ['1:12-1:31 did you mean target?'],
  ],
  [
    'secret mount needs something to name it',
    'FROM a\nRUN --mount=type=secret true\n',
    'invalid-mount',
    ['1:12-1:23 needs id='],
  ],
  [
    'uid only on cache/secret/ssh',
    'FROM a\nRUN --mount=type=bind,target=/x,uid=1 true\n',
    'invalid-mount',
    ['1:12-1:37 uid is not allowed'],
  ],
  [
    'from= cannot use a variable',
    'FROM a\nRUN --mount=from=$X,target=/x true\n',
    'invalid-mount',
    ['1:12-1:29 cannot use variables'],
  ],
  ['unknown protocol', 'FROM a\nEXPOSE 80/http\n', 'invalid-port', ['1:7-1:14 Unknown protocol']],
  ['reversed port range', 'FROM a\nEXPOSE 90-80\n', 'invalid-port', ['1:7-1:12 ends before']],
  ['uppercase image name', 'FROM Alpine\n', 'invalid-image-reference', ['0:5-0:11 must be lowercase']],
  ['FROM naming an earlier stage is not an image', 'FROM alpine AS Build\nFROM Build\n', 'invalid-image-reference', []],
  ['registry with port and path', 'FROM localhost:5000/a/b\n', 'invalid-image-reference', []],
  [
    'heredoc counts as a source',
    'FROM a\nCOPY <<EOF a /dest\nx\nEOF\n',
    'copy-destination-not-directory',
    ['1:13-1:18 has 2 sources'],
  ],
  [
    'a three-stage circle through an index and a cache mount',
    'FROM a AS one\nCOPY --from=2 /x /x\nFROM a AS two\nRUN --mount=from=one,target=/m true\n' +
      'FROM a AS three\nCOPY --from=two /y /y\n',
    'stage-dependency-cycle',
    ['1:5-1:13 copies from', '3:4-3:30 copies from', '5:5-5:15 copies from'],
  ],
  [
    'a stage copied from before it is declared is fine without a circle',
    'FROM a AS one\nCOPY --from=two /x /x\nFROM a AS two\nRUN true\n',
    'stage-dependency-cycle',
    [],
  ],
  [
    'RUN --mount=from= takes names only: an index there is an image',
    'FROM a AS one\nCOPY --from=1 /x /x\nFROM a AS two\nRUN --mount=from=0,target=/m true\n',
    'stage-dependency-cycle',
    [],
  ],
  [
    'COPY --from=<own index>',
    'FROM a\nFROM b\nCOPY --from=1 /a /b\n',
    'copy-from-own-stage',
    ['2:12-2:13 stage this COPY is in'],
  ],
  ['casing: a tie goes to uppercase', 'FROM a\nrun true\n', 'ConsistentInstructionCasing', ['1:0-1:3 uppercase']],
  [
    'casing: mixed-case keywords never match',
    'from a\nRun true\nrun x\n',
    'ConsistentInstructionCasing',
    ['1:0-1:3 lowercase'],
  ],
  ['casing: global ARGs are not counted', 'arg A\narg B\nFROM a\nRUN x\n', 'ConsistentInstructionCasing', []],
  ['FromAsCasing leaves a mixed-case FROM to the casing check', 'From a as b\n', 'FromAsCasing', []],
  [
    'JSONArgsRecommended: SHELL in the parent stage counts',
    'FROM a AS base\nSHELL ["bash", "-c"]\nFROM base\nCMD run it\n',
    'JSONArgsRecommended',
    [],
  ],
  [
    'JSONArgsRecommended: SHELL in another stage does not',
    'FROM a AS base\nSHELL ["bash", "-c"]\nFROM a\nENTRYPOINT run it\n',
    'JSONArgsRecommended',
    ['3:11-3:17 ENTRYPOINT in shell form'],
  ],
  [
    'UndefinedArgInFrom: platform args are predefined',
    'FROM --platform=$BUILDPLATFORM a:$TARGETARCH\n',
    'UndefinedArgInFrom',
    [],
  ],
  [
    'UndefinedArgInFrom: did you mean',
    'ARG BASE_IMAGE=a\nFROM $BASE_IMAG\n',
    'UndefinedArgInFrom',
    ['1:5-1:15 did you mean $BASE_IMAGE?'],
  ],
  [
    'UndefinedVar: global ARG needs redeclaring in the stage',
    'ARG V=1\nFROM scratch\nLABEL v=$V\n',
    'UndefinedVar',
    ['2:8-2:10 not defined'],
  ],
  ['UndefinedVar: redeclared global ARG', 'ARG V=1\nFROM scratch\nARG V\nLABEL v=$V\n', 'UndefinedVar', []],
  [
    'UndefinedVar: external image only reports likely typos',
    'FROM node\nENV APP_HOME=/app\nWORKDIR $APP_HOM\nWORKDIR $NODE_VERSION\n',
    'UndefinedVar',
    ['2:8-2:16 did you mean $APP_HOME?'],
  ],
  [
    'UndefinedVar: ENV of the parent stage is visible',
    'FROM scratch AS a\nENV X=1\nFROM a\nLABEL x=$X\n',
    'UndefinedVar',
    [],
  ],
  ['UndefinedVar: an earlier pair of the same ARG', 'FROM scratch\nARG A=1 B=$A\n', 'UndefinedVar', []],
  [
    'UndefinedVar: RUN --mount values are expanded by the builder',
    'FROM scratch\nRUN --mount=type=cache,target=$CACHE true\n',
    'UndefinedVar',
    ['1:30-1:36 not defined'],
  ],
  // Moved from the parity test that kept UndefinedVar's own scoping equal to the model's.
  [
    'UndefinedVar: the pairs of one ENV see the values from before it',
    'FROM scratch\nENV A=1 B=$A\nLABEL a=$A\n',
    'UndefinedVar',
    ['1:10-1:12 not defined'],
  ],
  [
    'UndefinedVar: ARG is not handed down to a stage built on this one',
    'FROM scratch AS a\nARG X=1\nENV Y=$X\nFROM a\nLABEL x=$X y=$Y\n',
    'UndefinedVar',
    ['4:8-4:10 not defined'],
  ],
  [
    'UndefinedVar: ENV is handed down through every stage of the chain',
    'FROM scratch AS a\nENV X=1\nFROM a AS b\nFROM b\nCOPY $X /x\n',
    'UndefinedVar',
    [],
  ],
  [
    'UndefinedVar: the shell of RUN sees the proxy args, even in --mount',
    'FROM scratch\nRUN --mount=type=cache,target=/$HTTP_PROXY true\nCOPY $HTTP_PROXY /x\n',
    'UndefinedVar',
    ['2:5-2:16 not defined'],
  ],
  [
    'UndefinedVar: a redeclared global ARG has its value for later ARGs',
    'ARG GLOBAL=1\nFROM scratch\nARG GLOBAL\nARG LOCAL=$GLOBAL\nWORKDIR /$LOCAL/$NOPE\n',
    'UndefinedVar',
    ['4:16-4:21 not defined'],
  ],
  [
    'UndefinedVar: a variable in FROM is left to UndefinedArgInFrom',
    'FROM scratch AS a\nFROM ${MISSING} AS b\n',
    'UndefinedVar',
    [],
  ],
  [
    'InvalidDefaultArgInFrom: an ARG without default as the whole image',
    'ARG IMAGE\nFROM $IMAGE\n',
    'InvalidDefaultArgInFrom',
    ['1:5-1:11 an empty name'],
  ],
  [
    'InvalidDefaultArgInFrom: a default naming a stage',
    'ARG B=build\nFROM a AS build\nFROM $B\n',
    'InvalidDefaultArgInFrom',
    [],
  ],
  [
    'WorkdirRelativePath: only the first WORKDIR of a stage',
    'FROM a\nWORKDIR /app\nWORKDIR src\n',
    'WorkdirRelativePath',
    [],
  ],
  ['WorkdirRelativePath: variables are left alone', 'FROM a\nWORKDIR $HOME/app\n', 'WorkdirRelativePath', []],
  [
    'MultipleInstructionsDisallowed reports every earlier one',
    'FROM a\nENTRYPOINT ["a"]\nENTRYPOINT ["b"]\nENTRYPOINT ["c"]\n',
    'MultipleInstructionsDisallowed',
    ['1:0-1:10 a later ENTRYPOINT replaces it', '2:0-2:10 a later ENTRYPOINT replaces it'],
  ],
  [
    'NoEmptyContinuation: trailing blank lines after the last continuation',
    'FROM a\nRUN echo \\\n\n',
    'NoEmptyContinuation',
    [],
  ],
  [
    'SecretsUsedInArgOrEnv: word boundaries',
    'FROM a\nENV AUTH_TOKEN=x MONKEY=1 DB_PASSWORD=y\n',
    'SecretsUsedInArgOrEnv',
    ['1:4-1:14 AUTH_TOKEN', '1:26-1:37 DB_PASSWORD'],
  ],
  ['ReservedStageName: context', 'FROM a AS context\n', 'ReservedStageName', ['0:10-0:17 reserved']],
];

for (const [name, text, code, expected] of rows) {
  test(`${code}: ${name}`, () => {
    const found = ruleFindings(text, { rules: { [code]: 'warning' } }).filter(({ rule }) => rule.code === code);
    assert.equal(
      found.length,
      expected.length,
      found.map((f) => `${showRange(f.finding.range)} ${f.finding.message.en}`).join('\n'),
    );
    expected.forEach((want, i) => {
      const [range, ...words] = want.split(' ');
      const finding = found[i]!.finding;
      assert.equal(showRange(finding.range), range);
      assert.ok(
        finding.message.en.includes(words.join(' ')),
        `${finding.message.en} should mention "${words.join(' ')}"`,
      );
      assert.ok(finding.message.ko.length > 0);
    });
  });
}
