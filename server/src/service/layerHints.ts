// The layer hint at the end of each layer-making instruction's first line:
// `layer 4 · rebuilt when src/**, package.json or layer 3 change · last build: cached`.
import { type InlayHint, MarkupKind } from 'vscode-languageserver';
import { analyseLayers, type LayerStep, sourceTakes } from '../../../core/src/cache';
import { escapeMarkdown, inlineCode } from '../../../core/src/docs';
import type { BuildContext, ContextListing, EntryKind } from '../../../core/src/context/buildContext';
import type { InstructionBuildResult } from '../../../protocol/src/protocol';
import type { LocalizedText } from '../../../core/src/rules';
import type { BuildResultStore } from './buildResults';
import type { InlayHintProvider, InlayHintRequest } from './inlayHints';
import { formatBytes } from '../../../core/src/byteSize';
import { formatDuration } from '../../../core/src/duration';

/** Shown in the label; the tooltip lists them all. */
const MAX_LABEL_ITEMS = 4;

export function layerHintProvider(buildResults: BuildResultStore): InlayHintProvider {
  return (request) => (request.settings['layerwise.cache.layerHints'] ? layerHints(request, buildResults) : []);
}

function layerHints(
  { document, range, language, buildContext }: InlayHintRequest,
  buildResults: BuildResultStore,
): InlayHint[] {
  const steps = analyseLayers(document.model).steps.filter(
    (s) => s.instruction.range.start.line >= range.start.line && s.instruction.range.start.line <= range.end.line,
  );
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
export function describeLayer(
  step: LayerStep,
  context: BuildContext | undefined,
  result: InstructionBuildResult | undefined,
): { label: LocalizedText; tooltip: LocalizedText } {
  const dependencies = [
    ...step.contextSources.map((source) => contextDependency(source, context)),
    ...otherDependencies(step),
  ];
  const shown = dependencies.slice(0, MAX_LABEL_ITEMS).map((d) => d.label);
  const more = dependencies.length - shown.length;
  const en = shown.map((d) => d.en);
  const ko = shown.map((d) => d.ko);
  if (more > 0) {
    en.push(`${more} more`);
    ko.push(`외 ${more}개`);
  }
  const build = result ? buildSuffix(result) : undefined;
  const changeVerb = dependencies.length === 1 ? 'changes' : 'change';
  const label = {
    en: `layer ${step.number} · rebuilt when ${joinOr(en)} ${changeVerb}${build ? ` · ${build.en}` : ''}`,
    ko: `레이어 ${step.number} · ${ko.join(', ')} 변경 시 다시 빌드${build ? ` · ${build.ko}` : ''}`,
  };
  const stage = stageLabel(step);
  const tooltip = {
    en: [
      `**Layer ${step.number}** of stage ${stage}. The builder reuses it from cache while none of these change:`,
      ...dependencies.map((d) => `- ${d.detail.en}`),
      ...(step.uncertainSources ? ['', 'A source path holds a variable whose value is only known at build time.'] : []),
      ...(build ? ['', `Last build: ${escapeMarkdown(build.en.replace(/^last build: /, ''))}.`] : []),
    ].join('\n'),
    ko: [
      `스테이지 ${stage}의 **레이어 ${step.number}**입니다. 아래 항목이 바뀌지 않는 동안 빌더는 캐시를 재사용합니다.`,
      ...dependencies.map((d) => `- ${d.detail.ko}`),
      ...(step.uncertainSources ? ['', '소스 경로에 빌드할 때만 값을 알 수 있는 변수가 있습니다.'] : []),
      ...(build ? ['', `지난 빌드: ${escapeMarkdown(build.ko.replace(/^지난 빌드: /, ''))}.`] : []),
    ].join('\n'),
  };
  return { label, tooltip };
}

function otherDependencies(step: LayerStep): Dependency[] {
  const result: Dependency[] = [];
  for (const stage of step.fromStages) {
    const name = stage.name ?? String(stage.index);
    result.push({
      label: { en: `stage ${name}`, ko: `스테이지 ${name}` },
      detail: {
        en: `stage ${inlineCode(name)} (line ${stage.from.range.start.line + 1})`,
        ko: `스테이지 ${inlineCode(name)}(${stage.from.range.start.line + 1}행)`,
      },
    });
  }
  for (const image of step.fromImages)
    result.push({
      label: { en: image, ko: image },
      detail: { en: `image ${inlineCode(image)}`, ko: `이미지 ${inlineCode(image)}` },
    });
  if (step.buildArgs.length > 0) {
    const names = step.buildArgs.join(', ');
    result.push({
      label: { en: `build ${step.buildArgs.length === 1 ? 'arg' : 'args'} ${names}`, ko: `빌드 인자 ${names}` },
      detail: {
        en: `the values of build args ${escapeMarkdown(names)} (a RUN sees them as environment)`,
        ko: `빌드 인자 ${escapeMarkdown(names)}의 값(RUN은 이 값을 환경 변수로 받습니다)`,
      },
    });
  }
  const previous = step.previous;
  if (previous) {
    const line = previous.instruction.range.start.line + 1;
    result.push({
      label: { en: `layer ${previous.number}`, ko: `레이어 ${previous.number}` },
      detail: {
        en: `layer ${previous.number} (line ${line}) and every instruction above`,
        ko: `레이어 ${previous.number}(${line}행)과 그 위의 모든 명령`,
      },
    });
  } else {
    const base = step.stage.baseStage
      ? `stage ${step.stage.baseStage.name ?? step.stage.baseStage.index}`
      : step.stage.baseImage;
    const baseKo = step.stage.baseStage
      ? `스테이지 ${step.stage.baseStage.name ?? step.stage.baseStage.index}`
      : step.stage.baseImage;
    result.push({
      label: { en: base, ko: baseKo },
      detail: {
        en: `the base ${inlineCode(base)} and the instructions above`,
        ko: `베이스 ${inlineCode(baseKo)}와 그 위의 명령`,
      },
    });
  }
  return result;
}

interface SourceFiles {
  count: number;
  /** The source names a folder: files live below it. */
  folder: boolean;
  examples: string[];
}

/** Per listing (a new walk makes a new listing), the files each source takes. */
const sourceCounts = new WeakMap<ContextListing, Map<string, SourceFiles>>();

/** Files of the listed context that a source takes. */
function filesOf(source: string, listing: ContextListing): SourceFiles {
  let counts = sourceCounts.get(listing);
  if (!counts) {
    counts = new Map();
    sourceCounts.set(listing, counts);
  }
  let found = counts.get(source);
  if (!found) {
    found = { count: 0, folder: false, examples: [] };
    const takes = taker(source);
    for (const file of listing.files) {
      if (!takes(file)) continue;
      found.count++;
      addExample(found.examples, file);
      if (file !== source) found.folder = true;
    }
    counts.set(source, found);
  }
  return found;
}

/**
 * `sourceTakes` for one source, made cheap for the thousands of files of a listing: a plain path
 * is compared as a string, and a glob without `**` or `[` only sees as many segments as it has.
 */
function taker(source: string): (file: string) => boolean {
  if (!WILDCARD.test(source)) {
    const below = `${source}/`;
    return (file) => file === source || file.startsWith(below);
  }
  if (/\*\*|[[\\]/.test(source)) return (file) => sourceTakes(source, file);
  // Files share their first segments: each distinct prefix is matched once.
  const depth = source.split('/').length;
  const known = new Map<string, boolean>();
  return (file) => {
    const prefix = firstSegments(file, depth);
    let takes = known.get(prefix);
    if (takes === undefined) {
      takes = sourceTakes(source, prefix);
      known.set(prefix, takes);
    }
    return takes;
  };
}

function firstSegments(path: string, count: number): string {
  let end = -1;
  for (let i = 0; i < count; i++) {
    end = path.indexOf('/', end + 1);
    if (end < 0) return path;
  }
  return path.slice(0, end);
}

/** Keeps the 5 first paths in sorted order (the walk lists them in the file system's order). */
function addExample(examples: string[], file: string): void {
  if (examples.length === 5 && file >= examples[4]!) return;
  let at = examples.length;
  while (at > 0 && examples[at - 1]! > file) at--;
  examples.splice(at, 0, file);
  if (examples.length > 5) examples.pop();
}

const WILDCARD = /[*?[\\]/;

function contextDependency(source: string, context: BuildContext | undefined): Dependency {
  if (source === '') {
    if (!context)
      return {
        label: { en: 'any context file', ko: '컨텍스트의 모든 파일' },
        detail: { en: 'any file of the build context', ko: '빌드 컨텍스트의 모든 파일' },
      };
    const filter = context.dockerignorePath
      ? { en: ' (after .dockerignore)', ko: '(.dockerignore 적용 후)' }
      : { en: ' (no .dockerignore)', ko: '(.dockerignore 없음)' };
    const listing = context.listing;
    if (!listing)
      return {
        label: { en: 'any context file', ko: '컨텍스트의 모든 파일' },
        detail: {
          en: `any file of the build context${filter.en}; its files are still being listed`,
          ko: `빌드 컨텍스트의 모든 파일${filter.ko}. 파일 목록을 만드는 중입니다`,
        },
      };
    const count = `${listing.files.length}${listing.truncated || listing.unreadable.length > 0 ? '+' : ''}`;
    return {
      label: { en: `any of ${count} context files`, ko: `컨텍스트 파일 ${count}개` },
      detail: {
        en: `any of the ${count} files of the build context${filter.en}`,
        ko: `빌드 컨텍스트의 파일 ${count}개 중 하나${filter.ko}`,
      },
    };
  }
  if (!context)
    return { label: { en: source, ko: source }, detail: { en: `${inlineCode(source)}`, ko: `${inlineCode(source)}` } };
  const listing = context.listing;
  const literal = !WILDCARD.test(source);
  // Only a stat of this very path, or a complete listing, may say that a source is missing.
  const kind = literal && (!listing || !complete(listing, source)) ? context.kindOf(source) : undefined;
  if (!listing) return unlistedDependency(source, kind, context);
  const files = filesOf(source, listing);
  const name = (files.folder || kind === 'directory') && literal ? `${source}/**` : source;
  if (files.count === 0) {
    if (context.isIgnored(source)) return ignoredDependency(name);
    if (complete(listing, source) || kind === 'absent') return missingDependency(name);
    if (kind === 'file') return oneFile(source);
    return notListedDependency(name, listing);
  }
  const examples = files.examples.map((f) => inlineCode(f)).join(', ');
  const more = files.count > files.examples.length ? ', …' : '';
  const count = `${files.count}${files.folder && !complete(listing, source) ? '+' : ''}`;
  return {
    label: { en: name, ko: name },
    detail: {
      en: `${inlineCode(name)}: ${count} ${count === '1' ? 'file' : 'files'} (${examples}${more})`,
      ko: `${inlineCode(name)}: 파일 ${count}개(${examples}${more})`,
    },
  };
}

/** The listing holds every file a source could take: the walk did not stop early and read every folder on the way. */
function complete(listing: ContextListing, source: string): boolean {
  return (
    !listing.truncated &&
    !listing.unreadable.some(
      (folder) =>
        folder.path === '' ||
        source === folder.path ||
        source.startsWith(`${folder.path}/`) ||
        folder.path.startsWith(`${source}/`),
    )
  );
}

/** While the walk runs: what one stat of the source tells. */
function unlistedDependency(source: string, kind: EntryKind | 'absent' | undefined, context: BuildContext): Dependency {
  if (kind === 'absent') return missingDependency(source);
  if (kind === 'file') {
    return context.isIgnored(source) ? ignoredDependency(source) : oneFile(source);
  }
  if (kind === 'directory') {
    const name = `${source}/**`;
    if (context.isIgnored(source) && !context.dockerignore?.patterns.some((pattern) => pattern.exclusion))
      return ignoredDependency(name);
    return {
      label: { en: name, ko: name },
      detail: {
        en: `${inlineCode(name)}: the files below it (still being listed)`,
        ko: `${inlineCode(name)}: 그 아래의 파일(목록을 만드는 중)`,
      },
    };
  }
  return {
    label: { en: source, ko: source },
    detail: {
      en: `${inlineCode(source)}: files of the build context (still being listed)`,
      ko: `${inlineCode(source)}: 빌드 컨텍스트의 파일(목록을 만드는 중)`,
    },
  };
}

function oneFile(source: string): Dependency {
  return {
    label: { en: source, ko: source },
    detail: {
      en: `${inlineCode(source)}: 1 file (${inlineCode(source)})`,
      ko: `${inlineCode(source)}: 파일 1개(${inlineCode(source)})`,
    },
  };
}

function ignoredDependency(name: string): Dependency {
  return {
    label: { en: `${name} (ignored)`, ko: `${name}(제외됨)` },
    detail: {
      en: `${inlineCode(name)}: .dockerignore leaves it out, so this COPY fails or copies nothing`,
      ko: `${inlineCode(name)}: .dockerignore가 제외하므로 이 COPY는 실패하거나 아무것도 복사하지 않습니다`,
    },
  };
}

function missingDependency(name: string): Dependency {
  return {
    label: { en: `${name} (missing)`, ko: `${name}(없음)` },
    detail: {
      en: `${inlineCode(name)}: not found in the build context`,
      ko: `${inlineCode(name)}: 빌드 컨텍스트에 없습니다`,
    },
  };
}

/** The walk stopped before it (or could not read a folder on the way): nothing is claimed. */
function notListedDependency(name: string, listing: ContextListing): Dependency {
  const why = listing.truncated
    ? {
        en: `the build context is too big to list in full (Layerwise stopped after ${listing.entriesVisited} entries)`,
        ko: `빌드 컨텍스트가 너무 커서 Layerwise가 목록을 끝까지 만들지 않았습니다(항목 ${listing.entriesVisited}개에서 멈춤)`,
      }
    : { en: 'a folder of the build context could not be read', ko: '빌드 컨텍스트의 폴더 하나를 읽지 못했습니다' };
  return {
    label: { en: `${name} (not listed)`, ko: `${name}(목록에 없음)` },
    detail: {
      en: `${inlineCode(name)}: not listed: ${why.en}, so it was not checked`,
      ko: `${inlineCode(name)}: ${why.ko}. 그래서 이 경로는 확인하지 못했습니다(목록에 없음)`,
    },
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
    case 'not-built':
      return { en: 'last build: not built (stage not needed)', ko: '지난 빌드: 빌드 안 함(필요 없는 단계)' };
    default:
      return { en: 'last build: did not finish', ko: '지난 빌드: 끝나지 않음' };
  }
}

function joinOr(items: readonly string[]): string {
  if (items.length <= 1) return items.join('');
  return `${items.slice(0, -1).join(', ')} or ${items[items.length - 1]}`;
}

function stageLabel(step: LayerStep): string {
  return inlineCode(String(step.stage.name ?? step.stage.index));
}
