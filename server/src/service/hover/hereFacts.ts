// What an instruction or flag does at this very spot, for the first lines of its hover: the stage
// and resolved base image of a FROM, the shell, folder and user a RUN gets, where a COPY puts its
// files, the values an ENV or ARG sets, the value of a flag. Short facts in both languages.
import { posix } from 'node:path';
import { flagValues, inlineCode, type TableRow } from '../../../../core/src/docs';
import {
  type DockerfileModel,
  expandValue,
  parseCheckOptions,
  type Stage,
  type WorkdirChain,
} from '../../../../core/src/model';
import type { Directive, Flag, Instruction, Word } from '../../../../core/src/parser';
import type { Language } from '../../../../core/src/engine/language';
import { lineLabel, type Localized, pick } from '../../../../core/src/engine/localized';
import type { HereFacts } from './docMarkdown';
import { imageFactsSummary, runCommandLine } from './imageFactsHover';

const MAX_VALUE = 60;
const MAX_ITEMS = 4;

/** Inline code for a value, shortened and safe for backticks inside. */
function codeSpan(text: string): string {
  const short = text.length > MAX_VALUE ? `${text.slice(0, MAX_VALUE - 1)}…` : text;
  // A fence longer than any backtick run in the value, line breaks shown as spaces.
  return inlineCode(short);
}

/** The first few items and how many more there are. */
function firstItems(items: string[], language: Language): string[] {
  if (items.length <= MAX_ITEMS) return items;
  return [
    ...items.slice(0, MAX_ITEMS),
    pick({ en: `${items.length - MAX_ITEMS} more`, ko: `그 밖에 ${items.length - MAX_ITEMS}개` }, language),
  ];
}

/** A word's value with the builder's variables expanded where this Dockerfile knows them. */
function expanded(model: DockerfileModel, instruction: Instruction, raw: string, value: string): string {
  if (!raw.includes('$')) return value;
  // Name by name, as `model.scopeBefore` would see them: a stage's instruction in the stage, a FROM
  // or global ARG among the global ARGs (a map of those few).
  const stage = instruction.keyword === 'FROM' ? undefined : model.stageOf(instruction);
  const global = stage ? undefined : model.scopeBefore(instruction);
  const lookup = (name: string): string | undefined =>
    (stage ? stage.lookup(name, instruction) : global?.get(name))?.value;
  return expandValue(raw, lookup, model.tree.escapeChar) ?? value;
}

const isAbsolute = (path: string): boolean => path.startsWith('/') || /^[A-Za-z]:[\\/]/.test(path);

/** The settings an instruction runs with that earlier instructions of its stage (and the stages it builds on) set. */
interface StageSettings {
  /** `line` is FROM_IMAGE when the base image's config sets it (no instruction here does). */
  workdir: { path: string; line: number } | undefined;
  user: { value: string; line: number } | undefined;
  shell: { words: readonly string[]; line: number } | undefined;
  entrypoint: Instruction | undefined;
}

type Workdir = StageSettings['workdir'];

/** The line of a setting that comes from the base image's config. */
const FROM_IMAGE = -1;

/**
 * What each WORKDIR link leaves, per model version. Per version, not per link alone: a link outlives
 * an edit of the ARG its path uses when its stage hands down the same state (stageState.ts).
 */
const workdirsByModel = new WeakMap<DockerfileModel, WeakMap<WorkdirChain, Workdir>>();

/**
 * The working directory the newest WORKDIR of `chain` leaves. A relative WORKDIR builds on the one
 * before, and an absolute one (or one known only at build time) on none: so only the WORKDIRs
 * back to the newest such one (or to one already worked out) count, not the whole chain of
 * stages (`FROM` one stage after another).
 */
