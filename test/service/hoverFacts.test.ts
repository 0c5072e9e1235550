// The "Here:" line a hover opens with, right under the summary: what the instruction, flag or
// directive does at this spot, with the values there, in both languages. Also the hover lengths
// that brief mode keeps short (scripts/hover-lengths.ts prints them for every hover).
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { before, describe, test } from 'node:test';
import { parseText } from '../../core/src/parser';
import { AnalysedDocument } from '../../core/src/engine/analysedDocument';
import type { DocDetail } from '../../server/src/service/hover/docMarkdown';
import { hover } from '../../server/src/service/hover/hover';
import type { Language } from '../../core/src/engine/language';
import { initShellParser } from '../../core/src/shell';
import { withCursor } from '../helpers/cursor';

before(() => initShellParser());

function hoverText(marked: string, language: Language, detail: DocDetail = 'brief'): string {
  const { text, position } = withCursor(marked);
  const reply = hover(
    new AnalysedDocument('file:///facts/Dockerfile', 1, text, parseText(text)),
    position,
    language,
    detail,
  );
  assert.ok(reply, `no hover on ${marked}`);
  return (reply.contents as { value: string }).value;
}

/** The facts of the "Here:" line, without its label. */
function here(marked: string, language: Language): string | undefined {
  const label = language === 'en' ? '**Here:** ' : '**여기서:** ';
  return hoverText(marked, language)
    .split('\n\n')
    .find((paragraph) => paragraph.startsWith(label))
    ?.slice(label.length);
}

/** The date core/docs/imageFacts.json was recorded on (hovers name it). */
const RECORDED_ON = (
  JSON.parse(readFileSync(resolve(__dirname, '../../core/docs/imageFacts.json'), 'utf8')) as {
    recordedOn: string;
  }
).recordedOn;

