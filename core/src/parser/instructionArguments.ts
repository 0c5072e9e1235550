// Each instruction's argument structure, following how BuildKit's parser reads it.
import { flagOf, instructionSpec } from './instructionTable';
import type { LogicalText } from './logicalText';
import { readMountValue } from './mountValue';
import type { Instruction, KeyValue, Port, SyntaxProblem, Word } from './syntax';
import {
  extractFlags,
  flagTextOffsets,
  parseJsonStringArray,
  type Span,
  skipSpaces,
  splitOnWhitespace,
  splitShellWords,
  trimEnd,
  unquote,
} from './words';

/** Whether `keyword` (upper case) is an instruction; kept for callers that import it from here. */
export { isKeyword as isKnownKeyword } from './instructionTable';

export interface ArgumentContext {
  logical: LogicalText;
  escape: string;
  problems: SyntaxProblem[];
}

/** Fills flags, args, exec form and the per-keyword fields of `instruction` from text[argsStart, end). */
export function readArguments(
  instruction: Instruction,
  context: ArgumentContext,
  argsStart: number,
  end: number,
  parseTrigger: (keywordStart: number) => Instruction,
): void {
  const { logical } = context;
  const text = logical.text;
  const keyword = instruction.keyword;
  const word = (span: Span, raw = text.slice(span.start, span.end)): Word => ({
    raw,
    value: unquote(raw, context.escape),
    range: logical.range(span.start, span.end),
  });
  const plainWord = (span: Span): Word => {
    const raw = text.slice(span.start, span.end);
    return { raw, value: raw, range: logical.range(span.start, span.end) };
  };

  const { flags, restStart } = extractFlags(text, argsStart, end);
  for (const flag of flags) {
    const equals = flag.text.indexOf('=');
    const name = equals < 0 ? flag.text.slice(2) : flag.text.slice(2, equals);
    // Searched only when the flag has one, so the search stays inside the flag
    // (not to the end of the text for every flag).
    const rawEquals = equals < 0 ? -1 : text.indexOf('=', flag.start);
    const hasRawEquals = equals >= 0 && rawEquals >= 0 && rawEquals < flag.end;
    const value = equals < 0 ? undefined : flag.text.slice(equals + 1);
    const mount =
      value !== undefined && flagOf(keyword, name)?.value === 'mount'
        ? readMountValue(value, flagTextOffsets(text, flag).slice(equals + 1), logical)
        : undefined;
    instruction.flags.push({
      name,
      nameRange: logical.range(flag.start + 2, hasRawEquals ? rawEquals : flag.end),
      value,
      valueRange: hasRawEquals ? logical.range(rawEquals + 1, flag.end) : undefined,
      raw: text.slice(flag.start, flag.end),
      range: logical.range(flag.start, flag.end),
      mount,
    });
  }
  const spec = instructionSpec(keyword);
  const restEnd = trimEnd(text, end, restStart);
  if (restEnd > restStart) instruction.rest = plainWord({ start: restStart, end: restEnd });

  if (restEnd <= restStart) {
    if (spec?.needsArguments) {
      context.problems.push({
        code: 'missing-arguments',
        message: { en: `${keyword} needs at least one argument.`, ko: `${keyword}에는 인자가 하나 이상 필요합니다.` },
        range: instruction.keywordRange,
      });
    }
    return;
  }

  if (spec?.json) {
    const json = parseJsonStringArray(text, restStart, restEnd);
    if (json) {
      instruction.exec = {
        range: logical.range(json.start, json.end),
        strings: json.strings.map((s) => ({ value: s.value, range: logical.range(s.start, s.end) })),
      };
      instruction.args = json.strings.map((s) => ({
        raw: text.slice(s.start, s.end),
        value: s.value,
        range: logical.range(s.start, s.end),
      }));
    } else if (keyword === 'SHELL') {
      context.problems.push({
        code: 'invalid-json',
        message: {
          en: 'SHELL must be written as a JSON array of strings, for example ["/bin/sh", "-c"].',
          ko: 'SHELL은 문자열로 된 JSON 배열로 써야 합니다. 예: ["/bin/sh", "-c"].',
        },
        range: instruction.rest!.range,
      });
    }
  }

  switch (keyword) {
    case 'FROM': {
      instruction.args = splitOnWhitespace(text, restStart, restEnd).map(plainWord);
      const [image, as, name] = instruction.args;
      instruction.image = image;
      if (as) instruction.asKeyword = as;
      if (name) instruction.stageName = name;
      if (instruction.args.length === 2 || instruction.args.length > 3 || (as && as.value.toUpperCase() !== 'AS')) {
        context.problems.push({
          code: 'invalid-from',
          message: {
            en: 'FROM takes an image and optionally "AS <name>": FROM [--platform=...] <image> [AS <name>].',
            ko: 'FROM에는 이미지를 적고, 필요하면 "AS <name>"을 덧붙입니다: FROM [--platform=...] <image> [AS <name>].',
          },
          range: instruction.rest!.range,
        });
      }
      break;
    }
    case 'ARG':
    case 'ENV':
    case 'LABEL':
      instruction.pairs = readPairs(instruction, context, restStart, restEnd, word);
      instruction.args = instruction.pairs.map((pair) => pair.key);
      break;
    case 'EXPOSE':
      {
        const spans = splitOnWhitespace(text, restStart, restEnd);
        instruction.args = spans.map(plainWord);
        instruction.ports = spans.map((span, index) => readPort(span, instruction.args[index]!, logical));
      }
      break;
    case 'COPY':
    case 'ADD':
      if (!instruction.exec) instruction.args = splitOnWhitespace(text, restStart, restEnd).map(plainWord);
      if (instruction.args.length < 2) {
        context.problems.push({
          code: 'missing-arguments',
          message: {
            en: `${keyword} needs at least one source and a destination.`,
            ko: `${keyword}에는 원본이 하나 이상 있어야 하고 마지막에 대상 경로가 있어야 합니다.`,
          },
          range: instruction.rest!.range,
        });
      }
      instruction.sources = instruction.args.slice(0, -1);
      if (instruction.args.length >= 2) instruction.destination = instruction.args[instruction.args.length - 1];
      break;
    case 'VOLUME':
      if (!instruction.exec) instruction.args = splitOnWhitespace(text, restStart, restEnd).map(plainWord);
      break;
    case 'HEALTHCHECK': {
      const [mode] = splitOnWhitespace(text, restStart, restEnd);
      if (!mode) break;
      instruction.healthcheckMode = plainWord(mode);
      const commandStart = skipSpaces(text, mode.end);
      if (commandStart < restEnd) {
        const json = parseJsonStringArray(text, commandStart, restEnd);
        if (json) {
          const strings = json.strings.map((s) => ({
            raw: text.slice(s.start, s.end),
            value: s.value,
            range: logical.range(s.start, s.end),
          }));
          instruction.exec = {
            range: logical.range(json.start, json.end),
            strings: strings.map(({ value, range }) => ({ value, range })),
          };
          instruction.args = [instruction.healthcheckMode, ...strings];
        } else {
          instruction.args = [instruction.healthcheckMode, plainWord({ start: commandStart, end: restEnd })];
        }
      } else instruction.args = [instruction.healthcheckMode];
      break;
    }
    case 'ONBUILD': {
      const trigger = parseTrigger(restStart);
      instruction.trigger = trigger;
      instruction.args = [plainWord({ start: restStart, end: restEnd })];
      if (instructionSpec(trigger.keyword)?.trigger === false) {
        context.problems.push({
          code: 'onbuild-trigger',
          message: {
            en: `${trigger.keyword} is not allowed as an ONBUILD trigger.`,
            ko: `ONBUILD의 트리거로는 ${trigger.keyword} 명령어를 쓸 수 없습니다.`,
          },
          range: trigger.keywordRange,
        });
      }
      break;
    }
    default:
      if (!instruction.exec) instruction.args = [plainWord({ start: restStart, end: restEnd })];
  }
}

