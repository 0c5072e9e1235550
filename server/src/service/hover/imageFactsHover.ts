// What a base image brings, for the FROM hover, and what `docker run IMAGE` executes, for the
// CMD/ENTRYPOINT hover: from the facts the model starts the stage from (local engine or recorded).
import { inlineCode } from '../../../../core/src/docs';
import type { Language } from '../../../../core/src/engine/language';
import { type Localized, pick } from '../../../../core/src/engine/localized';
import type { DockerfileModel } from '../../../../core/src/model';
import type { ImageFacts } from '../../../../core/src/model/imageFacts';
import { runCommand, UNKNOWN } from '../../../../core/src/model/runConfig';
import type { StageState } from '../../../../core/src/model/stageState';

const MAX_SHOWN = 72;
const MAX_ENV = 6;
const DAY_MS = 24 * 60 * 60 * 1000;

function shortCode(text: string): string {
  return inlineCode(text.length > MAX_SHOWN ? `${text.slice(0, MAX_SHOWN - 1)}…` : text);
}

const argvText = (argv: readonly string[]): string => JSON.stringify(argv);

function age(created: string | undefined, language: Language): string {
  const time = created ? Date.parse(created) : Number.NaN;
  if (Number.isNaN(time)) return '';
  const days = Math.max(0, Math.floor((Date.now() - time) / DAY_MS));
  if (days === 0) return pick({ en: ' built today', ko: ', 오늘 빌드' }, language);
  return pick({ en: ` built ${days} day${days === 1 ? '' : 's'} ago`, ko: `, ${days}일 전 빌드` }, language);
}

/** "local image sha256:0123456789ab built 3 days ago" or "recorded for node:22 on 2026-12-06". */
export function imageFactsSource(facts: ImageFacts, language: Language): string {
  const source = facts.source;
  if (source.kind === 'local') {
    const id = source.imageId.replace(/^sha256:/, '').slice(0, 12);
    return (
      pick({ en: `local image sha256:${id}`, ko: `로컬 이미지 sha256:${id}` }, language) + age(source.created, language)
    );
  }
  return pick(
    {
      en: `recorded for ${facts.reference} on ${source.recordedOn}`,
      ko: `${facts.reference}에 대해 ${source.recordedOn}에 기록한 정보`,
    },
    language,
  );
}

function sizeText(bytes: number): string {
  const mb = bytes / 1_000_000;
  return mb >= 1 ? `${mb.toFixed(mb >= 100 ? 0 : 1)} MB` : `${Math.ceil(bytes / 1000)} kB`;
}

/** The FROM image hover's section on what the image's config sets up, as a Markdown list. */
export function imageFactsMarkdown(facts: ImageFacts, language: Language): string {
  const t = (text: Localized): string => pick(text, language);
  const items: string[] = [];
  const user = facts.user || 'root';
  items.push(t({ en: `user ${shortCode(user)}`, ko: `사용자 ${shortCode(user)}` }));
  const workdir = shortCode(facts.workdir || '/');
  items.push(t({ en: `working directory ${workdir}`, ko: `작업 디렉터리 ${workdir}` }));
  if (facts.entrypoint) items.push(`ENTRYPOINT ${shortCode(argvText(facts.entrypoint))}`);
  if (facts.cmd) items.push(`CMD ${shortCode(argvText(facts.cmd))}`);
  if (facts.shell?.length) {
    const shell = shortCode(argvText(facts.shell));
    items.push(
      t({
        en: `SHELL ${shell}: shell-form RUN, CMD and ENTRYPOINT in this stage run with it until a SHELL changes it`,
        ko: `SHELL ${shell}: 이 스테이지의 셸 형식 RUN, CMD, ENTRYPOINT는 SHELL로 바꾸기 전까지 이 셸로 실행됨`,
      }),
    );
  }
  if (facts.healthcheck !== undefined)
    items.push(
      facts.healthcheck
        ? t({ en: 'has a HEALTHCHECK', ko: 'HEALTHCHECK 있음' })
        : t({ en: 'no HEALTHCHECK', ko: 'HEALTHCHECK 없음' }),
    );
  if (facts.exposedPorts.length)
    items.push(t({ en: 'ports ', ko: '포트 ' }) + facts.exposedPorts.map((port) => shortCode(port)).join(', '));
  if (facts.env.length) {
    const shown = facts.env.slice(0, MAX_ENV).map(([name, value]) => shortCode(`${name}=${value}`));
    const more = facts.env.length - MAX_ENV;
    if (more > 0) shown.push(t({ en: `${more} more`, ko: `그 밖에 ${more}개` }));
    items.push(`ENV ${shown.join(', ')}`);
  }
  if (facts.volumes.length) items.push(`VOLUME ${facts.volumes.map((volume) => shortCode(volume)).join(', ')}`);
  const extra: string[] = [];
  const platform = [facts.os, facts.architecture].filter(Boolean).join('/');
  if (platform) extra.push(platform);
  if (facts.sizeBytes !== undefined) extra.push(sizeText(facts.sizeBytes));
  if (facts.layerCount !== undefined)
    extra.push(t({ en: `${facts.layerCount} layers`, ko: `레이어 ${facts.layerCount}개` }));
  if (extra.length) items.push(extra.join(', '));
  const heading = t({ en: 'What the image brings', ko: '이미지가 가져오는 설정' });
  return [`**${heading}** (${imageFactsSource(facts, language)})`, items.map((item) => `- ${item}`).join('\n')].join(
    '\n\n',
  );
}

/** One fact for the FROM keyword hover: whom and what the image runs by default. */
export function imageFactsSummary(facts: ImageFacts, language: Language): string {
  const user = shortCode(facts.user || 'root');
  const argv = [...(facts.entrypoint ?? []), ...(facts.cmd ?? [])];
  const source = imageFactsSource(facts, language);
  return argv.length
    ? pick(
        {
          en: `the image runs ${shortCode(argvText(argv))} as ${user} (${source})`,
          ko: `이미지 기본 실행 ${shortCode(argvText(argv))}, 사용자 ${user}(${source})`,
        },
        language,
      )
    : pick(
        {
          en: `the image runs as ${user}, no command set (${source})`,
          ko: `이미지 사용자 ${user}, 기본 명령 없음(${source})`,
        },
        language,
      );
}

/** What `docker run IMAGE` executes with the config in effect after an ENTRYPOINT or CMD; undefined when unknown. */
export function runCommandLine(state: StageState, model: DockerfileModel, language: Language): string | undefined {
  const run = runCommand(state, model);
  if (run === UNKNOWN) return undefined;
  if (run.argv.length === 0)
    return pick(
      { en: '`docker run IMAGE` has no command to run', ko: '`docker run IMAGE`가 실행할 명령이 없음' },
      language,
    );
  const command = shortCode(argvText(run.argv));
  const fromImage = run.entrypoint?.setBy === undefined && run.entrypoint !== undefined;
  const cmdFromImage = run.cmd?.setBy === undefined && run.cmd !== undefined && !run.cmdIgnored;
  const note =
    fromImage || cmdFromImage
      ? pick({ en: ' (with the base image’s config)', ko: '(베이스 이미지 설정 포함)' }, language)
      : '';
  return pick(
    { en: `\`docker run IMAGE\` executes ${command}${note}`, ko: `\`docker run IMAGE\`가 실행: ${command}${note}` },
    language,
  );
}