function workdirIn(chain: WorkdirChain | undefined, model: DockerfileModel, imageWorkdir: string): Workdir {
  let known = workdirsByModel.get(model);
  if (!known) {
    known = new WeakMap();
    workdirsByModel.set(model, known);
  }
  const relative: { link: WorkdirChain; path: string; line: number }[] = [];
  // The base image's WORKDIR, unless a WORKDIR of the chain (or one worked out before) stands in for it.
  let workdir: Workdir = imageWorkdir ? { path: imageWorkdir, line: FROM_IMAGE } : undefined;
  for (let link = chain; link; link = link.previous) {
    if (known.has(link)) {
      workdir = known.get(link);
      break;
    }
    const word = link.instruction.args[0];
    const path = word ? expanded(model, link.instruction, word.raw, word.value) : undefined;
    const line = link.instruction.range.start.line;
    if (path !== undefined && (isAbsolute(path) || path.includes('$'))) {
      workdir = { path, line };
      known.set(link, workdir);
      break;
    }
    relative.push({ link, path: path ?? '', line });
  }
  // Oldest first; a relative one without a known base stays unknown, and so do the ones after it.
  // A WORKDIR without a word (`path` empty) changes nothing.
  for (const { link, path, line } of relative.reverse()) {
    if (link.instruction.args[0]) {
      const base = workdir?.path;
      workdir = base && !base.includes('$') ? { path: posix.join(base, path), line } : undefined;
    }
    known.set(link, workdir);
  }
  return workdir;
}

/** What the model says is in effect just before `instruction` (in its stage and the stages it builds on). */
function settingsBefore(instruction: Instruction, model: DockerfileModel): StageSettings {
  const settings: StageSettings = { workdir: undefined, user: undefined, shell: undefined, entrypoint: undefined };
  const stage = model.stageOf(instruction);
  if (!stage) return settings;
  const state = stage.before(instruction);
  settings.workdir = workdirIn(state.workdirs, model, state.image?.workdir ?? '');
  const user = state.userSetBy;
  if (user?.args[0])
    settings.user = { value: expanded(model, user, user.args[0].raw, user.args[0].value), line: user.range.start.line };
  else if (state.image?.user) settings.user = { value: state.image.user, line: FROM_IMAGE };
  const shell = state.shellSetBy;
  if (shell?.exec) settings.shell = { words: shell.exec.strings.map((s) => s.value), line: shell.range.start.line };
  else if (state.image?.shell?.length) settings.shell = { words: state.image.shell, line: FROM_IMAGE };
  settings.entrypoint = state.entrypointSetBy;
  return settings;
}

const DEFAULT_SHELL = ['/bin/sh', '-c'];

function shellFact(settings: StageSettings, language: Language): string {
  const shell = codeSpan((settings.shell?.words ?? DEFAULT_SHELL).join(' '));
  const from = settings.shell ? fromImageNote(settings.shell.line, language) : '';
  return pick({ en: `shell form, run by ${shell}${from}`, ko: `셸 형식, 실행 셸 ${shell}${from}` }, language);
}

const fromImageNote = (line: number, language: Language): string =>
  line === FROM_IMAGE ? pick({ en: ' (from the base image)', ko: '(베이스 이미지 설정)' }, language) : '';

function workdirFact(settings: StageSettings, language: Language): string[] {
  const workdir = settings.workdir;
  if (!workdir) return [];
  const path = codeSpan(workdir.path);
  const note = fromImageNote(workdir.line, language);
  return [pick({ en: `working directory ${path}${note}`, ko: `작업 디렉터리 ${path}${note}` }, language)];
}

function userFact(settings: StageSettings, language: Language): string[] {
  const user = settings.user;
  if (!user) return [];
  const value = codeSpan(user.value);
  const note = fromImageNote(user.line, language);
  return [pick({ en: `user ${value}${note}`, ko: `사용자 ${value}${note}` }, language)];
}

const stageLabel = (stage: Stage, language: Language): string =>
  stage.name
    ? pick(
        {
          en: `stage ${codeSpan(stage.name)} (${lineLabel(stage.from.range.start.line, language)})`,
          ko: `${codeSpan(stage.name)} 스테이지(${lineLabel(stage.from.range.start.line, language)})`,
        },
        language,
      )
    : pick(
        {
          en: `stage ${stage.index} (${lineLabel(stage.from.range.start.line, language)})`,
          ko: `${stage.index}번 스테이지(${lineLabel(stage.from.range.start.line, language)})`,
        },
        language,
      );