function readPairs(
  instruction: Instruction,
  context: ArgumentContext,
  start: number,
  end: number,
  word: (span: Span, raw?: string) => Word,
): KeyValue[] {
  const { logical } = context;
  const text = logical.text;
  const keyword = instruction.keyword;
  const { words, unterminated } = splitShellWords(text, context.escape, start, end);
  if (unterminated) {
    context.problems.push({
      code: 'unterminated-quote',
      message: { en: 'A quote is opened here but never closed.', ko: '여기서 연 따옴표가 닫히지 않았습니다.' },
      range: logical.range(start, end),
    });
  }
  const first = words[0];
  if (!first) return [];
  const firstHasEquals = text.slice(first.start, first.end).includes('=');
  if (keyword !== 'ARG' && !firstHasEquals) {
    // Legacy `ENV key value`: the key is the first word, the value everything after it.
    const [key] = splitOnWhitespace(text, start, end);
    const valueStart = skipSpaces(text, key!.end);
    if (valueStart >= end) {
      const name = text.slice(key!.start, key!.end);
      context.problems.push({
        code: 'invalid-env',
        message: {
          en: `${keyword} ${name} has no value: write ${keyword} name=value.`,
          ko: `${keyword} ${name}: 값이 없습니다. ${keyword} name=value 형식으로 쓰세요.`,
        },
        range: logical.range(start, end),
      });
      return [{ key: word(key!), value: undefined, equals: false, range: logical.range(key!.start, key!.end) }];
    }
    const raw = text.slice(valueStart, end);
    return [
      {
        key: word(key!),
        value: word({ start: valueStart, end }, raw),
        equals: false,
        range: logical.range(start, end),
      },
    ];
  }
  const pairs: KeyValue[] = [];
  for (const span of words) {
    const raw = text.slice(span.start, span.end);
    const equals = raw.indexOf('=');
    if (equals < 0) {
      if (keyword !== 'ARG') {
        context.problems.push({
          code: 'invalid-env',
          message: { en: `"${raw}" is not of the form name=value.`, ko: `name=value 형식이 아닙니다: "${raw}".` },
          range: logical.range(span.start, span.end),
        });
      }
      pairs.push({ key: word(span), value: undefined, equals: false, range: logical.range(span.start, span.end) });
      continue;
    }
    const key = word({ start: span.start, end: span.start + equals });
    const value = word({ start: span.start + equals + 1, end: span.end });
    pairs.push({ key, value, equals: true, range: logical.range(span.start, span.end) });
  }
  return pairs;
}

function readPort(span: Span, raw: Word, logical: LogicalText): Port {
  const slash = raw.raw.indexOf('/');
  if (slash < 0) return { port: raw, protocol: undefined, raw };
  const port = raw.raw.slice(0, slash);
  return {
    port: { raw: port, value: port, range: logical.range(span.start, span.start + slash) },
    protocol: raw.raw.slice(slash + 1),
    raw,
  };
}
