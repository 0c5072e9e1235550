// Hover through the real protocol (an in-process server): every instruction, flag, mount key,
// directive and HEALTHCHECK mode in both languages; references; context notes; language switch.
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, test } from 'node:test';
import { HOVER_LANGUAGES, type HoverReply, hoverSpan, useHoverClients } from '../helpers/hoverClients';
import { LspClient } from '../helpers/lspClient';

const DOCS = resolve(__dirname, '../../core/docs');
const summary = (language: string, path: string): string =>
  readFileSync(resolve(DOCS, language, path), 'utf8')
    .split('\n')[0]!
    .trim();
const KEYWORDS = [
  'FROM',
  'RUN',
  'CMD',
  'LABEL',
  'MAINTAINER',
  'EXPOSE',
  'ENV',
  'ADD',
  'COPY',
  'ENTRYPOINT',
  'VOLUME',
  'USER',
  'WORKDIR',
  'ARG',
  'ONBUILD',
  'STOPSIGNAL',
  'HEALTHCHECK',
  'SHELL',
];
const LANGUAGES = HOVER_LANGUAGES;
const { clients, hoverOn: hoverWithDiagnostics } = useHoverClients('hover');
const hoverOn = async (language: string, marked: string): Promise<HoverReply | null> =>
  (await hoverWithDiagnostics(language, marked)).hover;
const span = hoverSpan;

/** A line that uses `keyword` with valid arguments, so hovering its keyword is realistic. */
const EXAMPLE_ARGS: Record<string, string> = {
  FROM: 'alpine:3.24',
  RUN: 'apk add curl',
  CMD: '["app"]',
  LABEL: 'a=b',
  MAINTAINER: 'me',
  EXPOSE: '80',
  ENV: 'A=b',
  ADD: 'https://example.com/x.tgz /x',
  COPY: 'a /b',
  ENTRYPOINT: '["app"]',
  VOLUME: '/data',
  USER: 'app',
  WORKDIR: '/app',
  ARG: 'V=1',
  ONBUILD: 'RUN make',
  STOPSIGNAL: 'SIGTERM',
  HEALTHCHECK: 'NONE',
  SHELL: '["/bin/bash", "-c"]',
};