/** Facts for the hover on an instruction's keyword. */
export function instructionFacts(instruction: Instruction, model: DockerfileModel, language: Language): HereFacts {
  const t = (text: Localized): string => pick(text, language);
  switch (instruction.keyword) {
    case 'FROM':
      return fromFacts(instruction, model, language);
    case 'RUN': {
      const settings = settingsBefore(instruction, model);
      const form = instruction.exec
        ? t({ en: 'exec form: runs without a shell', ko: 'exec 형식: 셸 없이 바로 실행' })
        : shellFact(settings, language);
      return [form, ...workdirFact(settings, language), ...userFact(settings, language)];
    }
    case 'CMD':
    case 'ENTRYPOINT':
      return startFacts(instruction, model, language);
    case 'COPY':
    case 'ADD':
      return copyFacts(instruction, model, language);
    case 'ENV':
    case 'LABEL': {
      const pairs = (instruction.pairs ?? []).map((pair) => {
        const value = pair.value
          ? instruction.keyword === 'ENV'
            ? expanded(model, instruction, pair.value.raw, pair.value.value)
            : pair.value.value
          : '';
        return `${codeSpan(pair.key.value)} = ${value === '' ? t({ en: 'empty', ko: '빈 값' }) : codeSpan(value)}`;
      });
      if (instruction.keyword === 'ENV' && pairs.length)
        pairs.push(t({ en: 'also set in every container', ko: '모든 컨테이너에도 설정' }));
      return firstItems(pairs, language);
    }
    case 'ARG':
      return argFacts(instruction, model, language);
    case 'EXPOSE': {
      const facts = (instruction.ports ?? []).map((port) => {
        const protocol = port.protocol?.toLowerCase() ?? 'tcp';
        const text = `${port.port.value}/${protocol}`;
        if (port.port.value.includes('$')) return codeSpan(text);
        const publish = codeSpan(
          `docker run -p ${port.port.value}:${port.port.value}${protocol === 'tcp' ? '' : `/${protocol}`}`,
        );
        return t({
          en: `port ${codeSpan(text)}, published with ${publish}`,
          ko: `포트 ${codeSpan(text)}, 포트 공개는 ${publish}`,
        });
      });
      // Ports the base image's config already exposes stay exposed: EXPOSE adds to them.
      const inherited = model.stageOf(instruction)?.before(instruction).image?.exposedPorts ?? [];
      if (inherited.length) {
        const ports = inherited.map((port) => codeSpan(port)).join(', ');
        facts.push(t({ en: `the base image also exposes ${ports}`, ko: `베이스 이미지도 ${ports} 포트를 엶` }));
      }
      return firstItems(facts, language);
    }
    case 'VOLUME': {
      const paths = instruction.exec
        ? instruction.exec.strings.map((s) => s.value)
        : instruction.args.map((a) => a.value);
      return firstItems(
        paths.map((path) => t({ en: `mount point ${codeSpan(path)}`, ko: `마운트 지점 ${codeSpan(path)}` })),
        language,
      );
    }
    case 'USER': {
      const word = instruction.args[0];
      if (!word) return [];
      const [user = '', group] = expanded(model, instruction, word.raw, word.value).split(':');
      const facts = [t({ en: `user ${codeSpan(user)}`, ko: `사용자 ${codeSpan(user)}` })];
      if (group) facts.push(t({ en: `group ${codeSpan(group)}`, ko: `그룹 ${codeSpan(group)}` }));
      return facts;
    }
    case 'WORKDIR': {
      const word = instruction.args[0];
      if (!word) return [];
      const path = expanded(model, instruction, word.raw, word.value);
      const before = settingsBefore(instruction, model).workdir?.path;
      if (isAbsolute(path) || path.includes('$'))
        return [t({ en: `working directory ${codeSpan(path)}`, ko: `작업 디렉터리 ${codeSpan(path)}` })];
      if (before && !before.includes('$')) {
        const joined = codeSpan(posix.join(before, path));
        return [
          t({
            en: `working directory ${joined} (relative to ${codeSpan(before)})`,
            ko: `작업 디렉터리 ${joined}(${codeSpan(before)} 기준)`,
          }),
        ];
      }
      return [
        t({
          en: `${codeSpan(path)}, relative to the base image's working directory`,
          ko: `${codeSpan(path)}: 베이스 이미지의 작업 디렉터리 기준`,
        }),
      ];
    }
    case 'SHELL': {
      const words = instruction.exec?.strings.map((s) => s.value);
      return words
        ? [
            t({
              en: `later shell-form instructions run with ${codeSpan(words.join(' '))}`,
              ko: `이후 셸 형식 명령의 실행 셸 ${codeSpan(words.join(' '))}`,
            }),
          ]
        : [];
    }
    case 'STOPSIGNAL': {
      const signal = instruction.args[0];
      return signal
        ? [
            t({
              en: `\`docker stop\` sends ${codeSpan(signal.value)}`,
              ko: `\`docker stop\`이 보내는 시그널 ${codeSpan(signal.value)}`,
            }),
          ]
        : [];
    }
    case 'HEALTHCHECK':
      return healthcheckFacts(instruction, language);
    case 'ONBUILD': {
      const trigger = instruction.trigger;
      return trigger
        ? [
            t({
              en: `stored trigger ${codeSpan(`${trigger.keyword} ${trigger.argsText}`)}`,
              ko: `저장되는 트리거 ${codeSpan(`${trigger.keyword} ${trigger.argsText}`)}`,
            }),
          ]
        : [];
    }
    case 'MAINTAINER':
      return instruction.argsText
        ? [t({ en: `author ${codeSpan(instruction.argsText)}`, ko: `작성자 ${codeSpan(instruction.argsText)}` })]
        : [];
    default:
      return [];
  }
}

