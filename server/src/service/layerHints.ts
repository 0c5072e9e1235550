// The layer hint at the end of each layer-making instruction's first line:
// `layer 4 · rebuilt when src/**, package.json or layer 3 change · last build: cached`.
import { type InlayHint, MarkupKind } from 'vscode-languageserver';
import { analyseLayers, type LayerStep, sourceTakes } from '../cache';
import type { BuildContext } from '../context/buildContext';
import type { InstructionBuildResult } from '../protocol';
import type { LocalizedText } from '../rules';
import type { BuildResultStore } from './buildResults';
import type { InlayHintProvider, InlayHintRequest } from './inlayHints';
import { formatBytes } from '../byteSize';
import { formatDuration } from '../duration';

/** Shown in the label; the tooltip lists them all. */
const MAX_LABEL_ITEMS = 4;

export function layerHintProvider(buildResults: BuildResultStore): InlayHintProvider {
  return (request) => (request.settings['layerwise.cache.layerHints'] ? layerHints(request, buildResults) : []);
}

function layerHints({ document, range, language, buildContext }: InlayHintRequest, buildResults: BuildResultStore): InlayHint[] {
  const steps = analyseLayers(document.model).steps.filter((s) => s.instruction.range.start.line >= range.start.line && s.instruction.range.start.line <= range.end.line);
  if (steps.length === 0) return [];
  const results = buildResults.has(document.uri) ? buildResults.resultsFor(document.uri, document.tree) : undefined;
  return steps.map((step) => {
    const line = step.instruction.keywordRange.start.line;
    const { label, tooltip } = describeLayer(step, buildContext, results?.get(step.instruction));
    return {
      position: { line, character: (document.lines[line] ?? '').length },
      label: label[language],
      paddingLeft: true,
      tooltip: { kind: MarkupKind.Markdown, value: tooltip[language] },
    };
  });
}

interface Dependency {
  label: LocalizedText;
  detail: LocalizedText;
}

/** The hint's label and tooltip for one layer, in both languages. */
export function describeLayer(step: LayerStep, context: BuildContext | undefined, result: InstructionBuildResult | undefined): { label: LocalizedText; tooltip: LocalizedText } {
  const dependencies = [...step.contextSources.map((source) => contextDependency(source, context)), ...otherDependencies(step)];
  const shown = dependencies.slice(0, MAX_LABEL_ITEMS).map((d) => d.label);
  const more = dependencies.length - shown.length;
  const en = shown.map((d) => d.en);
  const ko = shown.map((d) => d.ko);
  if (more > 0) {
    en.push(`${more} more`);
    ko.push(`외 ${more}개`);
  }
  const build = result ? buildSuffix(result) : undefined;
  const label = {
    en: `layer ${step.number} · rebuilt when ${joinOr(en)} ${dependencies.length === 1 ? 'changes' : 'change'}${build ? ` · ${build.en}` : ''}`,
    ko: `레이어 ${step.number} · ${ko.join(', ')} 변경 시 다시 빌드${build ? ` · ${build.ko}` : ''}`,
  };
  const stage = stageLabel(step);
  const tooltip = {
    en: [
      `**Layer ${step.number}** of stage ${stage}. The builder reuses it from cache while none of these change:`,
      ...dependencies.map((d) => `- ${d.detail.en}`),
      ...(step.uncertainSources ? ['', 'A source path holds a variable whose value is only known at build time.'] : []),
      ...(build ? ['', `Last build: ${build.en.replace(/^last build: /, '')}.`] : []),
    ].join('\n'),
    ko: [
      `스테이지 ${stage}의 **레이어 ${step.number}**입니다. 아래 항목이 바뀌지 않는 동안 빌더는 캐시를 재사용합니다.`,
      ...dependencies.map((d) => `- ${d.detail.ko}`),
      ...(step.uncertainSources ? ['', '소스 경로에 빌드할 때만 값을 알 수 있는 변수가 있습니다.'] : []),
      ...(build ? ['', `지난 빌드: ${build.ko.replace(/^지난 빌드: /, '')}.`] : []),
    ].join('\n'),
  };
  return { label, tooltip };
}

function otherDependencies(step: LayerStep): Dependency[] {
  const result: Dependency[] = [];
  for (const stage of step.fromStages) {
    const name = stage.name ?? String(stage.index);
    result.push({ label: { en: `stage ${name}`, ko: `스테이지 ${name}` }, detail: { en: `stage \`${name}\` (line ${stage.from.range.start.line + 1})`, ko: `스테이지 \`${name}\`(${stage.from.range.start.line + 1}행)` } });
  }
  for (const image of step.fromImages) result.push({ label: { en: image, ko: image }, detail: { en: `image \`${image}\``, ko: `이미지 \`${image}\`` } });
  if (step.buildArgs.length > 0) {
    const names = step.buildArgs.join(', ');
    result.push({
      label: { en: `build ${step.buildArgs.length === 1 ? 'arg' : 'args'} ${names}`, ko: `빌드 인자 ${names}` },
      detail: { en: `the values of build args ${names} (a RUN sees them as environment)`, ko: `빌드 인자 ${names}의 값(RUN은 이 값을 환경 변수로 받습니다)` },
    });
  }
  const previous = step.previous;
  if (previous) {
    const line = previous.instruction.range.start.line + 1;
    result.push({ label: { en: `layer ${previous.number}`, ko: `레이어 ${previous.number}` }, detail: { en: `layer ${previous.number} (line ${line}) and every instruction above`, ko: `레이어 ${previous.number}(${line}행)과 그 위의 모든 명령` } });
  } else {
    const base = step.stage.baseStage ? `stage ${step.stage.baseStage.name ?? step.stage.baseStage.index}` : step.stage.baseImage;
    const baseKo = step.stage.baseStage ? `스테이지 ${step.stage.baseStage.name ?? step.stage.baseStage.index}` : step.stage.baseImage;
    result.push({ label: { en: base, ko: baseKo }, detail: { en: `the base \`${base}\` and the instructions above`, ko: `베이스 \`${baseKo}\`와 그 위의 명령` } });
  }
  return result;
}