describe('every instruction keyword', () => {
  for (const language of LANGUAGES) {
    for (const keyword of KEYWORDS) {
      test(`${keyword} (${language}): summary, reference link, keyword range`, async () => {
        const prefix = keyword === 'FROM' || keyword === 'ARG' ? '' : 'FROM alpine:3.24\n';
        const h = await hoverOn(
          language,
          `${prefix}${keyword.slice(0, 1)}¦${keyword.slice(1)} ${EXAMPLE_ARGS[keyword]}\n`,
        );
        assert.ok(h, 'hover expected');
        const line = prefix ? 1 : 0;
        assert.equal(span(h), `${line}:0-${line}:${keyword.length}`);
        assert.ok(
          h.contents.value.includes(`**${summary(language, `instruction/${keyword}.md`)}**`),
          h.contents.value.slice(0, 200),
        );
        assert.match(h.contents.value, /docs\.docker\.com\/reference\/dockerfile\/#/);
      });
    }
  }
});

/** Every documented flag, from the docs folder's file names (`RUN--mount.md`). */
const FLAGS = readdirSync(resolve(DOCS, 'en/flag')).map(
  (file) => file.replace(/\.md$/, '').split('--') as [string, string],
);
const FLAG_LINE: Record<string, string> = {
  FROM: 'alpine:3.24',
  RUN: 'make',
  ARG: 'VERSION',
  COPY: 'a /b',
  ADD: 'a /b',
  HEALTHCHECK: 'CMD true',
};

describe('every flag of every instruction', () => {
  test('the docs cover the flags the issue lists', () => {
    const names = FLAGS.map(([keyword, flag]) => `${keyword} --${flag}`);
    for (const expected of [
      'RUN --mount',
      'RUN --network',
      'RUN --security',
      'RUN --device',
      'ARG --required',
      'COPY --from',
      'COPY --chown',
      'COPY --chmod',
      'COPY --link',
      'COPY --parents',
      'COPY --exclude',
      'ADD --checksum',
      'ADD --keep-git-dir',
      'ADD --chown',
      'FROM --platform',
      'HEALTHCHECK --interval',
      'HEALTHCHECK --timeout',
      'HEALTHCHECK --start-period',
      'HEALTHCHECK --start-interval',
      'HEALTHCHECK --retries',
    ]) {
      assert.ok(names.includes(expected), expected);
    }
  });
  for (const language of LANGUAGES) {
    for (const [keyword, flag] of FLAGS) {
      test(`${keyword} --${flag} (${language})`, async () => {
        const prefix = keyword === 'FROM' ? '' : 'FROM alpine:3.24\n';
        const h = await hoverOn(
          language,
          `${prefix}${keyword} --${flag.slice(0, 1)}¦${flag.slice(1)}=x ${FLAG_LINE[keyword]}\n`,
        );
        assert.ok(h, 'hover expected');
        const line = prefix ? 1 : 0;
        assert.equal(span(h), `${line}:${keyword.length + 1}-${line}:${keyword.length + 1 + 2 + flag.length + 2}`);
        assert.ok(
          h.contents.value.startsWith(`**${summary(language, `flag/${keyword}--${flag}.md`)}**`),
          h.contents.value.slice(0, 200),
        );
      });
    }
  }
  test('a flag the instruction does not take says which flags it does take', async () => {
    const h = await hoverOn('en', 'FROM alpine:3.24\nCOPY --mo¦unt=x a /b\n');
    assert.match(h!.contents.value, /`--mount` is not a flag of COPY\. COPY accepts .*`--from`/);
    const ko = await hoverOn('ko', 'FROM alpine:3.24\nWORKDIR --x¦ /a\n');
    assert.match(ko!.contents.value, /WORKDIR에는 플래그가 없습니다/);
  });
  test('RUN --device and ARG --required hover with their pages: labs syntax; no effect', async () => {
    const device = await hoverOn('en', 'FROM alpine:3.24\nRUN --dev¦ice=nvidia.com/gpu=all make\n');
    assert.match(device!.contents.value, /CDI/);
    assert.match(device!.contents.value, /docker\/dockerfile:1-labs/);
    const required = await hoverOn('ko', 'FROM alpine:3.24\nARG --req¦uired VERSION\n');
    assert.match(required!.contents.value, /BuildKit 옵션이 아닙니다/);
  });
});

/** Keys of each mount type, read from the tables in the mount docs (first column). */
function mountKeys(type: string): string[] {
  const text = readFileSync(resolve(DOCS, 'en/mount', `${type}.md`), 'utf8');
  return text
    .split('\n')
    .filter((l) => l.startsWith('| `'))
    .map((l) => /`([^`]+)`/.exec(l)![1]!);
}
const MOUNT_TYPES = readdirSync(resolve(DOCS, 'en/mount')).map((f) => f.replace(/\.md$/, ''));

describe('RUN --mount types and keys', () => {
  for (const language of LANGUAGES) {
    for (const type of MOUNT_TYPES) {
      test(`type=${type} (${language}) shows the mount type's doc on type=<value>`, async () => {
        const h = await hoverOn(language, `FROM alpine:3.24\nRUN --mount=type=${type}¦,target=/x make\n`);
        assert.equal(span(h), `1:12-1:${17 + type.length}`);
        assert.ok(h!.contents.value.startsWith(`**${summary(language, `mount/${type}.md`)}**`));
      });
      for (const key of mountKeys(type)) {
        test(`type=${type} ${key}= (${language}) shows that key's row`, async () => {
          const prefix = `FROM alpine:3.24\nRUN --mount=type=${type},`;
          const h = await hoverOn(language, `${prefix}${key.slice(0, 1)}¦${key.slice(1)}=v make\n`);
          const start = prefix.length - 'FROM alpine:3.24\n'.length;
          assert.equal(span(h), `1:${start}-1:${start + key.length + 2}`);
          assert.ok(h!.contents.value.startsWith(`**\`${key}\``), h!.contents.value.slice(0, 120));
          assert.ok(h!.contents.value.includes(`--mount=type=${type}`));
        });
      }
    }
  }
  test('sharing=locked inside a cache mount shows the sharing key, bind is the default type', async () => {
    const h = await hoverOn(
      'en',
      'FROM alpine:3.24\nRUN --mount=type=cache,target=/var/cache/apt,sharing=lo¦cked apt-get update\n',
    );
    assert.match(h!.contents.value, /`sharing`.*`--mount=type=cache`/);
    assert.match(h!.contents.value, /locked/);
    const bind = await hoverOn('en', 'FROM alpine:3.24\nRUN --mount=target=.,r¦w make\n');
    assert.match(bind!.contents.value, /`rw`, `readwrite` — `--mount=type=bind`/);
  });
  test('a mount value continued on the next line: the key there, with its range on that line', async () => {
    const h = await hoverOn('en', 'FROM alpine:3.24\nRUN --mount=type=cache,\\\nsha¦ring=locked,target=/x make\n');
    assert.match(h!.contents.value, /`sharing`.*`--mount=type=cache`/);
    assert.equal(span(h), '2:0-2:14');
  });
  test('--network and --security values show their row', async () => {
    const h = await hoverOn('en', 'FROM alpine:3.24\nRUN --network=no¦ne make\n');
    assert.match(h!.contents.value, /`none` — `--network`/);
    const ko = await hoverOn('ko', 'FROM alpine:3.24\nRUN --security=insec¦ure make\n');
    assert.match(ko!.contents.value, /`insecure` — `--security`/);
  });
});