function fromFacts(instruction: Instruction, model: DockerfileModel, language: Language): HereFacts {
  const t = (text: Localized): string => pick(text, language);
  const stage = model.stageOf(instruction);
  if (!stage) return [];
  const facts = [
    stage.name
      ? t({
          en: `stage ${codeSpan(stage.name)} (index ${stage.index})`,
          ko: `${codeSpan(stage.name)} 스테이지(인덱스 ${stage.index})`,
        })
      : t({ en: `stage index ${stage.index}`, ko: `인덱스 ${stage.index} 스테이지` }),
  ];
  if (stage.baseStage) {
    facts.push(
      t({
        en: `builds on ${stageLabel(stage.baseStage, language)}`,
        ko: `앞선 ${stageLabel(stage.baseStage, language)}에서 이어서 빌드`,
      }),
    );
  } else if (stage.resolvedBaseImage !== undefined) {
    const written =
      stage.resolvedBaseImage === stage.baseImage
        ? ''
        : t({ en: ` (written ${codeSpan(stage.baseImage)})`, ko: `(작성된 형태 ${codeSpan(stage.baseImage)})` });
    facts.push(`${t({ en: 'base image', ko: '베이스 이미지' })} ${codeSpan(stage.resolvedBaseImage)}${written}`);
  } else {
    facts.push(
      t({
        en: `base image ${codeSpan(stage.baseImage)}, known only when you build (\`--build-arg\`)`,
        ko: `베이스 이미지 ${codeSpan(stage.baseImage)}: 빌드할 때 정해짐(\`--build-arg\`)`,
      }),
    );
  }
  if (stage === model.stages[model.stages.length - 1])
    facts.push(t({ en: 'last stage: the one that becomes the image', ko: '마지막 스테이지: 이미지가 되는 스테이지' }));
  const image = stage.baseStage ? undefined : stage.inherited.image;
  if (image) facts.push(imageFactsSummary(image, language));
  return facts;
}

