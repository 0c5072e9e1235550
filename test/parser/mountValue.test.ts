// `RUN --mount=` values read by the parser into fields with source ranges, as BuildKit reads them
// (CSV fields, `dst`/`destination` for `target`, later fields win, keys in any case).
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { type Flag, type MountValue, parseDockerfile, parseText, reparseText } from '../../core/src/parser';
import { showRange } from '../helpers/show';

const flagsOf = (text: string): Flag[] => {
  const tree = parseDockerfile(text);
  return tree.instructions.flatMap((i) => (i.trigger ? [i, i.trigger] : [i])).flatMap((i) => i.flags);
};
const mountOf = (text: string): MountValue => {
  const mount = flagsOf(text).find((flag) => flag.mount)?.mount;
  assert.ok(mount, `no mount in ${JSON.stringify(text)}`);
  return mount;
};
/** Each field as `key=value@range` (`key@range` for a bare key). */
const fields = (mount: MountValue): string[] =>
  mount.fields.map((f) => `${f.key}${f.value === undefined ? '' : `=${f.value}`}@${showRange(f.range)}`);

describe('--mount fields', () => {
  test('key, value and their ranges on one line', () => {
    const mount = mountOf('RUN --mount=type=cache,target=/root/.npm,sharing=locked npm ci');
    assert.deepEqual(fields(mount), [
      'type=cache@0:12-0:22',
      'target=/root/.npm@0:23-0:40',
      'sharing=locked@0:41-0:55',
    ]);
    const target = mount.fields[1]!;
    assert.equal(showRange(target.keyRange), '0:23-0:29');
    assert.equal(showRange(target.valueRange), '0:30-0:40');
    assert.equal(mount.type, 'cache');
    assert.equal(mount.target, target);
    assert.equal(mount.error, undefined);
  });

  test('a value continued on the next line keeps exact ranges on both lines', () => {
    const mount = mountOf('FROM a\nRUN --mount=type=cache,\\\ntarget=/go/pkg/mod,id=\\\ngo make');
    assert.deepEqual(fields(mount), ['type=cache@1:12-1:22', 'target=/go/pkg/mod@2:0-2:18', 'id=go@2:19-3:2']);
    assert.equal(showRange(mount.id!.valueRange), '3:0-3:2');
  });

  test('dst and destination are target, src is source; the last one given wins, as in BuildKit', () => {
    const mount = mountOf('RUN --mount=type=bind,dst=/a,src=x,destination=/b,source=y,from=build make');
    assert.equal(mount.target?.value, '/b');
    assert.equal(mount.target?.key, 'destination');
    assert.equal(mount.source?.value, 'y');
    assert.equal(mount.from?.value, 'build');
    assert.equal(mount.type, 'bind');
  });

  test('keys in any case are lower-cased, and so is the type; values keep their case', () => {
    const mount = mountOf('RUN --mount=Type=CACHE,TARGET=/Root make');
    assert.deepEqual(
      mount.fields.map((f) => f.key),
      ['type', 'target'],
    );
    assert.equal(mount.type, 'cache');
    assert.equal(mount.target?.value, '/Root');
  });

  test('no type= is a bind mount; bare keys have no value', () => {
    const mount = mountOf('RUN --mount=target=.,ro make');
    assert.equal(mount.type, 'bind');
    assert.deepEqual(fields(mount), ['target=.@0:12-0:20', 'ro@0:21-0:23']);
    assert.equal(mount.fields[1]!.valueRange, undefined);
  });

  test('CSV quotes: a quoted field holds commas, "" is a quote; ranges include the quotes', () => {
    // Single quotes keep the double quotes for the CSV reader (the flag's own quotes are removed first).
    const mount = mountOf(`RUN --mount='type=secret,"id=a,b",env=X""' make`);
    assert.equal(mount.error, 'bare-quote');
    const quoted = mountOf(`RUN --mount='type=bind,"source=x""y",ro' make`);
    assert.equal(quoted.error, undefined);
    assert.deepEqual(fields(quoted), ['type=bind@0:13-0:22', 'source=x"y@0:23-0:36', 'ro@0:37-0:39']);
    assert.equal(showRange(quoted.source!.keyRange), '0:24-0:30');
    assert.equal(showRange(quoted.source!.valueRange), '0:31-0:35');
    const commas = mountOf(`RUN --mount='type=secret,"id=a,b"' make`);
    assert.equal(commas.id?.value, 'a,b');
  });

  test('double quotes around the whole value belong to the flag: the commas split fields', () => {
    const mount = mountOf('RUN --mount="type=cache,target=/x" make');
    assert.deepEqual(fields(mount), ['type=cache@0:13-0:23', 'target=/x@0:24-0:33']);
  });

  test('values BuildKit cannot read as CSV', () => {
    assert.equal(mountOf('RUN --mount= make').error, 'empty');
    assert.deepEqual(mountOf('RUN --mount= make').fields, []);
    assert.equal(mountOf(`RUN --mount='type=bind,"src=x' make`).error, 'unterminated-quote');
    assert.equal(mountOf(`RUN --mount='"type=bind"x,ro' make`).error, 'unterminated-quote');
    // A trailing comma is an empty last field, which the builder rejects later (not a CSV error).
    const trailing = mountOf('RUN --mount=type=cache, make');
    assert.equal(trailing.error, undefined);
    assert.deepEqual(
      trailing.fields.map((f) => f.text),
      ['type=cache', ''],
    );
  });

  test('only RUN --mount is read; in an ONBUILD trigger too', () => {
    assert.deepEqual(
      flagsOf('COPY --mount=type=cache a b\nRUN --network=none --mount x').map((f) => f.mount),
      [undefined, undefined, undefined],
    );
    assert.equal(mountOf('ONBUILD RUN --mount=type=cache,target=/c make').target?.value, '/c');
  });

  test('an edit above moves a kept instruction: its mount field ranges move with it', () => {
    const before = parseText('FROM a\nRUN echo\n\nRUN --mount=type=cache,\\\ntarget=/x make\n');
    const kept = before.tree.instructions[2]!;
    const after = reparseText(
      before,
      'FROM a\nRUN echo\nRUN two\nLABEL x=1\n\nRUN --mount=type=cache,\\\ntarget=/x make\n',
    );
    const moved = after.tree.instructions[4]!;
    assert.equal(moved, kept, 'the instruction after the edit is kept, not parsed again');
    assert.deepEqual(fields(moved.flags[0]!.mount!), ['type=cache@5:12-5:22', 'target=/x@6:0-6:9']);
    assert.equal(showRange(moved.flags[0]!.mount!.target!.valueRange), '6:7-6:9');
  });
});
