// Hovers on references: a variable (where it is defined and its value there), a stage (its base
// image and where it starts) and an image (what it is and its tag, from the offline list).
import { argDoc, conceptDoc, inlineCode, officialImage, splitImageReference } from '../../../../core/src/docs';
import {
  type DockerfileModel,
  expandValue,
  predefinedArg,
  type ResolvedReference,
  type Stage,
} from '../../../../core/src/model';
import type { Range, VariableReference } from '../../../../core/src/parser';
import { firstLine } from '../../../../core/src/parser/textScan';
import type { Language } from '../../../../core/src/engine/language';
import { lineLabel, pick } from '../../../../core/src/engine/localized';
import { type DocDetail, docHover } from './docMarkdown';
import { imageFactsSource } from './imageFactsHover';
import type { HoverResult } from './hoverTypes';

const resolvedByModel = new WeakMap<DockerfileModel, Map<VariableReference, ResolvedReference>>();

/** The model's resolution of a reference, through a per-model index built on first use. */
function resolvedReference(model: DockerfileModel, reference: VariableReference): ResolvedReference | undefined {
  let index = resolvedByModel.get(model);
  if (!index) {
    index = new Map(model.references.map((resolved) => [resolved.reference, resolved]));
    resolvedByModel.set(model, index);
  }
  return index.get(reference);
}

// User text in a code span whose fence no backtick run in the text can close.
const code = inlineCode;

export function variableHover(
  model: DockerfileModel,
  reference: VariableReference,
  language: Language,
  detail: DocDetail = 'brief',
): HoverResult {
  const resolved = resolvedReference(model, reference);
  const definition = resolved?.definition;
  const lines: string[] = [];
  const title = `**${code(`$${reference.name}`)}**`;
  if (!definition) {
    lines.push(
      `${title} — ${pick(
        resolved?.expandedByBuilder === false
          ? {
              en: 'not an ARG or ENV at this point; the shell sees it only if the base image sets it.',
              ko: '이 지점에서 ARG나 ENV로 정의되어 있지 않습니다. 베이스 이미지가 설정한 경우에만 셸에서 보입니다.',
            }
          : {
              en: 'not defined at this point: the builder replaces it with an empty string.',
              ko: '이 지점에서 정의되어 있지 않아, 빌더가 빈 문자열로 바꿉니다.',
            },
        language,
      )}`,
    );
    if (predefinedArg(reference.name)?.kind === 'platform' && resolved?.stage) {
      lines.push(
        pick(
          {
            en:
              `${reference.name} is a platform argument the builder sets globally, ` +
              `but a stage sees it only after \`ARG ${reference.name}\`: ` +
              'add that line above, otherwise the value is empty here.',
            ko:
              `${reference.name}는 빌더가 전역으로 설정하는 플랫폼 인자지만, ` +
              `스테이지 안에서는 \`ARG ${reference.name}\`로 선언한 뒤에만 보입니다. ` +
              '이 줄 위에 선언을 추가하지 않으면 여기서는 빈 값입니다.',
          },
          language,
        ),
      );
    } else if (model.definitions.some((d) => d.name === reference.name)) {
      lines.push(
        pick(
          {
            en:
              'It is defined elsewhere, but not in this scope: each stage needs its own `ARG`, ' +
              'and a global ARG must be re-declared inside the stage.',
            ko:
              '다른 곳에 정의되어 있지만 이 범위에서는 보이지 않습니다. ' +
              '스테이지마다 `ARG`를 따로 선언해야 하고, 전역 ARG도 스테이지 안에서 다시 선언해야 합니다.',
          },
          language,
        ),
      );
    }
    return { markdown: lines.join('\n\n'), range: reference.range };
  }
  if (definition.kind === 'predefined') {
    const predefinedKind = pick(
      { en: 'predefined build argument, set by the builder', ko: '빌더가 설정하는 미리 정의된 빌드 인자' },
      language,
    );
    lines.push(`${title} — ${predefinedKind}`);
    const example = definition.predefined?.example;
    if (example) lines.push(`${pick({ en: 'Example value', ko: '값 예시' }, language)}: ${code(example)}`);
    const doc = argDoc(reference.name, language);
    if (doc) lines.push(`---\n\n${docHover(doc, detail, language)}`);
    return { markdown: lines.join('\n\n'), range: reference.range };
  }
  if (definition.image) {
    // An ENV of the base image's config: no instruction here defines it.
    const source = imageFactsSource(definition.image, language);
    lines.push(
      `${title} — ${pick(
        {
          en: `environment variable from the base image ${code(definition.image.reference)}`,
          ko: `베이스 이미지 ${code(definition.image.reference)}의 환경 변수`,
        },
        language,
      )}`,
    );
    lines.push(`${pick({ en: 'Value', ko: '값' }, language)}: ${code(definition.value ?? '')} (${source})`);
    return { markdown: lines.join('\n\n'), range: reference.range };
  }
  const kind =
    definition.kind === 'arg'
      ? definition.stage
        ? pick({ en: 'build argument (ARG)', ko: '빌드 인자(ARG)' }, language)
        : pick(
            { en: 'global build argument (ARG before the first FROM)', ko: '전역 빌드 인자(첫 FROM 앞의 ARG)' },
            language,
          )
      : pick(
          {
            en: 'environment variable (ENV), also set in running containers',
            ko: '환경 변수(ENV). 실행 중인 컨테이너에도 설정됩니다',
          },
          language,
        );
  lines.push(`${title} — ${kind}`);
  if (definition.instruction && definition.pair) {
    const definedAt = pick({ en: 'Defined at', ko: '정의 위치' }, language);
    const definitionLine = lineLabel(definition.pair.range.start.line, language);
    const definitionText = code(`${definition.instruction.keyword} ${firstLine(definition.instruction.argsText)}`);
    lines.push(`${definedAt} ${definitionLine}: ${definitionText}`);
  }
  if (definition.redeclares?.instruction) {
    const globalArgLine = lineLabel(definition.redeclares.instruction.range.start.line, language);
    lines.push(
      pick(
        {
          en: `Takes its value from the global ARG on ${globalArgLine}.`,
          ko: `${globalArgLine}의 전역 ARG에서 값을 가져옵니다.`,
        },
        language,
      ),
    );
  }
  const valueHere =
    definition.value === undefined
      ? pick(
          {
            en: 'not known until build time (pass it with `--build-arg`)',
            ko: '빌드할 때 정해집니다(`--build-arg`로 전달)',
          },
          language,
        )
      : definition.value === ''
        ? pick({ en: 'empty', ko: '빈 문자열' }, language)
        : code(definition.value);
  lines.push(`${pick({ en: 'Value here', ko: '이 지점의 값' }, language)}: ${valueHere}`);
  if (reference.modifier && resolved) {
    const expanded = expandReference(model, resolved);
    if (expanded !== undefined) {
      const expandsTo = pick({ en: 'expands to', ko: '의 결과' }, language);
      const expandedText = expanded === '' ? pick({ en: 'empty', ko: '빈 문자열' }, language) : code(expanded);
      lines.push(`${code(referenceText(reference))} ${expandsTo}: ${expandedText}`);
    }
  }
  if (resolved && !resolved.expandedByBuilder) {
    lines.push(
      pick(
        {
          en: `In ${resolved.instruction.keyword} the shell expands this, not the builder.`,
          ko: `${resolved.instruction.keyword}에서는 빌더가 아니라 셸이 이 변수를 치환합니다.`,
        },
        language,
      ),
    );
  }
  return { markdown: lines.join('\n\n'), range: reference.range };
}

