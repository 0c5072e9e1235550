// Completion and signature help through the real protocol (an in-process server), one case per context.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { withCursor } from '../helpers/cursor';
import { LspClient } from '../helpers/lspClient';

interface Item {
  label: string;
  detail?: string;
  documentation?: { kind: string; value: string };
  insertTextFormat?: number;
  textEdit?: {
    range: { start: { line: number; character: number }; end: { line: number; character: number } };
    newText: string;
  };
}

const clients = new Map<string, LspClient>();
let documentCount = 0;

before(async () => {
  clients.set('en', await LspClient.start({ transport: 'in-process', initializationOptions: { locale: 'en' } }));
  clients.set('ko', await LspClient.start({ transport: 'in-process', initializationOptions: { locale: 'ko' } }));
});
after(async () => {
  for (const client of clients.values()) await client.stop();
});

async function open(
  language: string,
  marked: string,
): Promise<{ client: LspClient; uri: string; position: { line: number; character: number } }> {
  const client = clients.get(language)!;
  const { text, position } = withCursor(marked);
  const uri = `file:///completion/${documentCount++}/Dockerfile`;
  await client.open(uri, text);
  return { client, uri, position };
}

/** The completion list, each item resolved (documentation comes on completionItem/resolve). */
async function complete(marked: string, language = 'en'): Promise<Item[]> {
  const { client, uri, position } = await open(language, marked);
  const reply = await client.request<Item[] | { items: Item[] }>('textDocument/completion', {
    textDocument: { uri },
    position,
  });
  const items = Array.isArray(reply) ? reply : reply.items;
  for (const item of items) assert.equal(item.documentation, undefined, 'documentation is deferred to resolve');
  return Promise.all(items.map((item) => client.request<Item>('completionItem/resolve', item)));
}

const labels = (items: Item[]): string[] => items.map((i) => i.label);
const edit = (item: Item | undefined): string =>
  item?.textEdit
    ? `${item.textEdit.range.start.line}:${item.textEdit.range.start.character}-` +
      `${item.textEdit.range.end.character}=${item.textEdit.newText}`
    : 'none';
const find = (items: Item[], label: string): Item => {
  const item = items.find((i) => i.label === label);
  assert.ok(item, `${label} not in ${labels(items).join(', ')}`);
  return item;
};

