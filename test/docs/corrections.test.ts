// Issue 17, content part: each corrected fact reads right in both languages and the wrong
// version is gone; the lessons for beginners are where a learner meets them; base images in
// the docs match the offline image list; the Korean docs follow the glossary
// (core/docs/ko/GLOSSARY.markdown). Sources for each fact are named next to its test.
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { test } from 'node:test';
import { DOC_FILES } from '../../core/src/docs/docFiles';
import { mountKeyDoc, officialImage, officialImages, splitImageReference } from '../../core/src/docs';
import { parseDockerfile } from '../../core/src/parser';
import { SecretsUsedInArgOrEnv } from '../../core/src/rules/buildkit/SecretsUsedInArgOrEnv';

const DOCS = resolve(__dirname, '../../core/docs');
const LANGUAGES = ['en', 'ko'] as const;
type Language = (typeof LANGUAGES)[number];

const doc = (language: Language, path: string): string => readFileSync(resolve(DOCS, language, path), 'utf8');
/** Text without fenced code blocks, inline code and link targets: what a reader reads as prose. */
const prose = (text: string): string =>
  text
    .replace(/```[\s\S]*?```/g, ' ')
    .replace(/`[^`\n]*`/g, ' ')
    .replace(/\]\([^)]*\)/g, ']');
/** The doc's lines joined so a sentence wrapped over several lines can be matched. */
const flat = (text: string): string => text.replace(/\n(?!\n|- |\||```|#)\s*/g, ' ').replace(/ {2,}/g, ' ');
const markdownFiles = (language: Language): string[] =>
  readdirSync(resolve(DOCS, language), { recursive: true, encoding: 'utf8' })
    .filter((f) => f.endsWith('.md'))
    .map((f) => f.split('\\').join('/'))
    .sort();

/** Asserts, for both languages, what the doc must say and what it must no longer say. */
function says(
  path: string,
  wanted: Record<Language, RegExp[]>,
  unwanted: Record<Language, RegExp[]> = { en: [], ko: [] },
): void {
  for (const language of LANGUAGES) {
    const text = flat(doc(language, path));
    for (const pattern of wanted[language]) assert.match(text, pattern, `${language}/${path} should match ${pattern}`);
    for (const pattern of unwanted[language])
      assert.doesNotMatch(text, pattern, `${language}/${path} should not match ${pattern}`);
  }
}

// BuildKit frontend/dockerfile/dockerfile2llb/convert_copy.go: with --parents, a source
// without wildcards goes to RequiredPaths (a missing one is "not found"); AllowEmptyWildcard
// stays true. Added in ac10b4193, first tagged dockerfile/1.20.0-rc1.
test('COPY --parents: a missing literal path fails, only an empty wildcard is skipped', () => {
  says(
    'flag/COPY--parents.md',
    {
      en: [
        /literal source path that does not exist fails the build/,
        /1\.20/,
        /wildcard that matches nothing is skipped/,
      ],
      ko: [/와일드카드 없는 원본 경로가 존재하지 않으면[^.]*빌드가 실패합니다/, /1\.20/, /건너뛰는 것은 와일드카드뿐/],
    },
    {
      en: [/a path that matches nothing is skipped\s+silently instead of failing/],
      ko: [/아무것도 일치하지 않는 경로는 빌드 실패 없이/],
    },
  );
});

// The Git checksum is in the dockerfile/1.16.0 tag (commit 13f36e64a, a cherry-pick of
// 8ee2cf5ca: dispatchCopy passes llb.GitChecksum), needs the source.git.checksum cap of
// BuildKit v0.22.0, and Docker's Dockerfile release notes list it under 1.16.0. So 1.16 stays.
test('ADD --checksum: HTTP needs 1.6, Git needs 1.16 and BuildKit 0.22', () => {
  for (const language of LANGUAGES) {
    const text = flat(doc(language, 'flag/ADD--checksum.md'));
    const gitPart = text
      .split(/(?<=[.;])\s/)
      .filter((sentence) => /Git/.test(sentence) && /\d\.\d/.test(sentence))
      .join(' ');
    assert.match(gitPart, /\b1\.16\b/, `${language}: Git version`);
    assert.match(gitPart, /BuildKit 0\.22/, `${language}: BuildKit version for Git`);
    assert.doesNotMatch(gitPart, /\b1\.17\b/, `${language}: not 1.17`);
    assert.match(text, /1\.6/, `${language}: HTTP version`);
  }
});