function referenceText(reference: VariableReference): string {
  return `\${${reference.name}${reference.modifier ?? ''}${reference.modifierWord ?? ''}}`;
}

function expandReference(model: DockerfileModel, resolved: ResolvedReference): string | undefined {
  const scope =
    resolved.instruction.keyword === 'FROM' || !resolved.stage ? undefined : model.scopeBefore(resolved.instruction);
  const value =
    resolved.definition?.kind === 'predefined' ? resolved.definition.predefined?.example : resolved.definition?.value;
  return expandValue(
    referenceText(resolved.reference),
    (name) => (name === resolved.reference.name ? value : (scope?.get(name)?.value ?? '')),
    model.tree.escapeChar,
  );
}

export function stageHover(stage: Stage, range: Range, language: Language): HoverResult {
  const name = stage.name ? code(stage.name) : `#${stage.index}`;
  const stageWord = pick({ en: 'Stage', ko: '스테이지' }, language);
  const indexWord = pick({ en: 'index', ko: '인덱스' }, language);
  const lines = [`**${stageWord} ${name}** (${indexWord} ${stage.index})`];
  const startsAt = pick({ en: 'Starts at', ko: '시작 위치' }, language);
  const fromLine = lineLabel(stage.from.range.start.line, language);
  lines.push(`${startsAt} ${fromLine}: ${code(`FROM ${firstLine(stage.from.argsText)}`)}`);
  if (stage.baseStage) {
    lines.push(
      pick(
        {
          en: `Builds on the earlier stage ${code(stage.baseStage.name ?? String(stage.baseStage.index))}.`,
          ko: `앞선 스테이지 ${code(stage.baseStage.name ?? String(stage.baseStage.index))}을(를) 이어서 빌드합니다.`,
        },
        language,
      ),
    );
  } else {
    const image = stage.resolvedBaseImage ?? stage.baseImage;
    lines.push(`${pick({ en: 'Base image', ko: '베이스 이미지' }, language)}: ${code(image)}`);
    const official = officialImage(splitImageReference(image).repository);
    if (official) lines.push(official.description[language]);
  }
  return { markdown: lines.join('\n\n'), range };
}