describe('directives and HEALTHCHECK modes', () => {
  for (const language of LANGUAGES) {
    for (const [name, line] of [
      ['syntax', '# syn¦tax=docker/dockerfile:1'],
      ['escape', '# esc¦ape=`'],
      ['check', '# check=skip=Stage¦NameCasing'],
    ] as const) {
      test(`# ${name}= (${language})`, async () => {
        const h = await hoverOn(language, `${line}\nFROM alpine:3.24\n`);
        assert.equal(span(h), `0:0-0:${line.length - 1}`);
        assert.ok(h!.contents.value.startsWith(`**${summary(language, `directive/${name}.md`)}**`));
      });
    }
    for (const mode of ['CMD', 'NONE']) {
      test(`HEALTHCHECK ${mode} (${language})`, async () => {
        const h = await hoverOn(
          language,
          `FROM alpine:3.24\nHEALTHCHECK ${mode.slice(0, 1)}¦${mode.slice(1)}${mode === 'CMD' ? ' true' : ''}\n`,
        );
        assert.equal(span(h), `1:12-1:${12 + mode.length}`);
        assert.ok(h!.contents.value.startsWith(`**${summary(language, `healthcheck/${mode}.md`)}**`));
      });
    }
  }
});

describe('references', () => {
  test('a global ARG used in FROM shows its definition and value', async () => {
    const h = await hoverOn('en', 'ARG NODE_VERSION=22\nFROM node:${NODE_¦VERSION}-alpine\n');
    assert.equal(span(h), '1:10-1:25');
    assert.match(h!.contents.value, /global build argument/);
    assert.match(h!.contents.value, /Defined at line 1: `ARG NODE_VERSION=22`/);
    assert.match(h!.contents.value, /Value here: `22`/);
  });
  test('ENV value at that point, in Korean', async () => {
    const h = await hoverOn('ko', 'FROM alpine:3.24\nENV APP=/srv\nENV APP=$APP/app\nWORKDIR $A¦PP\n');
    assert.match(h!.contents.value, /환경 변수\(ENV\)/);
    assert.match(h!.contents.value, /3번째 줄/);
    assert.match(h!.contents.value, /이 지점의 값: `\/srv\/app`/);
  });
  test('${VAR:-default} shows what it expands to', async () => {
    const h = await hoverOn('en', 'FROM alpine:3.24\nARG MODE=\nENV M=${MO¦DE:-release}\n');
    assert.match(h!.contents.value, /Value here: empty/);
    assert.match(h!.contents.value, /`\$\{MODE:-release\}` expands to: `release`/);
  });
  test('a predefined platform ARG shows its doc, and warns when not declared in the stage', async () => {
    const inFrom = await hoverOn('en', 'FROM --platform=$BUILD¦PLATFORM golang:1.23 AS build\n');
    assert.match(inFrom!.contents.value, /predefined build argument/);
    assert.ok(inFrom!.contents.value.includes(summary('en', 'arg/BUILDPLATFORM.md')));
    assert.doesNotMatch(inFrom!.contents.value, /a stage sees it only after/);
    const inRun = await hoverOn('en', 'FROM alpine:3.24\nRUN echo $TARGET¦ARCH\n');
    assert.match(inRun!.contents.value, /a stage sees it only after `ARG TARGETARCH`/);
    const declared = await hoverOn('en', 'FROM alpine:3.24\nARG TARGETARCH\nRUN echo $TARGET¦ARCH\n');
    assert.match(declared!.contents.value, /build argument \(ARG\)/);
  });
  test('an undefined variable, and a global ARG not re-declared in the stage', async () => {
    const h = await hoverOn('en', 'ARG V=1\nFROM alpine:3.24\nWORKDIR /$¦V\n');
    assert.match(h!.contents.value, /not defined at this point: the builder replaces it with an empty string/);
    assert.match(h!.contents.value, /global ARG must be re-declared/);
  });
  test('a stage name in COPY --from and in FROM shows the stage base image and first line', async () => {
    const text =
      'FROM golang:1.23 AS build\nRUN go build\nFROM build AS test\nFROM alpine:3.24\nCOPY --from=bu¦ild /out /out\n';
    const h = await hoverOn('en', text);
    assert.equal(span(h), '4:12-4:17');
    assert.match(h!.contents.value, /Stage `build`\*\* \(index 0\)/);
    assert.match(h!.contents.value, /Starts at line 1: `FROM golang:1.23 AS build`/);
    assert.match(h!.contents.value, /Base image: `golang:1.23`/);
    const fromStage = await hoverOn(
      'en',
      text.replace('FROM build AS', 'FROM bu¦ild AS').replace('bu¦ild /out', 'build /out'),
    );
    assert.match(fromStage!.contents.value, /Stage `build`/);
    const stageName = await hoverOn('ko', text.replace('AS test', 'AS te¦st').replace('bu¦ild /out', 'build /out'));
    assert.match(stageName!.contents.value, /스테이지 `test`\*\* \(인덱스 1\)/);
    assert.match(stageName!.contents.value, /앞선 스테이지 `build`/);
  });
  test('an official image in FROM: description, tag and link; untagged images get the pinning note', async () => {
    const h = await hoverOn('en', 'FROM pyth¦on:3.13-slim\n');
    assert.match(h!.contents.value, /\*\*`python:3\.13-slim`\*\*/);
    assert.match(h!.contents.value, /hub\.docker\.com\/_\/python/);
    assert.doesNotMatch(h!.contents.value, /No pinned version/);
    const untagged = await hoverOn('ko', 'FROM ng¦inx\n');
    assert.match(untagged!.contents.value, /버전이 고정되어 있지 않습니다/);
    const unknown = await hoverOn('en', 'FROM example.com/team/ap¦p:1.2\n');
    assert.match(unknown!.contents.value, /Not in the offline list/);
    const resolved = await hoverOn('en', 'ARG TAG=3.24\nFROM alp¦ine:${TAG}\n');
    assert.match(resolved!.contents.value, /\*\*`alpine:3\.24`\*\*/);
    assert.match(resolved!.contents.value, /Written as `alpine:\$\{TAG\}`/);
  });
});