function startFacts(instruction: Instruction, model: DockerfileModel, language: Language): HereFacts {
  const t = (text: Localized): string => pick(text, language);
  const settings = settingsBefore(instruction, model);
  const facts: string[] = [];
  const program = instruction.exec?.strings[0]?.value;
  const stage = model.stageOf(instruction);
  const sameStage = stage?.instructions ?? [];
  // ENTRYPOINT set anywhere in the stage (or in a stage it builds on) takes CMD as its arguments.
  const entrypoint =
    instruction.keyword === 'CMD'
      ? ([...sameStage].reverse().find((i) => i.keyword === 'ENTRYPOINT') ?? settings.entrypoint)
      : undefined;
  if (entrypoint && !entrypoint.exec) {
    const entrypointLine = lineLabel(entrypoint.range.start.line, language);
    facts.push(
      t({
        en: `ignored: the shell-form ENTRYPOINT on ${entrypointLine} does not take CMD`,
        ko: `무시됨: ${entrypointLine}의 셸 형식 ENTRYPOINT는 CMD를 받지 않습니다`,
      }),
    );
  } else if (entrypoint) {
    facts.push(
      t({
        en: `arguments for the ENTRYPOINT on ${lineLabel(entrypoint.range.start.line, language)}`,
        ko: `${lineLabel(entrypoint.range.start.line, language)} ENTRYPOINT의 인자`,
      }),
    );
  } else if (instruction.exec) {
    if (program !== undefined)
      facts.push(
        t({
          en: `exec form: ${codeSpan(program)} runs as PID 1`,
          ko: `exec 형식: ${codeSpan(program)} 프로그램이 PID 1`,
        }),
      );
  } else {
    facts.push(shellFact(settings, language));
  }
  if (instruction.keyword === 'ENTRYPOINT' && instruction.exec) {
    const cmd = [...sameStage].reverse().find((i) => i.keyword === 'CMD');
    if (cmd)
      facts.push(
        t({
          en: `default arguments from the CMD on ${lineLabel(cmd.range.start.line, language)}`,
          ko: `기본 인자는 ${lineLabel(cmd.range.start.line, language)}의 CMD`,
        }),
      );
  }
  const index = sameStage.indexOf(instruction);
  const later = sameStage.slice(index + 1).find((i) => i.keyword === instruction.keyword);
  if (later)
    facts.push(
      t({
        en: `replaced by the ${later.keyword} on ${lineLabel(later.range.start.line, language)}`,
        ko: `${lineLabel(later.range.start.line, language)}의 ${later.keyword}가 대신 적용됨`,
      }),
    );
  facts.push(...workdirFact(settings, language), ...userFact(settings, language));
  // What the image this stage makes runs, once the whole stage is read (a CMD after an ENTRYPOINT counts).
  const run = stage && !later ? runCommandLine(stage.handsDown, model, language) : undefined;
  if (run) facts.push(run);
  return facts;
}

const REMOTE = /^[a-z][a-z0-9+.-]*:\/\//i;
/**
 * `git@...`, `git://...`, or `.git` at the end or before a `#ref` (without a line break): what
 * `/(^git@|\.git(#.*)?$|^git:\/\/)/` matches, without retrying `.*` from every `.git#`
 * (quadratic on a long source of them).
 */
function isGitSource(value: string): boolean {
  if (value.startsWith('git@') || value.startsWith('git://') || value.endsWith('.git')) return true;
  const ref = value.lastIndexOf('.git#');
  return ref >= 0 && !/[\n\r\u2028\u2029]/.test(value.slice(ref + 5));
}
const ARCHIVE = /\.(tar|tgz|tar\.gz|tar\.bz2|tbz2?|tar\.xz|txz|tar\.zst)$/i;

function copyFacts(instruction: Instruction, model: DockerfileModel, language: Language): HereFacts {
  const t = (text: Localized): string => pick(text, language);
  const facts: string[] = [];
  const from = instruction.flags.find((f) => f.name === 'from')?.value;
  const sources = instruction.sources ?? [];
  if (from) {
    const stage = model.findStage(from);
    facts.push(
      stage
        ? t({ en: `from ${stageLabel(stage, language)}`, ko: `${stageLabel(stage, language)}에서 복사` })
        : t({ en: `from the image ${codeSpan(from)}`, ko: `이미지 ${codeSpan(from)}에서 복사` }),
    );
  } else if (instruction.keyword === 'ADD') {
    const kinds = sources.map((source) => {
      const value = source.value;
      if (isGitSource(value)) return t({ en: `clones ${codeSpan(value)}`, ko: `Git 저장소 클론 ${codeSpan(value)}` });
      if (REMOTE.test(value)) return t({ en: `downloads ${codeSpan(value)}`, ko: `내려받기 ${codeSpan(value)}` });
      if (ARCHIVE.test(value))
        return t({
          en: `unpacks ${codeSpan(value)} (a tar archive)`,
          ko: `tar 아카이브 ${codeSpan(value)} 풀어서 넣기`,
        });
      return t({
        en: `copies ${codeSpan(value)} from the build context`,
        ko: `빌드 컨텍스트의 ${codeSpan(value)} 복사`,
      });
    });
    facts.push(...firstItems(kinds, language));
  } else if (sources.length) {
    facts.push(t({ en: 'from the build context', ko: '빌드 컨텍스트에서 복사' }));
  }
  const destination = instruction.destination;
  if (destination) facts.push(destinationFact(instruction, destination, model, language));
  return facts;
}