/** The rule's message for one ARG or ENV line, in both languages. */
function secretMessage(line: string): { en: string; ko: string } {
  const tree = parseDockerfile(`FROM alpine:3.24\n${line}\n`);
  const findings = SecretsUsedInArgOrEnv.check(tree.instructions[1]!, '\\');
  assert.equal(findings.length, 1, line);
  return findings[0]!.message;
}

// ARG: convert.go runCommandString puts the build args into each RUN's history entry;
// docs.docker.com/build/ci/github-actions/attestations/ says build argument values appear in
// provenance. ENV: stored in the image config (dispatchEnv), so every container gets it.
test('SecretsUsedInArgOrEnv says what is true per keyword, and no Korean particle follows the name', () => {
  for (const name of ['API_TOKEN', 'DB_PASSWORD', 'GITHUB_TOKEN', 'AWS_SECRET']) {
    const arg = secretMessage(`ARG ${name}`);
    const env = secretMessage(`ENV ${name}=x`);
    assert.match(arg.en, /ARG values used by RUN are recorded in docker history and in build provenance/);
    assert.doesNotMatch(arg.en, /image config|every container|stay readable/);
    assert.match(env.en, /ENV values are stored in the image config and set in every container/);
    assert.doesNotMatch(env.en, /docker history|provenance|stay readable/);
    assert.match(arg.ko, /RUN에서 쓰인 ARG 값은 docker history와 빌드 출처 증명\(provenance\)에 기록됩니다/);
    assert.doesNotMatch(arg.ko, /이미지 설정/);
    assert.match(env.ko, /ENV 값은 이미지 설정에 저장되고[^.]*모든 컨테이너에 설정됩니다/);
    assert.doesNotMatch(env.ko, /docker history|출처 증명/);
    for (const message of [arg.ko, env.ko]) {
      assert.doesNotMatch(message, new RegExp(`${name}[은는이가을를]`), `no particle right after ${name}: ${message}`);
      assert.match(message, /RUN --mount=type=secret/);
    }
  }
});

test('arg-vs-env and ARG: ARG goes to history and provenance, ENV to the image config, in that order', () => {
  says(
    'concept/arg-vs-env.md',
    {
      en: [
        new RegExp(
          '`ARG` values used by `RUN` are recorded in `docker history` and in build provenance; ' +
            '`ENV` values are stored in the image config and set in every container',
        ),
      ],
      ko: [
        /`RUN`에서 쓰인 `ARG` 값은 `docker history`와 빌드 출처 증명\(provenance\)에 기록되고, `ENV` 값은 이미지 설정에 저장되어 모든 컨테이너에 설정됩니다/,
      ],
    },
    {
      en: [/`ENV` values[^;.]*docker history/, /`ARG` values[^;.]*image config/],
      ko: [/`ENV` 값은[^,.]*docker history/, /`ARG` 값은[^,.]*이미지 설정/],
    },
  );
  says('instruction/ARG.md', {
    en: [/recorded in the image history \(`docker history`\) and in build metadata|`docker history`/],
    ko: [/`docker history`\)와 빌드 출처 증명/],
  });
});

// dockerfile2llb convert.go dispatchState.init: ds.buildArgs = append(ds.buildArgs, ds.base.buildArgs...);
// the Dockerfile reference ("ARG > Scope"): inherited by stages based on that stage.
test('ARG scope: a stage built FROM another inherits its ARGs; only unrelated stages declare them again', () => {
  says(
    'instruction/ARG.md',
    {
      en: [/and in stages built `FROM` that stage/, /Unrelated stages must declare it again/],
      ko: [
        /그 스테이지를 `FROM`으로 삼는 스테이지\(`FROM build AS test`\)에도 이어집니다/,
        /관련 없는 스테이지에서는 다시 선언/,
      ],
    },
    {
      en: [/end of that stage only/, /every stage that needs it must declare it/],
      ko: [/끝까지만 유효/, /필요한 스테이지마다 선언해야/],
    },
  );
  says(
    'concept/arg-vs-env.md',
    {
      en: [/A stage built `FROM` another stage inherits its `ARG`s/],
      ko: [/`FROM`으로 삼은 스테이지는 그 스테이지의 `ARG`를 물려받습니다/],
    },
    { en: [/Each stage needs its own `ARG` declarations/], ko: [/스테이지마다 `ARG`를 따로 선언해야/] },
  );
});