describe('context notes where learners go wrong', () => {
  const cases: [string, string, RegExp, boolean][] = [
    ['shell-form CMD explains PID 1 and signals', 'FROM alpine:3.24\nC¦MD node server.js\n', /PID 1/, true],
    [
      'exec-form CMD has no shell-form note',
      'FROM alpine:3.24\nC¦MD ["node", "server.js"]\n',
      /shell form runs the line via/,
      false,
    ],
    [
      'RUN with cd points to WORKDIR',
      'FROM alpine:3.24\nR¦UN cd /app && make\n',
      /Use WORKDIR to change directory/,
      true,
    ],
    [
      'RUN without cd has no WORKDIR note',
      'FROM alpine:3.24\nR¦UN make && echo cdrom\n',
      /Use WORKDIR to change directory/,
      false,
    ],
    ['ADD of local files suggests COPY', 'FROM alpine:3.24\nA¦DD src/ /app/\n', /Prefer COPY for local files/, true],
    [
      'ADD of a URL has no COPY note',
      'FROM alpine:3.24\nA¦DD https://example.com/a.tgz /a\n',
      /Prefer COPY for local files/,
      false,
    ],
    ['USER root explains non-root users', 'FROM alpine:3.24\nU¦SER root\n', /unprivileged user/, true],
    [
      'ARG named like a secret explains ARG vs ENV and secrets',
      'FROM alpine:3.24\nA¦RG NPM_TOKEN\n',
      /Neither one hides a value: for tokens and keys use `RUN --mount=type=secret`/,
      true,
    ],
    ['COPY . . explains .dockerignore', 'FROM alpine:3.24\nC¦OPY . .\n', /\.dockerignore/, true],
    ['install after COPY . . explains cache ordering', 'FROM node:22\nCOPY . .\nR¦UN npm ci\n', /build cache/i, true],
    [
      'install before COPY . . has no cache note',
      'FROM node:22\nCOPY package.json .\nR¦UN npm ci\nCOPY . .\n',
      /How the build cache reuses layers/,
      false,
    ],
    [
      'background services in CMD explain one process per container',
      'FROM alpine:3.24\nC¦MD nginx & php-fpm\n',
      /One main process per container/,
      true,
    ],
    [
      'a second FROM explains multi-stage builds',
      'FROM golang:1.23 AS build\nF¦ROM alpine:3.24\n',
      /Multi-stage builds/,
      true,
    ],
  ];
  for (const [name, marked, pattern, expected] of cases) {
    test(name, async () => {
      const h = await hoverOn('en', marked);
      assert.equal(pattern.test(h!.contents.value), expected, h!.contents.value.slice(0, 300));
    });
  }
  test('hovering the cd word in RUN explains WORKDIR (Korean)', async () => {
    const h = await hoverOn('ko', 'FROM alpine:3.24\nRUN apk add make && c¦d /src && make\n');
    assert.equal(span(h), '1:20-1:22');
    assert.match(h!.contents.value, /WORKDIR을 쓰세요/);
    const notCd = await hoverOn('ko', 'FROM alpine:3.24\nRUN echo c¦d\n');
    assert.equal(notCd, null);
  });
});

