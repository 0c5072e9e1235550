// RUN --mount=<key=value,...>: the mount types and keys the builder accepts, read in order as
// it reads them (a key that depends on the type must come after `type=`).
import type { Flag, MountField } from '../../parser';
import type { InstructionRule, LocalizedText } from '../rule';
import { suggestName } from '../suggest';
import { hasVariable, referenceDocs, text } from '../support';
import { defineMessages } from '../messages';

const messages = defineMessages({
  notKeyValue: {
    en: (p: { field: string }) => `"${p.field}" must be written as key=value.`,
    ko: (p) => `"${p.field}"는 key=value 형태로 써야 합니다.`,
  },
  /** `typeGiven`: type= came before required=, so the type is really the one meant. */
  requiredNotAllowed: {
    en: (p: { type: string; typeGiven: boolean }) =>
      `required only applies to secret and ssh mounts, not ${p.type}${p.typeGiven ? '' : ' (put type= first)'}.`,
    ko: (p) =>
      `required는 secret과 ssh 마운트에만 쓸 수 있고 ${p.type}에는 쓸 수 없습니다` +
      `${p.typeGiven ? '' : ' (type=을 먼저 씁니다)'}.`,
  },
  /** `guess`: the known key the unknown one most looks like, if any. */
  unknownKey: {
    en: (p: { key: string; guess: string | undefined }) =>
      `--mount has no key "${p.key}"${p.guess ? ` (did you mean ${p.guess}?)` : ''}.`,
    ko: (p) => `--mount에는 "${p.key}" 키가 없습니다${p.guess ? ` (${p.guess}을(를) 뜻했나요?)` : ''}.`,
  },
  variableInFrom: {
    en: () => 'from= cannot use variables; define a stage alias (FROM <image> AS <name>) and name it instead.',
    ko: () => 'from=에는 변수를 쓸 수 없습니다. FROM <이미지> AS <이름>으로 별칭 스테이지를 만들고 그 이름을 씁니다.',
  },
  unknownType: {
    en: (p: { value: string; types: string }) => `Unknown mount type "${p.value}"; use one of ${p.types}.`,
    ko: (p) => `"${p.value}"는 알 수 없는 마운트 종류입니다. ${p.types} 중 하나를 씁니다.`,
  },
  notABoolean: {
    en: (p: { key: string; value: string }) => `${p.key}=${p.value} is not true or false.`,
    ko: (p) => `${p.key}=${p.value}는 true나 false가 아닙니다.`,
  },
  sizeNotAllowed: {
    en: (p: { type: string }) => `size only applies to tmpfs mounts, not ${p.type}.`,
    ko: (p) => `size는 tmpfs 마운트에만 쓸 수 있고 ${p.type}에는 쓸 수 없습니다.`,
  },
  invalidSize: {
    en: (p: { value: string }) => `size=${p.value} is not a size such as 64m or 1g.`,
    ko: (p) => `size=${p.value}는 64m, 1g 같은 크기 값이 아닙니다.`,
  },
  invalidSharing: {
    en: (p: { value: string; modes: string }) => `sharing=${p.value} is not one of ${p.modes}.`,
    ko: (p) => `sharing=${p.value}는 ${p.modes} 중 하나가 아닙니다.`,
  },
  invalidMode: {
    en: (p: { value: string }) => `mode=${p.value} is not an octal file mode such as 0755.`,
    ko: (p) => `mode=${p.value}는 0755 같은 8진수 권한 값이 아닙니다.`,
  },
  notANumericId: {
    en: (p: { key: string; value: string }) => `${p.key}=${p.value} is not a numeric ID.`,
    ko: (p) => `${p.key}=${p.value}는 숫자 ID가 아닙니다.`,
  },
  keyNotAllowed: {
    en: (p: { key: string; type: string }) =>
      `${p.key} is not allowed on ${p.type} mounts (only cache, secret and ssh).`,
    ko: (p) => `${p.key}는 ${p.type} 마운트에 쓸 수 없습니다 (cache, secret, ssh에서만 가능합니다).`,
  },
  sharingNotAllowed: {
    en: (p: { type: string }) => `sharing only applies to cache mounts, not ${p.type}.`,
    ko: (p) => `sharing은 cache 마운트에만 쓸 수 있고 ${p.type}에는 쓸 수 없습니다.`,
  },
  secretWithFrom: {
    en: () => 'A secret mount cannot have from=.',
    ko: () => 'secret 마운트에는 from=을 쓸 수 없습니다.',
  },
  secretWithoutId: {
    en: () => 'A secret mount needs id=, source= or target=.',
    ko: () => 'secret 마운트에는 id=, source=, target= 중 하나가 필요합니다.',
  },
  secretSourceAndId: {
    en: () => 'A secret mount takes source= or id=, not both.',
    ko: () => 'secret 마운트에는 source=와 id= 중 하나만 씁니다.',
  },
});