function destinationFact(
  instruction: Instruction,
  destination: Word,
  model: DockerfileModel,
  language: Language,
): string {
  const t = (text: Localized): string => pick(text, language);
  const path = expanded(model, instruction, destination.raw, destination.value);
  if (isAbsolute(path) || path.includes('$'))
    return t({ en: `destination ${codeSpan(path)}`, ko: `대상 ${codeSpan(path)}` });
  const workdir = settingsBefore(instruction, model).workdir?.path;
  if (workdir && !workdir.includes('$')) {
    const joined = posix.join(workdir, path) + (path.endsWith('/') || path === '.' ? '/' : '');
    return t({
      en: `destination ${codeSpan(joined.replace(/\/+$/, '/'))} (${codeSpan(path)} in WORKDIR ${codeSpan(workdir)})`,
      ko: `대상 ${codeSpan(joined.replace(/\/+$/, '/'))}(WORKDIR ${codeSpan(workdir)} 기준 ${codeSpan(path)})`,
    });
  }
  return t({
    en: `destination ${codeSpan(path)}, relative to the base image's working directory`,
    ko: `대상 ${codeSpan(path)}: 베이스 이미지의 작업 디렉터리 기준`,
  });
}

function argFacts(instruction: Instruction, model: DockerfileModel, language: Language): HereFacts {
  const t = (text: Localized): string => pick(text, language);
  const facts = (instruction.pairs ?? []).map((pair) => {
    const definition = model.definitions.find((d) => d.instruction === instruction && d.pair === pair);
    const name = codeSpan(pair.key.value);
    if (definition?.redeclares?.instruction) {
      const value = definition.value === undefined ? '' : ` ${codeSpan(definition.value)}`;
      const globalArgLine = lineLabel(definition.redeclares.instruction.range.start.line, language);
      return t({
        en: `${name} takes the global ARG on ${globalArgLine}${value}`,
        ko: `${name}: ${globalArgLine} 전역 ARG의 값${value}`,
      });
    }
    if (pair.value)
      return t({
        en: `${name} defaults to ${codeSpan(pair.value.value)}`,
        ko: `${name} 기본값 ${codeSpan(pair.value.value)}`,
      });
    return t({
      en: `${name} has no default: empty unless passed with \`--build-arg\``,
      ko: `${name}: 기본값 없음(\`--build-arg\`로 넘기지 않으면 빈 문자열)`,
    });
  });
  const shown = firstItems(facts, language);
  if (!model.stageOf(instruction) && shown.length)
    shown.push(
      t({
        en: 'global: usable in FROM lines; repeat `ARG NAME` in a stage to use it there',
        ko: '전역: FROM 줄에서 사용. 스테이지 안에서는 `ARG 이름`으로 다시 선언',
      }),
    );
  return shown;
}

/** HEALTHCHECK options and their defaults (Dockerfile reference). */
const HEALTHCHECK_OPTIONS: readonly [flag: string, fallback: string, label: Localized][] = [
  ['interval', '30s', { en: 'every', ko: '검사 간격' }],
  ['timeout', '30s', { en: 'timeout', ko: '제한 시간' }],
  ['start-period', '0s', { en: 'start period', ko: '시작 유예' }],
  ['retries', '3', { en: 'failures before unhealthy', ko: 'unhealthy까지 연속 실패' }],
];

function healthcheckFacts(instruction: Instruction, language: Language): HereFacts {
  const mode = instruction.healthcheckMode?.value.toUpperCase();
  if (mode === 'NONE')
    return [
      pick(
        {
          en: 'turns off the health check inherited from the base image',
          ko: '베이스 이미지에서 물려받은 헬스체크 끄기',
        },
        language,
      ),
    ];
  if (mode !== 'CMD') return [];
  return HEALTHCHECK_OPTIONS.map(([name, fallback, label]) => {
    const value = instruction.flags.find((f) => f.name === name)?.value;
    return value
      ? `${pick(label, language)} ${codeSpan(value)}`
      : `${pick(label, language)} ${codeSpan(fallback)} ${pick({ en: '(default)', ko: '(기본값)' }, language)}`;
  });
}