// Empirical (dash 0.5.12, bash 5.2, BusyBox 1.35): `dash -c 'sleep 3'` keeps dash as the
// parent, `bash -c` and `busybox sh -c` exec the single command. PID 1 gets no default signal
// action from the kernel, so a program without a SIGTERM handler is killed after the timeout.
test('shutdown: exec form still needs a SIGTERM handler or --init; shell form depends on the shell', () => {
  for (const path of ['instruction/CMD.md', 'instruction/ENTRYPOINT.md', 'concept/exec-vs-shell.md']) {
    says(path, { en: [/--init/, /SIGTERM/, /dash/], ko: [/--init/, /SIGTERM/, /dash/] });
  }
  says(
    'instruction/CMD.md',
    {
      en: [/must handle SIGTERM itself/, /With dash \(Debian, Ubuntu\) the shell stays PID 1/],
      ko: [/SIGTERM을 스스로 처리해야/, /dash\(Debian, Ubuntu\)에서는 셸이 PID 1로 남아/],
    },
    { en: [/the shell is usually PID 1/], ko: [/보통 셸이 PID 1이 되고/] },
  );
  says('instruction/ENTRYPOINT.md', {
    en: [/Expecting exec form alone to give a clean shutdown/],
    ko: [/exec 형식이기만 하면 깔끔하게 종료될 거라/],
  });
  says(
    'concept/exec-vs-shell.md',
    {
      en: [/no SIGTERM handler ignores it/, /BusyBox ash/, /bash/],
      ko: [/SIGTERM 핸들러가 없는 프로그램은 이 시그널을 무시합니다/, /BusyBox ash/, /bash/],
    },
    { en: [/shuts down cleanly/], ko: [/정상 종료합니다/] },
  );
  says(
    'concept/one-process.md',
    { en: [/--init/, /supervisor/], ko: [/--init/, /감독 프로그램/] },
    { en: [/small init\/supervisor/], ko: [/init\/감독 프로그램/] },
  );
});

// Reference "ARG > Impact on build caching": all RUN instructions following an ARG use it
// implicitly as an environment variable, so they can miss the cache.
test('build cache: a changed ARG invalidates the first RUN after its declaration, even one not using it', () => {
  says(
    'concept/build-cache.md',
    {
      en: [/first `RUN` after the declaration, even one that never mentions it/],
      ko: [/선언 뒤 첫 `RUN`부터는 그 변수를 쓰지 않더라도 무효화됩니다/],
    },
    { en: [/invalidates from the first step that uses it\./], ko: [/처음 사용하는 단계부터 무효화됩니다\./] },
  );
  says('instruction/ARG.md', {
    en: [/first `RUN` after the declaration misses too, even if it never mentions the variable/],
    ko: [/선언 뒤 첫 `RUN`은 그 변수를 쓰지 않더라도 캐시 미스가 나고/],
  });
});

// Reference "HEALTHCHECK": during the start period, health checks run at start interval.
test('HEALTHCHECK: Alpine has BusyBox wget; checks in the start period run every --start-interval', () => {
  says(
    'instruction/HEALTHCHECK.md',
    {
      en: [/Alpine has BusyBox `wget` but no `curl`/, /within `--start-period`, every `--start-interval`/],
      ko: [
        /Alpine에는 BusyBox `wget`은 있지만 `curl`은 없습니다/,
        /`--start-period` 안에서 아직 `starting` 상태일 때는 `--start-interval`마다/,
      ],
    },
    { en: [/\(slim, alpine, distroless\)/], ko: [/\(slim, alpine, distroless\)/] },
  );
  says('healthcheck/CMD.md', { en: [/Alpine has BusyBox `wget`/], ko: [/Alpine에는 BusyBox `wget`이 있습니다/] });
  says('flag/HEALTHCHECK--interval.md', {
    en: [/within a start period, checks run every `--start-interval`/],
    ko: [/유예 기간 안에서는 `--start-interval`마다 검사합니다/],
  });
});