const TYPES = ['bind', 'cache', 'tmpfs', 'secret', 'ssh'];
const SHARING = ['shared', 'private', 'locked'];
const KEYS = [
  'type',
  'from',
  'source',
  'src',
  'target',
  'dst',
  'destination',
  'readonly',
  'ro',
  'readwrite',
  'rw',
  'id',
  'sharing',
  'required',
  'size',
  'mode',
  'uid',
  'gid',
  'env',
];
const BOOLEAN = /^(1|t|T|TRUE|true|True|0|f|F|FALSE|false|False)$/;
const SIZE = /^\d+(\.\d+)?\s*([kKmMgGtTpP][iI]?)?[bB]?$/;

/** What is wrong with the fields of one --mount value, or undefined when the builder accepts them. */
function mountProblem(fields: readonly Pick<MountField, 'text' | 'key' | 'value'>[]): LocalizedText | undefined {
  let type = 'bind';
  const seen = new Set<string>();
  for (const { text: field, key, value } of fields) {
    if (value === undefined) {
      if (['readonly', 'ro', 'readwrite', 'rw'].includes(key)) continue;
      if (key === 'required' && (type === 'secret' || type === 'ssh')) continue;
      if (key !== 'required') return messages.notKeyValue({ field });
    }
    if (key === 'required' && type !== 'secret' && type !== 'ssh') {
      return messages.requiredNotAllowed({ type, typeGiven: seen.has('type') });
    }
    if (!KEYS.includes(key)) {
      const guess = suggestName(key, KEYS);
      return messages.unknownKey({ key, guess });
    }
    seen.add(key);
    if (value === undefined) continue;
    if (key === 'from' && value.indexOf('$') >= 0 && value.indexOf('$') !== value.length - 1) {
      return messages.variableInFrom();
    }
    if (hasVariable(value)) continue;
    switch (key) {
      case 'type':
        if (!TYPES.includes(value.toLowerCase())) {
          return messages.unknownType({ value, types: TYPES.join(', ') });
        }
        type = value.toLowerCase();
        break;
      case 'readonly':
      case 'ro':
      case 'readwrite':
      case 'rw':
      case 'required':
        if (!BOOLEAN.test(value)) return messages.notABoolean({ key, value });
        break;
      case 'size':
        if (type !== 'tmpfs') return messages.sizeNotAllowed({ type });
        if (!SIZE.test(value)) return messages.invalidSize({ value });
        break;
      case 'sharing':
        if (!SHARING.includes(value.toLowerCase()))
          return messages.invalidSharing({ value, modes: SHARING.join(', ') });
        break;
      case 'mode':
        if (!/^[0-7]+$/.test(value)) return messages.invalidMode({ value });
        break;
      case 'uid':
      case 'gid':
        if (!/^\d+$/.test(value)) return messages.notANumericId({ key, value });
        break;
    }
  }
  if (!['secret', 'ssh', 'cache'].includes(type)) {
    for (const key of ['mode', 'uid', 'gid']) {
      if (seen.has(key)) return messages.keyNotAllowed({ key, type });
    }
  }
  if (seen.has('sharing') && type !== 'cache') return messages.sharingNotAllowed({ type });
  if (type === 'secret') {
    if (seen.has('from')) return messages.secretWithFrom();
    const hasSource = seen.has('source') || seen.has('src');
    if (!hasSource && !seen.has('id') && !['target', 'dst', 'destination'].some((k) => seen.has(k))) {
      return messages.secretWithoutId();
    }
    if (hasSource && seen.has('id')) return messages.secretSourceAndId();
  }
  return undefined;
}

/** The fields to check, or undefined to leave the value to the builder. */
function checkedFields(flag: Flag): readonly Pick<MountField, 'text' | 'key' | 'value'>[] | undefined {
  // Quoted parts may hold commas; the builder reads them as CSV. Leave those to the builder.
  if (!flag.mount || /["']/.test(flag.raw)) return undefined;
  // `--mount=` alone: the builder cannot read an empty CSV record.
  return flag.mount.error === 'empty' ? [{ text: '', key: '', value: undefined }] : flag.mount.fields;
}

export const invalidMount: InstructionRule = {
  code: 'invalid-mount',
  kind: 'builder-error',
  scope: 'instruction',
  severity: 'error',
  docs: referenceDocs('run---mount'),
  description: text('A RUN --mount option the builder rejects.', '빌더가 받아들이지 않는 RUN --mount 옵션입니다.'),
  messages,
  category: 'builder',
  equivalents: [],
  examples: {
    invalid: [{ dockerfile: 'FROM alpine\nRUN --mount=type=cache,target=/c,size=1g true\n', range: '1:12-1:40' }],
    valid: ['FROM alpine\nRUN --mount=type=tmpfs,target=/c,size=1g true\n'],
  },
  check(instruction) {
    return instruction.flags.flatMap((flag) => {
      const fields = checkedFields(flag);
      const message = fields === undefined ? undefined : mountProblem(fields);
      return message ? [{ range: flag.valueRange ?? flag.range, message }] : [];
    });
  },
};