/** The documented value of a flag, as a table row of its doc (`none` for `--network`). */
function valueRow(instruction: Instruction, flag: Flag, value: string, language: Language): TableRow | undefined {
  return flagValues(instruction.keyword, flag.name, language).find((row) => row.names.includes(value));
}

/** Facts for the hover on a flag's name: its value here and what that value means. */
export function flagFacts(instruction: Instruction, flag: Flag, model: DockerfileModel, language: Language): HereFacts {
  const t = (text: Localized): string => pick(text, language);
  if (flag.value === undefined) return [codeSpan(`--${flag.name}`), t({ en: 'on', ko: '켜짐' })];
  const value = expanded(model, instruction, flag.raw.slice(flag.raw.indexOf('=') + 1), flag.value);
  const facts = [codeSpan(flag.raw)];
  if (value !== flag.value) facts.push(t({ en: `value ${codeSpan(value)}`, ko: `값 ${codeSpan(value)}` }));
  if (flag.name === 'from' && instruction.keyword !== 'FROM') {
    const stage = model.findStage(value);
    facts.push(
      stage
        ? t({ en: `copies from ${stageLabel(stage, language)}`, ko: `${stageLabel(stage, language)}에서 복사` })
        : t({ en: `copies from the image ${codeSpan(value)}`, ko: `이미지 ${codeSpan(value)}에서 복사` }),
    );
  } else if (flag.name === 'mount' && instruction.keyword === 'RUN') {
    const type = flag.mount?.type ?? 'bind';
    const target = flag.mount?.target?.value;
    facts.push(
      target
        ? t({
            en: `a ${codeSpan(type)} mount at ${codeSpan(target)}`,
            ko: `${codeSpan(type)} 마운트, 마운트 위치 ${codeSpan(target)}`,
          })
        : t({ en: `a ${codeSpan(type)} mount`, ko: `${codeSpan(type)} 마운트` }),
    );
  } else if (instruction.keyword === 'HEALTHCHECK') {
    const option = HEALTHCHECK_OPTIONS.find(([name]) => name === flag.name);
    const fallback = option?.[1] ?? (flag.name === 'start-interval' ? '5s' : undefined);
    if (fallback) facts.push(t({ en: `default ${codeSpan(fallback)}`, ko: `기본값 ${codeSpan(fallback)}` }));
  } else {
    const row = valueRow(instruction, flag, value, language);
    if (row?.cells[0]) facts.push(`${codeSpan(value)}: ${row.cells[0]}`);
  }
  return facts;
}

/** Facts for the hover on a parser directive: the frontend, the escape character, the checks skipped. */
export function directiveFacts(directive: Directive, language: Language): HereFacts {
  const t = (text: Localized): string => pick(text, language);
  const value = directive.value.trim();
  switch (directive.name) {
    case 'syntax':
      return [t({ en: `frontend image ${codeSpan(value)}`, ko: `프론트엔드 이미지 ${codeSpan(value)}` })];
    case 'escape':
      return [t({ en: `escape character ${codeSpan(value)}`, ko: `이스케이프 문자 ${codeSpan(value)}` })];
    case 'check': {
      const parsed = parseCheckOptions(value).options;
      if (!parsed) return [codeSpan(value)];
      const facts: string[] = [];
      if (parsed.skipAll) facts.push(t({ en: 'skips every check', ko: '모든 빌드 체크 건너뜀' }));
      else if (parsed.skip.size)
        facts.push(
          t({
            en: `skips ${[...parsed.skip].map(codeSpan).join(', ')}`,
            ko: `건너뛰는 빌드 체크 ${[...parsed.skip].map(codeSpan).join(', ')}`,
          }),
        );
      if (parsed.error) facts.push(t({ en: 'a check that fails stops the build', ko: '빌드 체크에 걸리면 빌드 실패' }));
      return facts.length ? facts : [codeSpan(value)];
    }
  }
}