const CASES: [name: string, marked: string, en: string | undefined, ko: string | undefined][] = [
  [
    'FROM: the stage, and the base image with the ARG defaults filled in',
    'ARG NODE=22\nF¦ROM node:${NODE}-alpine AS build\nFROM build\n',
    'stage `build` (index 0) · base image `node:22-alpine` (written `node:${NODE}-alpine`) · ' +
      'the image runs `["docker-entrypoint.sh","node"]` as `root` (recorded for node:22-alpine on ' +
      `${RECORDED_ON})`,
    '`build` 스테이지(인덱스 0) · 베이스 이미지 `node:22-alpine`(작성된 형태 `node:${NODE}-alpine`) · ' +
      `이미지 기본 실행 \`["docker-entrypoint.sh","node"]\`, 사용자 \`root\`(node:22-alpine에 대해 ${RECORDED_ON}에 기록한 정보)`,
  ],
  [
    'FROM an earlier stage, in the last stage',
    'FROM golang:1.23 AS build\nF¦ROM build AS test\n',
    'stage `test` (index 1) · builds on stage `build` (line 1) · last stage: the one that becomes the image',
    '`test` 스테이지(인덱스 1) · 앞선 `build` 스테이지(1번째 줄)에서 이어서 빌드 · 마지막 스테이지: 이미지가 되는 스테이지',
  ],
  [
    'FROM an image known only at build time',
    'ARG BASE\nF¦ROM ${BASE}\n',
    'stage index 0 · base image `${BASE}`, known only when you build (`--build-arg`) · ' +
      'last stage: the one that becomes the image',
    '인덱스 0 스테이지 · 베이스 이미지 `${BASE}`: 빌드할 때 정해짐(`--build-arg`) · 마지막 스테이지: 이미지가 되는 스테이지',
  ],
  [
    'RUN: the shell set by SHELL, the folder and user set in the stage it builds on',
    'FROM debian:12 AS base\nSHELL ["/bin/bash", "-o", "pipefail", "-c"]\n' +
      'WORKDIR /srv\nWORKDIR app\nUSER www-data\nFROM base\nR¦UN make\n',
    'shell form, run by `/bin/bash -o pipefail -c` · working directory `/srv/app` · user `www-data`',
    '셸 형식, 실행 셸 `/bin/bash -o pipefail -c` · 작업 디렉터리 `/srv/app` · 사용자 `www-data`',
  ],
  [
    'RUN on an image whose recorded config sets WORKDIR and USER',
    'FROM gcr.io/distroless/base-debian12:debug-nonroot\nR¦UN ls\n',
    'shell form, run by `/bin/sh -c` · working directory `/home/nonroot` (from the base image) · ' +
      'user `65532` (from the base image)',
    '셸 형식, 실행 셸 `/bin/sh -c` · 작업 디렉터리 `/home/nonroot`(베이스 이미지 설정) · 사용자 `65532`(베이스 이미지 설정)',
  ],
  [
    'COPY into a WORKDIR relative to the base image’s (golang sets /go)',
    'FROM golang:1.27\nWORKDIR src\nC¦OPY . ./app/\n',
    'from the build context · destination `/go/src/app/` (`./app/` in WORKDIR `/go/src`)',
    '빌드 컨텍스트에서 복사 · 대상 `/go/src/app/`(WORKDIR `/go/src` 기준 `./app/`)',
  ],
  [
    'RUN in exec form',
    'FROM alpine:3.24\nR¦UN ["/bin/true"]\n',
    'exec form: runs without a shell',
    'exec 형식: 셸 없이 바로 실행',
  ],
  [
    'CMD under a shell-form ENTRYPOINT is ignored',
    'FROM alpine:3.24\nENTRYPOINT exec app\nC¦MD ["--help"]\n',
    'ignored: the shell-form ENTRYPOINT on line 2 does not take CMD · ' +
      '`docker run IMAGE` executes `["/bin/sh","-c","exec app"]`',
    '무시됨: 2번째 줄의 셸 형식 ENTRYPOINT는 CMD를 받지 않습니다 · `docker run IMAGE`가 실행: `["/bin/sh","-c","exec app"]`',
  ],
  [
    'exec-form CMD is PID 1, and a later CMD replaces it',
    'FROM node:22\nC¦MD ["node", "server.js"]\nCMD ["node", "other.js"]\n',
    'exec form: `node` runs as PID 1 · replaced by the CMD on line 3',
    'exec 형식: `node` 프로그램이 PID 1 · 3번째 줄의 CMD가 대신 적용됨',
  ],
  [
    'ENTRYPOINT takes its default arguments from CMD',
    'FROM alpine:3.24\nE¦NTRYPOINT ["app"]\nCMD ["--help"]\n',
    'exec form: `app` runs as PID 1 · default arguments from the CMD on line 3 · ' +
      '`docker run IMAGE` executes `["app","--help"]`',
    'exec 형식: `app` 프로그램이 PID 1 · 기본 인자는 3번째 줄의 CMD · `docker run IMAGE`가 실행: `["app","--help"]`',
  ],
  [
    'COPY from a stage into a folder relative to WORKDIR',
    'FROM golang:1.23 AS build\nFROM alpine:3.24\nWORKDIR /app\nC¦OPY --from=build /out/app ./bin/\n',
    'from stage `build` (line 1) · destination `/app/bin/` (`./bin/` in WORKDIR `/app`)',
    '`build` 스테이지(1번째 줄)에서 복사 · 대상 `/app/bin/`(WORKDIR `/app` 기준 `./bin/`)',
  ],
  [
    'ADD says what it does with each source',
    'FROM alpine:3.24\nA¦DD https://example.com/tool.tgz vendor.tar.gz /opt/\n',
    'downloads `https://example.com/tool.tgz` · unpacks `vendor.tar.gz` (a tar archive) · destination `/opt/`',
    '내려받기 `https://example.com/tool.tgz` · tar 아카이브 `vendor.tar.gz` 풀어서 넣기 · 대상 `/opt/`',
  ],
  [
    'ENV values with earlier variables expanded',
    'FROM alpine:3.24\nENV HOME_DIR=/srv\nE¦NV APP=$HOME_DIR/app MODE=\n',
    '`APP` = `/srv/app` · `MODE` = empty · also set in every container',
    '`APP` = `/srv/app` · `MODE` = 빈 값 · 모든 컨테이너에도 설정',
  ],
  [
    'a global ARG, and a stage ARG that takes its value',
    'A¦RG VERSION=1.2 TOKEN\nFROM alpine:3.24\n',
    '`VERSION` defaults to `1.2` · `TOKEN` has no default: empty unless passed with `--build-arg` · ' +
      'global: usable in FROM lines; repeat `ARG NAME` in a stage to use it there',
    '`VERSION` 기본값 `1.2` · `TOKEN`: 기본값 없음(`--build-arg`로 넘기지 않으면 빈 문자열) · 전역: FROM 줄에서 사용. 스테이지 안에서는 `ARG 이름`으로 다시 선언',
  ],
  [
    'a stage ARG that re-declares a global one',
    'ARG VERSION=1.2\nFROM alpine:3.24\nA¦RG VERSION\n',
    '`VERSION` takes the global ARG on line 1 `1.2`',
    '`VERSION`: 1번째 줄 전역 ARG의 값 `1.2`',
  ],
  [
    'EXPOSE and how to publish the port',
    'FROM nginx:1.27\nE¦XPOSE 80 53/udp\n',
    'port `80/tcp`, published with `docker run -p 80:80` · port `53/udp`, published with `docker run -p 53:53/udp` · ' +
      'the base image also exposes `80/tcp`',
    '포트 `80/tcp`, 포트 공개는 `docker run -p 80:80` · 포트 `53/udp`, 포트 공개는 `docker run -p 53:53/udp` · ' +
      '베이스 이미지도 `80/tcp` 포트를 엶',
  ],
  [
    'WORKDIR relative to the one before',
    'FROM alpine:3.24\nWORKDIR /app\nW¦ORKDIR src\n',
    'working directory `/app/src` (relative to `/app`)',
    '작업 디렉터리 `/app/src`(`/app` 기준)',
  ],
  [
    'USER with a group',
    'FROM alpine:3.24\nU¦SER app:staff\n',
    'user `app` · group `staff`',
    '사용자 `app` · 그룹 `staff`',
  ],
  [
    'HEALTHCHECK options with their defaults',
    'FROM alpine:3.24\nH¦EALTHCHECK --interval=10s CMD true\n',
    'every `10s` · timeout `30s` (default) · start period `0s` (default) · failures before unhealthy `3` (default)',
    '검사 간격 `10s` · 제한 시간 `30s` (기본값) · 시작 유예 `0s` (기본값) · unhealthy까지 연속 실패 `3` (기본값)',
  ],
  [
    'a flag value from the docs table',
    'FROM alpine:3.24\nRUN --net¦work=none make\n',
    '`--network=none` · `none`: no network at all, only a private loopback interface',
    '`--network=none` · `none`: 네트워크 없음. 격리된 루프백만 있습니다',
  ],
  [
    'a cache mount and where it is mounted',
    'FROM node:22\nRUN --mo¦unt=type=cache,target=/root/.npm npm ci\n',
    '`--mount=type=cache,target=/root/.npm` · a `cache` mount at `/root/.npm`',
    '`--mount=type=cache,target=/root/.npm` · `cache` 마운트, 마운트 위치 `/root/.npm`',
  ],
  [
    'COPY --from names the stage',
    'FROM golang:1.23 AS build\nFROM alpine:3.24\nCOPY --fr¦om=build /out /out\n',
    '`--from=build` · copies from stage `build` (line 1)',
    '`--from=build` · `build` 스테이지(1번째 줄)에서 복사',
  ],
  [
    'a flag value with a variable shows what it expands to',
    'FROM alpine:3.24\nARG OWNER=app\nCOPY --ch¦own=$OWNER a /b\n',
    '`--chown=$OWNER` · value `app`',
    '`--chown=$OWNER` · 값 `app`',
  ],
  [
    'the syntax directive names the frontend',
    '# syn¦tax=docker/dockerfile:1\nFROM alpine:3.24\n',
    'frontend image `docker/dockerfile:1`',
    '프론트엔드 이미지 `docker/dockerfile:1`',
  ],
  [
    'the check directive lists the checks it skips',
    '# che¦ck=skip=StageNameCasing,JSONArgsRecommended;error=true\nFROM alpine:3.24\n',
    'skips `StageNameCasing`, `JSONArgsRecommended` · a check that fails stops the build',
    '건너뛰는 빌드 체크 `StageNameCasing`, `JSONArgsRecommended` · 빌드 체크에 걸리면 빌드 실패',
  ],
];