interface SourceFiles {
  count: number;
  /** The source names a folder: files live below it. */
  folder: boolean;
  examples: string[];
}

const sourceCounts = new WeakMap<BuildContext, Map<string, SourceFiles>>();

/** Files of the (already listed, cached) context that a source takes. */
function filesOf(source: string, context: BuildContext): SourceFiles {
  let counts = sourceCounts.get(context);
  if (!counts) {
    counts = new Map();
    sourceCounts.set(context, counts);
  }
  let found = counts.get(source);
  if (!found) {
    found = { count: 0, folder: false, examples: [] };
    for (const file of context.listFiles().files) {
      if (!sourceTakes(source, file)) continue;
      found.count++;
      if (found.examples.length < 5) found.examples.push(file);
      if (file !== source) found.folder = true;
    }
    counts.set(source, found);
  }
  return found;
}

function contextDependency(source: string, context: BuildContext | undefined): Dependency {
  if (source === '') {
    if (!context) return { label: { en: 'any context file', ko: '컨텍스트의 모든 파일' }, detail: { en: 'any file of the build context', ko: '빌드 컨텍스트의 모든 파일' } };
    const { files, truncated } = context.listFiles();
    const count = `${files.length}${truncated ? '+' : ''}`;
    const filter = context.dockerignorePath ? { en: ' (after .dockerignore)', ko: '(.dockerignore 적용 후)' } : { en: ' (no .dockerignore)', ko: '(.dockerignore 없음)' };
    return { label: { en: `any of ${count} context files`, ko: `컨텍스트 파일 ${count}개` }, detail: { en: `any of the ${count} files of the build context${filter.en}`, ko: `빌드 컨텍스트의 파일 ${count}개 중 하나${filter.ko}` } };
  }
  if (!context) return { label: { en: source, ko: source }, detail: { en: `\`${source}\``, ko: `\`${source}\`` } };
  const files = filesOf(source, context);
  const name = files.folder && !/[*?[]/.test(source) ? `${source}/**` : source;
  if (files.count === 0) {
    const ignored = context.isIgnored(source);
    return {
      label: { en: `${name} (${ignored ? 'ignored' : 'missing'})`, ko: `${name}(${ignored ? '제외됨' : '없음'})` },
      detail: ignored
        ? { en: `\`${name}\`: .dockerignore leaves it out, so this COPY fails or copies nothing`, ko: `\`${name}\`: .dockerignore가 제외하므로 이 COPY는 실패하거나 아무것도 복사하지 않습니다` }
        : { en: `\`${name}\`: not found in the build context`, ko: `\`${name}\`: 빌드 컨텍스트에 없습니다` },
    };
  }
  const examples = files.examples.map((f) => `\`${f}\``).join(', ');
  return {
    label: { en: name, ko: name },
    detail: { en: `\`${name}\`: ${files.count} ${files.count === 1 ? 'file' : 'files'} (${examples}${files.count > files.examples.length ? ', …' : ''})`, ko: `\`${name}\`: 파일 ${files.count}개(${examples}${files.count > files.examples.length ? ', …' : ''})` },
  };
}

function buildSuffix(result: InstructionBuildResult): LocalizedText {
  const size = result.sizeBytes !== undefined && result.sizeBytes > 0 ? formatBytes(result.sizeBytes) : undefined;
  switch (result.status) {
    case 'cached':
      return { en: 'last build: cached', ko: '지난 빌드: 캐시 사용' };
    case 'ran': {
      const time = result.durationMs;
      const en = [time === undefined ? undefined : formatDuration(time), size].filter(Boolean).join(', ');
      const ko = [time === undefined ? undefined : formatDuration(time, 'ko'), size].filter(Boolean).join(', ');
      return { en: `last build: ran${en ? ` ${en}` : ''}`, ko: `지난 빌드: 실행${ko ? ` ${ko}` : ''}` };
    }
    case 'failed':
      return { en: 'last build: failed', ko: '지난 빌드: 실패' };
    default:
      return { en: 'last build: did not finish', ko: '지난 빌드: 끝나지 않음' };
  }
}

function joinOr(items: readonly string[]): string {
  if (items.length <= 1) return items.join('');
  return `${items.slice(0, -1).join(', ')} or ${items[items.length - 1]}`;
}

function stageLabel(step: LayerStep): string {
  return `\`${step.stage.name ?? step.stage.index}\``;
}
