// Hover on a flag: its doc on the name; on the value, the doc of the value or key under the cursor
// (`type=cache`, `sharing=locked` inside --mount, `none` for --network, the stage for --from).
import { flagDoc, flagValues, inlineCode, mountDoc, mountKeyDoc, renderRow } from '../../../../core/src/docs';
import type { DockerfileModel } from '../../../../core/src/model';
import { type Flag, flagOf, flagsOf, type Instruction, type Position } from '../../../../core/src/parser';
import type { Language } from '../../../../core/src/engine/language';
import { pick } from '../../../../core/src/engine/localized';
import { flagSyntaxNote } from '../flagSyntaxNote';
import { rangeContains } from '../lspRange';
import type { HoverResult } from './hoverTypes';
import { type DocDetail, docHover } from './docMarkdown';
import { flagFacts } from './hereFacts';
import { imageHover, stageHover } from './referenceHover';

export function flagHover(
  instruction: Instruction,
  flag: Flag,
  position: Position,
  _lines: readonly string[],
  model: DockerfileModel,
  language: Language,
  detail: DocDetail = 'brief',
): HoverResult | undefined {
  if (flag.valueRange && rangeContains(flag.valueRange, position) && !rangeContains(flag.nameRange, position)) {
    const valueHover = flagValueHover(instruction, flag, position, model, language, detail);
    if (valueHover) return valueHover;
  }
  const doc = flagDoc(instruction.keyword, flag.name, language);
  if (doc)
    return {
      markdown: docHover(doc, detail, language, flagFacts(instruction, flag, model, language)),
      range: flag.range,
    };
  const spec = flagOf(instruction.keyword, flag.name);
  if (spec) {
    const markdown = `${inlineCode(`--${flag.name}`)}: ${flagSyntaxNote(instruction.keyword, spec, language)}`;
    return { markdown, range: flag.nameRange };
  }
  const known = flagsOf(instruction.keyword).map((spec) => `\`--${spec.name}\``);
  const keyword = instruction.keyword;
  const flagCode = inlineCode(`--${flag.name}`);
  const knownEn = known.length ? ` ${keyword} accepts ${known.join(', ')}.` : ` ${keyword} takes no flags.`;
  const knownKo = known.length
    ? ` ${keyword}에 쓸 수 있는 플래그: ${known.join(', ')}.`
    : ` ${keyword}에는 플래그가 없습니다.`;
  const markdown = pick(
    {
      en: `${flagCode} is not a flag of ${keyword}.${knownEn}`,
      ko: `${flagCode}은(는) ${keyword}의 플래그가 아닙니다.${knownKo}`,
    },
    language,
  );
  return { markdown, range: flag.nameRange };
}

function flagValueHover(
  instruction: Instruction,
  flag: Flag,
  position: Position,
  model: DockerfileModel,
  language: Language,
  detail: DocDetail,
): HoverResult | undefined {
  const value = flag.value ?? '';
  const kind = flagOf(instruction.keyword, flag.name)?.value;
  if (kind === 'mount') return mountHover(flag, position, model, language, detail);
  if (flag.name === 'from' && flag.valueRange) {
    const stage = model.findStage(value);
    if (stage) return stageHover(stage, flag.valueRange, language);
    return imageHover(value, flag.valueRange, language, undefined, detail);
  }
  const row = flagValues(instruction.keyword, flag.name, language).find((r) => r.names.includes(value));
  if (row && flag.valueRange) return { markdown: renderRow(`--${flag.name}`, row), range: flag.valueRange };
  return undefined;
}

function mountHover(
  flag: Flag,
  position: Position,
  model: DockerfileModel,
  language: Language,
  detail: DocDetail,
): HoverResult | undefined {
  const mount = flag.mount;
  const option = mount?.fields.find((field) => rangeContains(field.range, position));
  if (!mount || !option) return undefined;
  const type = mount.type;
  if (option.key === 'type') {
    const doc = mountDoc(option.value ?? '', language);
    return doc ? { markdown: docHover(doc, detail, language), range: option.range } : undefined;
  }
  if (
    (option.key === 'from' || option.key === 'source') &&
    option.value !== undefined &&
    option.valueRange &&
    rangeContains(option.valueRange, position)
  ) {
    const stage = option.key === 'from' ? model.findStage(option.value) : undefined;
    if (stage) return stageHover(stage, option.valueRange, language);
  }
  const markdown = mountKeyDoc(type, option.key, language);
  return markdown ? { markdown, range: option.range } : undefined;
}