// Reference "EXPOSE": does not publish the port; docs.docker.com/engine/network/port-publishing/:
// ports of containers on bridge networks are accessible from the Docker host.
test('EXPOSE: nothing is published on the host, the container IP is still reachable from a Linux host', () => {
  says(
    'instruction/EXPOSE.md',
    {
      en: [/publishes nothing on the host's network interfaces/, /own IP address/, /from a Linux host/],
      ko: [/호스트의 네트워크 인터페이스에 아무 포트도 공개되지 않/, /자기 IP 주소/, /Linux 호스트에서는/],
    },
    { en: [/makes nothing reachable from the host/], ko: [/호스트에서 아무 포트에도 접근할 수 없습니다/] },
  );
});

// Reference "RUN --mount=type=secret": env mounts to a variable instead of a file, or both;
// target defaults to /run/secrets/<id> only if env is also unset.
test('secret mounts: env instead of a file, both with target; the default path only without env', () => {
  const en = { env: mountKeyDoc('secret', 'env', 'en')!, target: mountKeyDoc('secret', 'target', 'en')! };
  const ko = { env: mountKeyDoc('secret', 'env', 'ko')!, target: mountKeyDoc('secret', 'target', 'ko')! };
  assert.match(en.env, /instead of a file; with `target` too, as both/);
  assert.match(en.target, /`\/run\/secrets\/<id>`, only when `env` is not set/);
  assert.match(ko.env, /파일 대신 이 이름의 환경 변수로 노출\. `target`도 주면 둘 다/);
  assert.match(ko.target, /`env`가 없을 때만 `\/run\/secrets\/<id>`/);
  says('mount/secret.md', {
    en: [/`env=NAME`\s+exposes it as an environment variable instead/],
    ko: [/`env=이름`을 주면 파일 대신 환경 변수가/],
  });
});

// dockerfile2llb convert_copy.go: the MergeOp (link) path is taken only when
// `cfg.link && cfg.chmod == ""`; with --chmod the copy is an ordinary File op.
test('COPY --link with --chmod: BuildKit does not link, and the docs say so where they advise --chmod', () => {
  says(
    'flag/COPY--link.md',
    {
      en: [/BuildKit does not link a copy that has `--chmod`/],
      ko: [/BuildKit은 `--chmod`가 있는 복사에는 링크를 적용하지 않습니다/],
    },
    { en: [/set `--chmod` if a directory/], ko: [/`--chmod`로 지정하세요/] },
  );
  says(
    'flag/ADD--link.md',
    { en: [/With `--chmod`, BuildKit does not link/], ko: [/`--chmod`를 함께 쓰면 BuildKit은 링크하지 않고/] },
    { en: [/use\s+`--chmod` when that matters/], ko: [/중요하다면 `--chmod`로 지정하세요/] },
  );
  says('flag/COPY--chmod.md', {
    en: [/BuildKit ignores `--link` on a `COPY` that has `--chmod`/],
    ko: [/BuildKit이 `--link`를 무시하고/],
  });
});

// Reference "Adding local tar archives": gzip, bzip2 or xz, or uncompressed; BuildKit's
// solver/llbsolver/file/unpack.go decompresses with go-archive, which also reads zstd.
test('ADD: the same tar formats everywhere', () => {
  for (const path of ['instruction/ADD.md', 'flag/ADD--unpack.md', 'concept/copy-vs-add.md']) {
    says(path, {
      en: [/uncompressed/, /gzip/, /bzip2/, /xz/, /BuildKit also reads zstd/],
      ko: [/압축하지 않은/, /gzip/, /bzip2/, /xz/, /BuildKit은 zstd도 읽/],
    });
  }
});

test('copy-vs-add: RUN curl needs the tool in the image, ADD <url> needs none', () => {
  says(
    'concept/copy-vs-add.md',
    {
      en: [/the image needs that tool/, /downloaded by the builder, so\s+the image needs no download tool/],
      ko: [/이미지에 그 도구가 있어야 하고/, /빌더가 직접 내려받으므로\s+이미지에 다운로드 도구가 없어도 됩니다/],
    },
    { en: [/leaves the tool in the image; `ADD <url>` does not need it/], ko: [/`ADD <url>`은 필요 없습니다/] },
  );
});

/** Minimal .dockerignore glob: `**` any depth, `*` and `?` within one path element. */
function ignoreMatches(pattern: string, path: string): boolean {
  const source = pattern
    .replace(/^\//, '')
    .replace(/[.+^${}()|\\]/g, '\\$&')
    .replace(/\*\*\//g, '\u0000')
    .replace(/\*/g, '[^/]*')
    .replace(/\?/g, '[^/]')
    .replace(/\u0000/g, '(?:.*/)?');
  return new RegExp(`^${source}(?:/.*)?$`).test(path);
}

test('.dockerignore example: the README.md exception re-includes something an earlier line excluded', () => {
  for (const language of LANGUAGES) {
    const block = /```gitignore\n([\s\S]*?)```/.exec(doc(language, 'concept/dockerignore.md'))![1]!;
    const lines = block
      .split('\n')
      .map((l) => l.trim())
      .filter((l) => l && !l.startsWith('#'));
    const exception = lines.indexOf('!README.md');
    assert.ok(exception > 0, `${language}: the example has !README.md`);
    assert.ok(
      lines.slice(0, exception).some((p) => !p.startsWith('!') && ignoreMatches(p, 'README.md')),
      `${language}: an earlier pattern excludes README.md`,
    );
  }
});

test('lessons where a learner meets them: image vs container, build, run, exec, immutable images', () => {
  says('instruction/FROM.md', {
    en: [
      /`docker build -t myapp:1\.0 \.`/,
      /`--platform linux\/arm64`/,
      /starts a container/,
      /read-only/,
      /not when the container starts/,
      /rebuild/,
    ],
    ko: [
      /`docker build -t myapp:1\.0 \.`/,
      /`--platform linux\/arm64`/,
      /컨테이너를 시작합니다/,
      /읽기 전용/,
      /컨테이너가 시작될 때가 아니라 빌드할 때/,
      /다시 빌드/,
    ],
  });
  for (const path of ['instruction/CMD.md']) {
    for (const flag of [/`docker run --rm -it /, /`docker run -d --name web -p 8080:8000 /, /`docker exec -it web sh`/])
      says(path, { en: [flag], ko: [flag] });
    says(path, { en: [/host port 8080 to container port 8000/], ko: [/호스트의 8080 포트를 컨테이너의 8000 포트로/] });
  }
  says('instruction/ENTRYPOINT.md', {
    en: [/`docker exec -it <name> sh`/, /keep installs and downloads in `RUN`/],
    ko: [/`docker exec -it <이름> sh`/, /설치와 다운로드는 `RUN`에 두세요/],
  });
  says('instruction/EXPOSE.md', {
    en: [/`docker run -d --name web -p 8080:80 img`/, /`-p host:container`/, /`docker build -t my-app \.`/],
    ko: [/`docker run -d --name web -p 8080:80 img`/, /`-p 호스트:컨테이너`/, /`docker build -t my-app \.`/],
  });
});

/** `name:tag` references in the Dockerfile examples of a doc, with ARG defaults of the block applied. */
function imageReferences(text: string): string[] {
  const references: string[] = [];
  for (const [, block = ''] of text.matchAll(/```dockerfile\n([\s\S]*?)```/g)) {
    const args = new Map<string, string>();
    for (const line of block.split('\n')) {
      const arg = /^ARG (\w+)=(\S+)/.exec(line);
      if (arg) args.set(arg[1]!, arg[2]!);
      for (const match of line.matchAll(/(?:^FROM(?:\s+--platform=\S+)?\s+|--from=)(\S+)/g)) {
        const reference = match[1]!.replace(/\$\{?(\w+)\}?/g, (whole, name: string) => args.get(name) ?? whole);
        if (!reference.includes('$')) references.push(reference);
      }
    }
  }
  return references;
}

test('base images in the docs use tags from the offline image list', () => {
  assert.ok(officialImages().length > 0);
  const problems: string[] = [];
  for (const language of LANGUAGES) {
    for (const file of markdownFiles(language)) {
      for (const reference of imageReferences(doc(language, file))) {
        const { repository, tag } = splitImageReference(reference);
        const image = officialImage(repository);
        if (!image || tag === undefined) continue; // stages, other registries, and the untagged bad examples
        if (!image.tags.includes(tag)) problems.push(`${language}/${file}: ${reference}`);
      }
    }
  }
  assert.deepEqual(problems, []);
});

// ---- The Korean glossary ----

const GLOSSARY_PATH = resolve(DOCS, 'ko/GLOSSARY.markdown');
const glossary = readFileSync(GLOSSARY_PATH, 'utf8');

interface GlossaryRow {
  english: string;
  preferred: string[];
  rejected: string[];
}

/** Rows of the term table under "## 용어": English, the term to use, terms not to use. */
function glossaryRows(): GlossaryRow[] {
  const section = glossary.slice(glossary.indexOf('## 용어'));
  const terms = (cell: string | undefined): string[] =>
    (cell ?? '')
      .split(',')
      .map((t) => t.trim())
      .filter(Boolean);
  return section
    .split('\n')
    .filter((line) => line.startsWith('|') && !/^\|\s*(---|영어)/.test(line))
    .map((line) => {
      const cells = line
        .split('|')
        .slice(1, -1)
        .map((c) => c.trim());
      return { english: cells[0]!, preferred: terms(cells[1]), rejected: terms(cells[2]) };
    });
}

/** Korean prose the glossary governs: every Korean doc, and the Korean image descriptions. */
function koreanProse(): Map<string, string> {
  const texts = new Map<string, string>();
  for (const file of markdownFiles('ko')) texts.set(`ko/${file}`, prose(doc('ko', file)));
  for (const image of officialImages()) texts.set(`images.json ${image.name}`, image.description.ko);
  return texts;
}

test('the glossary is not a hover doc: the loader and the bundle skip it', () => {
  assert.ok(![...DOC_FILES.keys()].some((key) => /glossary/i.test(key)));
  assert.ok(!markdownFiles('ko').some((file) => /glossary/i.test(file)));
  assert.ok(glossaryRows().length >= 15);
  assert.match(glossary, /합니다체/);
  assert.match(glossary, /~하세요/);
});

test('Korean docs use the glossary terms and none of the terms it rejects', () => {
  const rows = glossaryRows();
  const preferred = rows.flatMap((row) => row.preferred).sort((a, b) => b.length - a.length);
  const texts = koreanProse();
  const problems: string[] = [];
  for (const [name, text] of texts) {
    // A preferred term may contain a rejected one ("소스 코드" contains "소스"): remove those first.
    let rest = text;
    for (const term of preferred) rest = rest.split(term).join(' ');
    for (const row of rows)
      for (const term of row.rejected)
        if (rest.includes(term)) problems.push(`${name}: "${term}" (use ${row.preferred.join(', ')})`);
  }
  assert.deepEqual(problems, []);
  const all = [...texts.values()].join('\n');
  for (const term of preferred) assert.ok(all.includes(term), `the glossary term "${term}" is used somewhere`);
});

test('Korean docs keep one advice style: 합니다체 statements, advice as ~하세요', () => {
  const problems: string[] = [];
  for (const [name, text] of koreanProse()) {
    for (const pattern of [/십시오/, /할 것\./, /하라\./, /해라\./])
      if (pattern.test(text)) problems.push(`${name}: ${pattern}`);
  }
  assert.deepEqual(problems, []);
  // The common-mistakes lists give their advice as ~하세요.
  for (const file of markdownFiles('ko').filter((f) => f.startsWith('instruction/'))) {
    const mistakes = doc('ko', file).split('### 자주 하는 실수')[1]?.split('###')[0] ?? '';
    assert.match(mistakes, /세요/, `ko/${file}: advice in the common mistakes`);
  }
});