describe('what a hover says about this spot', () => {
  for (const [name, marked, en, ko] of CASES) {
    test(name, () => {
      assert.equal(here(marked, 'en'), en);
      assert.equal(here(marked, 'ko'), ko);
    });
  }
});

describe('brief and full hovers', () => {
  test('brief hovers stay short: every instruction and flag hover under 1,000 characters', () => {
    const lines = [
      'FROM node:22-alpine AS b¦uild',
      'R¦UN npm ci',
      'C¦OPY --from=build /a /b',
      'COPY --f¦rom=build /a /b',
      'H¦EALTHCHECK CMD true',
      'HEALTHCHECK --start-int¦erval=2s CMD true',
    ];
    for (const language of ['en', 'ko'] as const) {
      for (const line of lines) {
        const marked = line.startsWith('FROM') ? line : `FROM node:22-alpine AS build\n${line}`;
        const brief = hoverText(marked, language);
        const full = hoverText(marked, language, 'full');
        assert.ok(brief.length < 1000, `${language} ${line}: ${brief.length}`);
        assert.ok(brief.length <= full.length, `${language} ${line}`);
      }
    }
  });

  test('full keeps the context notes between the opening and the rest of the page', () => {
    const full = hoverText('FROM alpine:3.24\nC¦MD node server.js\n', 'en', 'full');
    const opening = full.indexOf('**Here:**');
    const note = full.indexOf('**Exec form (JSON array) runs a program directly');
    const rest = full.indexOf('### Forms');
    assert.ok(opening > 0 && opening < note && note < rest, full.slice(0, 400));
    assert.doesNotMatch(full, /command:layerwise\.showDocs/);
  });
});