const rendered = new Map<string, string>();

/** What an image reference names, from the offline list of official images. */
export function imageHover(
  reference: string,
  range: Range,
  language: Language,
  resolved?: string,
  detail: DocDetail = 'brief',
): HoverResult {
  const key = `${language}|${detail}|${reference}|${resolved ?? ''}`;
  let markdown = rendered.get(key);
  if (markdown === undefined) {
    markdown = renderImage(reference, language, resolved, detail);
    // Keyed by what is typed: bounded, or every image name typed letter by letter stays.
    if (rendered.size >= 1000) rendered.clear();
    rendered.set(key, markdown);
  }
  return { markdown, range };
}

function renderImage(reference: string, language: Language, resolved: string | undefined, detail: DocDetail): string {
  const effective = resolved ?? reference;
  const lines = [`**${code(effective)}**`];
  if (resolved !== undefined && resolved !== reference)
    lines.push(`${pick({ en: 'Written as', ko: '작성된 형태' }, language)} ${code(reference)}`);
  if (effective.toLowerCase() === 'scratch') {
    lines.push(
      pick(
        {
          en:
            'The empty image: no files, no shell, no package manager. ' +
            'Use it for static binaries; `RUN` needs a shell, so only `COPY`/`ADD` work here.',
          ko:
            '아무것도 없는 빈 이미지입니다. 파일도 셸도 패키지 관리자도 없습니다. ' +
            '정적 바이너리용이며, `RUN`은 셸이 필요하므로 `COPY`/`ADD`만 쓸 수 있습니다.',
        },
        language,
      ),
    );
    return lines.join('\n\n');
  }
  const { repository, tag, digest } = splitImageReference(effective);
  const official = officialImage(repository);
  if (official) {
    lines.push(official.description[language]);
    if (tag !== undefined) {
      const known = official.tags.includes(tag);
      lines.push(
        known
          ? pick(
              {
                en: `Tag ${code(tag)} is one of the common tags of this image.`,
                ko: `${code(tag)} 태그는 이 이미지에서 흔히 쓰는 태그입니다.`,
              },
              language,
            )
          : pick(
              {
                en: `Tag ${code(tag)} is not in the offline list of common tags (it may still exist).`,
                ko: `${code(tag)} 태그는 오프라인 목록의 대표 태그에 없습니다(실제로는 있을 수도 있습니다).`,
              },
              language,
            ),
      );
    }
    if (official.recommended)
      lines.push(`${pick({ en: 'Suggested tag', ko: '추천 태그' }, language)}: \`${official.recommended}\``);
    if (official.tags.length)
      lines.push(
        `${pick({ en: 'Common tags', ko: '대표 태그' }, language)}: ${official.tags.map((t) => `\`${t}\``).join(', ')}`,
      );
    if (official.url) lines.push(`[${pick({ en: 'Image page', ko: '이미지 페이지' }, language)}](${official.url})`);
  } else {
    lines.push(
      pick(
        {
          en: 'Not in the offline list of common official images.',
          ko: '오프라인 목록에 있는 대표 공식 이미지가 아닙니다.',
        },
        language,
      ),
    );
  }
  if (digest === undefined && (tag === undefined || tag === 'latest')) {
    lines.push(
      pick(
        {
          en:
            '**No pinned version:** without a tag Docker uses `latest`, which changes over time. ' +
            'Pin a version tag (or a digest) for repeatable builds.',
          ko:
            '**버전이 고정되어 있지 않습니다:** 태그가 없으면 Docker는 시간이 지나며 바뀌는 `latest`를 씁니다. ' +
            '재현 가능한 빌드를 위해 버전 태그(또는 다이제스트)로 고정하세요.',
        },
        language,
      ),
    );
    const pinned = conceptDoc('pinned-images', language);
    if (pinned) lines.push(`---\n\n${docHover(pinned, detail, language)}`);
  }
  return lines.join('\n\n');
}