describe('instructions valid at the cursor', () => {
  test('first line: FROM, ARG and parser directives only', async () => {
    const items = await complete('¦');
    const keywords = items.filter((i) => /^[A-Z]+$/.test(i.label)).map((i) => i.label);
    assert.deepEqual(keywords, ['FROM', 'ARG']);
    assert.ok(labels(items).includes('# syntax=docker/dockerfile:1'));
    assert.ok(labels(items).includes('FROM <image>:<tag> AS <stage>'));
  });
  test('after ARG but before FROM: still FROM and ARG, no directives (they must come first)', async () => {
    const items = await complete('ARG V=1\n¦');
    assert.deepEqual(
      items.filter((i) => /^[A-Z]+$/.test(i.label)).map((i) => i.label),
      ['FROM', 'ARG'],
    );
    assert.ok(!labels(items).some((l) => l.startsWith('#')));
  });
  test('inside a stage: every instruction, with snippets for common forms and docs', async () => {
    const items = await complete('FROM alpine:3.24\nR¦');
    for (const keyword of ['RUN', 'CMD', 'COPY', 'WORKDIR', 'HEALTHCHECK', 'ONBUILD', 'FROM'])
      assert.ok(labels(items).includes(keyword), keyword);
    const snippet = find(items, 'RUN --mount=type=cache,target=<dir> <command>');
    assert.equal(snippet.insertTextFormat, 2);
    assert.equal(edit(snippet), '1:0-1=RUN --mount=type=cache,target=${1:/root/.cache} ${2:command}');
    assert.match(find(items, 'RUN').documentation!.value, /docs\.docker\.com\/reference\/dockerfile\/#run/);
  });
  test('on the keyword of an instruction with arguments: keywords only, replacing the keyword', async () => {
    const items = await complete('FROM alpine:3.24\nWOR¦KDIR /app\n');
    assert.ok(!items.some((i) => i.insertTextFormat === 2));
    assert.equal(edit(find(items, 'WORKDIR')), '1:0-7=WORKDIR ');
  });
  test('after ONBUILD: the allowed triggers only', async () => {
    const items = await complete('FROM alpine:3.24\nONBUILD ¦');
    assert.ok(labels(items).includes('RUN') && labels(items).includes('COPY'));
    for (const forbidden of ['FROM', 'ONBUILD', 'MAINTAINER']) assert.ok(!labels(items).includes(forbidden), forbidden);
  });
  test('Korean docs on items', async () => {
    const items = await complete('FROM alpine:3.24\n¦', 'ko');
    assert.match(find(items, 'WORKDIR').documentation!.value, /[가-힣]/);
  });
  test('no completion inside a heredoc body or a comment', async () => {
    assert.deepEqual(await complete('FROM alpine:3.24\nRUN <<EOF\necho ¦\nEOF\n'), []);
    assert.deepEqual(await complete('FROM alpine:3.24\n# a comment ¦\n'), []);
  });
});

describe('flags and flag values', () => {
  const flagCases: [string, string[], string[]][] = [
    ['FROM alpine:3.24\nRUN --¦', ['--mount', '--network', '--security', '--device'], ['--from']],
    ['FROM alpine:3.24\nARG --¦', ['--required'], ['--mount', '--from']],
    ['FROM alpine:3.24\nWORKDIR --¦', [], ['--mount', '--from', '--required']],
    [
      'FROM alpine:3.24\nCOPY --¦',
      ['--from', '--chown', '--chmod', '--link', '--parents', '--exclude'],
      ['--checksum', '--mount'],
    ],
    ['FROM alpine:3.24\nADD --¦', ['--checksum', '--keep-git-dir', '--chown', '--link', '--exclude'], ['--from']],
    ['FROM --¦', ['--platform'], []],
    [
      'FROM alpine:3.24\nHEALTHCHECK --¦',
      ['--interval', '--timeout', '--start-period', '--start-interval', '--retries'],
      [],
    ],
  ];
  for (const [marked, expected, absent] of flagCases) {
    test(`flags: ${marked.split('\n').pop()}`, async () => {
      const items = await complete(marked);
      for (const label of expected) assert.ok(labels(items).includes(label), label);
      for (const label of absent) assert.ok(!labels(items).includes(label), label);
    });
  }
  test('a value flag inserts = and a switch does not', async () => {
    const items = await complete('FROM alpine:3.24\nCOPY --l¦');
    assert.equal(edit(find(items, '--link')), '1:5-8=--link');
    assert.equal(edit(find(items, '--from')), '1:5-8=--from=');
  });
  test('RUN --device and ARG --required: every flag the validator accepts is offered', async () => {
    const run = await complete('FROM alpine:3.24\nRUN --d¦');
    const device = find(run, '--device');
    assert.equal(edit(device), '1:4-7=--device=');
    assert.match(device.detail!, /CDI device/);
    assert.match(device.documentation!.value, /1\.14-labs/);
    const arg = await complete('FROM alpine:3.24\nARG --r¦ VERSION', 'ko');
    assert.equal(edit(find(arg, '--required')), '1:4-7=--required');
    assert.match(find(arg, '--required').detail!, /BuildKit 옵션이 아닙니다/);
  });
  test('no flags once the command has started', async () => {
    assert.deepEqual(await complete('FROM alpine:3.24\nRUN make --¦'), []);
  });
  test('mount types after type=', async () => {
    const items = await complete('FROM alpine:3.24\nRUN --mount=type=¦');
    assert.deepEqual(labels(items).sort(), ['bind', 'cache', 'secret', 'ssh', 'tmpfs']);
    assert.equal(edit(find(items, 'cache')), '1:17-17=cache,');
  });
  test("keys of the mount type in use, then a key's values", async () => {
    const cache = await complete('FROM alpine:3.24\nRUN --mount=type=cache,¦');
    for (const key of ['target', 'id', 'sharing', 'mode', 'uid', 'from']) assert.ok(labels(cache).includes(key), key);
    assert.ok(!labels(cache).includes('type') && !labels(cache).includes('size'));
    const secret = await complete('FROM alpine:3.24\nRUN --mount=type=secret,id=npm,¦', 'ko');
    assert.ok(labels(secret).includes('env') && labels(secret).includes('required') && !labels(secret).includes('id'));
    assert.match(find(secret, 'required').documentation!.value, /기본값/);
    const sharing = await complete('FROM alpine:3.24\nRUN --mount=type=cache,target=/x,sharing=¦');
    assert.deepEqual(labels(sharing), ['shared', 'private', 'locked']);
    assert.equal(edit(sharing[2]), '1:41-41=locked');
    const first = await complete('FROM alpine:3.24\nRUN --mount=¦');
    assert.equal(first[0]!.label, 'type');
  });
  test('mount keys follow the value as the parser reads it: quotes, later fields, any order', async () => {
    // The flag's quotes are not part of the value: the type is cache.
    const quoted = await complete('FROM alpine:3.24\nRUN --mount="type=cache,¦');
    assert.ok(labels(quoted).includes('sharing') && !labels(quoted).includes('type'));
    // Keys used before the cursor are not offered again; the ones after it do not count yet.
    const middle = await complete('FROM alpine:3.24\nRUN --mount=type=secret,id=npm,¦,env=TOKEN');
    assert.ok(!labels(middle).includes('id') && labels(middle).includes('env') && labels(middle).includes('required'));
  });
  test('--network and --security values', async () => {
    assert.deepEqual(labels(await complete('FROM alpine:3.24\nRUN --network=¦')), ['default', 'none', 'host']);
    assert.deepEqual(labels(await complete('FROM alpine:3.24\nRUN --security=¦')), ['sandbox', 'insecure']);
  });
  test('--platform values', async () => {
    const items = await complete('FROM --platform=¦ golang:1.23');
    for (const label of ['$BUILDPLATFORM', '$TARGETPLATFORM', 'linux/amd64', 'linux/arm64'])
      assert.ok(labels(items).includes(label), label);
  });
  test('stage names after COPY --from=: earlier stages, not the current one', async () => {
    const items = await complete(
      'FROM golang:1.23 AS build\nFROM alpine:3.24 AS tools\nFROM scratch AS final\n' +
        'COPY --from=¦\nFROM alpine AS later\n',
    );
    assert.deepEqual(labels(items), ['build', 'tools']);
    assert.equal(find(items, 'build').detail, 'FROM golang:1.23');
  });
});

describe('variables after $ and ${', () => {
  test('ARG and ENV in scope with their values, then predefined args', async () => {
    const items = await complete('ARG GLOBAL=1\nFROM alpine:3.24\nARG VERSION=2.0\nENV HOME_DIR=/srv\nRUN echo ${¦');
    assert.equal(find(items, 'VERSION').detail, 'ARG = 2.0');
    assert.equal(find(items, 'HOME_DIR').detail, 'ENV = /srv');
    assert.equal(edit(find(items, 'VERSION')), '4:11-11=VERSION}');
    assert.ok(!labels(items).includes('GLOBAL'), 'a global ARG is not in scope until re-declared');
    assert.match(find(items, 'TARGETARCH').documentation!.value, /Declare `ARG TARGETARCH` in this stage/);
    assert.ok(labels(items).includes('HTTP_PROXY'));
  });
  test('in FROM: global ARGs before it and platform args', async () => {
    const items = await complete('ARG BASE=alpine\nFROM $¦');
    assert.equal(find(items, 'BASE').detail, 'ARG = alpine');
    assert.equal(edit(find(items, 'BASE')), '1:6-6=BASE');
    assert.ok(labels(items).includes('BUILDPLATFORM'));
    assert.ok(!labels(items).includes('HTTP_PROXY'));
  });
  test('an escaped dollar is not a variable', async () => {
    assert.deepEqual(await complete('FROM alpine:3.24\nENV A=\\$¦'), []);
  });
});

describe('parser directives', () => {
  test('names on the first lines', async () => {
    assert.deepEqual(labels(await complete('# ¦')).sort(), ['check', 'escape', 'syntax']);
    assert.deepEqual(labels(await complete('# syntax=docker/dockerfile:1\n# ¦')).sort(), ['check', 'escape']);
  });
  test('values of syntax and escape', async () => {
    assert.ok(labels(await complete('# syntax=¦')).includes('docker/dockerfile:1'));
    assert.deepEqual(labels(await complete('# escape=¦')), ['\\', '`']);
  });
  test('check=skip= offers BuildKit check names, after commas too', async () => {
    const items = await complete('# check=skip=¦');
    for (const name of ['all', 'JSONArgsRecommended', 'StageNameCasing', 'SecretsUsedInArgOrEnv', 'UndefinedVar'])
      assert.ok(labels(items).includes(name), name);
    const next = await complete('# check=skip=JSONArgsRecommended,Stage¦');
    assert.ok(!labels(next).includes('JSONArgsRecommended'));
    assert.equal(edit(find(next, 'StageNameCasing')), '0:33-38=StageNameCasing');
    assert.deepEqual(labels(await complete('# check=¦')), ['skip=', 'error=true']);
  });
  test('a comment after the first instruction is not a directive', async () => {
    assert.deepEqual(await complete('FROM alpine:3.24\n# ¦'), []);
  });
});

describe('FROM images, tags and stages; HEALTHCHECK modes', () => {
  test('official images with a suggested tag, and earlier stages', async () => {
    const items = await complete('FROM golang:1.23 AS build\nFROM ¦');
    const node = find(items, 'node');
    assert.match(node.textEdit!.newText, /^node:\$\{1:[\w.-]+\}$/);
    assert.match(node.documentation!.value, /hub\.docker\.com\/_\/node/);
    assert.equal(items[0]!.label, 'build');
  });
  test('tags of the image before the colon, suggested one preselected', async () => {
    const items = await complete('FROM python:¦', 'ko');
    assert.ok(items.length > 3);
    assert.equal(edit(items[0]), `0:12-12=${items[0]!.label}`);
    const suggested = items.filter((i) => (i as { preselect?: boolean }).preselect);
    assert.equal(suggested.length, 1);
    assert.equal(suggested[0]!.detail, '추천');
  });
  test('AS after the image; nothing after the stage name', async () => {
    assert.deepEqual(labels(await complete('FROM alpine:3.24 ¦')), ['AS']);
    assert.deepEqual(await complete('FROM alpine:3.24 AS base ¦'), []);
  });
  test('HEALTHCHECK CMD and NONE', async () => {
    const items = await complete('FROM alpine:3.24\nHEALTHCHECK --interval=30s ¦');
    assert.deepEqual(labels(items), ['CMD', 'NONE']);
    assert.ok(items[0]!.documentation!.value.length > 50);
  });
});

describe('signature help', () => {
  interface Help {
    signatures: { label: string; parameters: { label: string }[] }[];
    activeSignature: number;
    activeParameter: number;
  }
  async function help(marked: string): Promise<string> {
    const { client, uri, position } = await open('en', marked);
    const reply = await client.request<Help | null>('textDocument/signatureHelp', { textDocument: { uri }, position });
    if (!reply) return 'none';
    const signature = reply.signatures[reply.activeSignature]!;
    return signature.parameters[reply.activeParameter]!.label;
  }
  const cases: [string, string][] = [
    ['FROM --plat¦form=linux/amd64 alpine', '[--platform=<platform>]'],
    ['FROM alpi¦ne:3.24', '<image>[:<tag>|@<digest>]'],
    ['FROM alpine:3.24 AS ¦', '[AS <name>]'],
    ['FROM alpine\nCOPY a¦ b c', '<src>...'],
    ['FROM alpine\nCOPY a b c¦', '<dest>'],
    ['FROM alpine\nCOPY --from=build ¦', '<src>...'],
    ['FROM alpine\nCOPY a ¦', '<dest>'],
    ['FROM alpine\nRUN --network=none ma¦ke', '<command>'],
    ['FROM alpine\nCMD ["node", "se¦rver.js"]', '["<executable>", "<param>", ...]'],
    ['FROM alpine\nHEALTHCHECK --interval=5s CMD cu¦rl', '<command>'],
    ['FROM alpine\nRUN ["ma¦ke", "all"]', '["<executable>", "<param>", ...]'],
    ['FROM alpine\nSHELL ["/bin/bash", "-¦c"]', '["<executable>", "<param>", ...]'],
    ['FROM alpine\nVOLUME ["/da¦ta"]', '["<path>", ...]'],
    ['FROM alpine\nCOPY --link ["a b", "/¦c"]', '["<src>", ..., "<dest>"]'],
  ];
  for (const [marked, expected] of cases) {
    test(marked.split('\n').pop()!, async () => assert.equal(await help(marked), expected));
  }
  test('none on the keyword itself or outside instructions', async () => {
    assert.equal(await help('FROM alpine\nWO¦RKDIR /a'), 'none');
    assert.equal(await help('FROM alpine\n\n¦'), 'none');
  });
});