test('layerwise.docs.language applies without restart', async () => {
  const client = await LspClient.start({ transport: 'in-process', initializationOptions: { locale: 'en' } });
  try {
    const uri = 'file:///hover/switch/Dockerfile';
    await client.open(uri, 'FROM alpine:3.24\nWORKDIR /app\n');
    const ask = () =>
      client.request<HoverReply>('textDocument/hover', { textDocument: { uri }, position: { line: 1, character: 2 } });
    assert.ok((await ask()).contents.value.startsWith(`**${summary('en', 'instruction/WORKDIR.md')}**`));
    await client.connection.sendNotification('workspace/didChangeConfiguration', {
      settings: { layerwise: { docs: { language: 'ko' } } },
    });
    await client.waitForDiagnostics(uri);
    assert.ok((await ask()).contents.value.startsWith(`**${summary('ko', 'instruction/WORKDIR.md')}**`));
  } finally {
    await client.stop();
  }
});

describe('brief first, full on request (layerwise.docs.detail)', () => {
  /** The doc page a hover's command link opens: `command:layerwise.showDocs?<[path, language]>`. */
  const linkedPage = (markdown: string): unknown => {
    const match = /\(command:layerwise\.showDocs\?([^)\s]+)\)/.exec(markdown);
    return match ? JSON.parse(decodeURIComponent(match[1]!)) : undefined;
  };

  test('by default a hover is the summary, what it does here, the brief part and a link to the full page', async () => {
    const h = await hoverOn('en', 'FROM node:22-alpine AS build\nWORKDIR /app\nUSER node\nR¦UN npm ci\n');
    const value = h!.contents.value;
    assert.ok(
      value.startsWith(
        `**${summary('en', 'instruction/RUN.md')}**\n\n` +
          '**Here:** shell form, run by `/bin/sh -c` · working directory `/app` · user `node`\n\n',
      ),
      value,
    );
    assert.match(value, /The command runs once, during `docker build`/);
    assert.deepEqual(linkedPage(value), ['instruction/RUN.md', 'en']);
    assert.match(value, /\[Dockerfile reference: RUN\]\(https:\/\/docs\.docker\.com\/reference\/dockerfile\/#run\)/);
    assert.doesNotMatch(value, /### |<!-- more -->/);
    const ko = await hoverOn('ko', 'FROM node:22-alpine\nRUN --net¦work=none make\n');
    assert.ok(
      ko!.contents.value.startsWith(
        `**${summary('ko', 'flag/RUN--network.md')}**\n\n**여기서:** \`--network=none\` · \`none\`: `,
      ),
      ko!.contents.value,
    );
    assert.deepEqual(linkedPage(ko!.contents.value), ['flag/RUN--network.md', 'ko']);
    assert.match(ko!.contents.value, /\[전체 문서 열기\]/);
  });

  test('full shows the whole page, without the link, and applies without restart', async () => {
    const client = await LspClient.start({ transport: 'in-process', initializationOptions: { locale: 'en' } });
    try {
      const uri = 'file:///hover/detail/Dockerfile';
      await client.open(uri, 'FROM alpine:3.24\nWORKDIR /app\n');
      const ask = async () =>
        (
          await client.request<HoverReply>('textDocument/hover', {
            textDocument: { uri },
            position: { line: 1, character: 2 },
          })
        ).contents.value;
      const brief = await ask();
      await client.connection.sendNotification('workspace/didChangeConfiguration', {
        settings: { layerwise: { docs: { detail: 'full' } } },
      });
      await client.waitForDiagnostics(uri);
      const full = await ask();
      assert.ok(
        full.startsWith(`**${summary('en', 'instruction/WORKDIR.md')}**\n\n**Here:** working directory \`/app\``),
        full,
      );
      assert.match(full, /### Forms/);
      assert.equal(linkedPage(full), undefined);
      assert.ok(brief.length * 2 < full.length, `brief ${brief.length}, full ${full.length}`);
    } finally {
      await client.stop();
    }
  });

  test('the full page comes from the server as Markdown, and only for real docs', async () => {
    const client = clients.get('en')!;
    const page = await client.request<{ title: string; markdown: string } | null>('layerwise/docPage', {
      path: 'flag/RUN--mount.md',
      language: 'ko',
    });
    assert.equal(page?.title, 'RUN --mount');
    assert.ok(page!.markdown.startsWith(`# RUN --mount\n\n${summary('ko', 'flag/RUN--mount.md')}\n\n`));
    assert.match(page!.markdown, /```dockerfile/);
    assert.doesNotMatch(page!.markdown, /<!-- more -->/);
    for (const params of [
      { path: 'instruction/NOPE.md', language: 'en' },
      { path: '../package.json', language: 'en' },
      { path: 'instruction/RUN.md', language: 'fr' },
      null,
    ]) {
      assert.equal(await client.request('layerwise/docPage', params), null, JSON.stringify(params));
    }
  });
});

test('nothing to explain gives no hover, and odd positions do not fail', async () => {
  assert.equal(await hoverOn('en', 'FROM alpine:3.24\n¦\n'), null);
  assert.equal(await hoverOn('en', '# just a comment¦\nFROM alpine:3.24\n'), null);
  assert.equal(await hoverOn('en', 'FROM alpine:3.24\nRUN echo hi¦\n'), null);
  const client = clients.get('en')!;
  const reply = await client.request('textDocument/hover', {
    textDocument: { uri: 'file:///hover/never-opened' },
    position: { line: 99, character: 5 },
  });
  assert.equal(reply, null);
});
