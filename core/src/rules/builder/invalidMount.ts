// RUN --mount=<key=value,...>: the mount types and keys the builder accepts, read in order as
// it reads them (a key that depends on the type must come after `type=`).
import type { Flag } from '../../parser';
import type { InstructionRule, LocalizedText } from '../rule';
import { suggestName } from '../suggest';
import { hasVariable, referenceDocs, text } from '../support';

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

/** What is wrong with one --mount value, or undefined when the builder accepts it. */
export function mountProblem(spec: string): LocalizedText | undefined {
  let type = 'bind';
  const seen = new Set<string>();
  for (const field of spec.split(',')) {
    const equals = field.indexOf('=');
    const key = (equals < 0 ? field : field.slice(0, equals)).toLowerCase();
    const value = equals < 0 ? undefined : field.slice(equals + 1);
    if (value === undefined) {
      if (['readonly', 'ro', 'readwrite', 'rw'].includes(key)) continue;
      if (key === 'required' && (type === 'secret' || type === 'ssh')) continue;
      if (key !== 'required')
        return text(`"${field}" must be written as key=value.`, `"${field}"는 key=value 형태로 써야 합니다.`);
    }
    if (key === 'required' && type !== 'secret' && type !== 'ssh') {
      return text(
        `required only applies to secret and ssh mounts, not ${type}${seen.has('type') ? '' : ' (put type= first)'}.`,
        `required는 secret과 ssh 마운트에만 쓸 수 있고 ${type}에는 쓸 수 없습니다${seen.has('type') ? '' : ' (type=을 먼저 씁니다)'}.`,
      );
    }
    if (!KEYS.includes(key)) {
      const guess = suggestName(key, KEYS);
      return text(
        `--mount has no key "${key}"${guess ? ` (did you mean ${guess}?)` : ''}.`,
        `--mount에는 "${key}" 키가 없습니다${guess ? ` (${guess}을(를) 뜻했나요?)` : ''}.`,
      );
    }
    seen.add(key);
    if (value === undefined) continue;
    if (key === 'from' && value.indexOf('$') >= 0 && value.indexOf('$') !== value.length - 1) {
      return text(
        'from= cannot use variables; define a stage alias (FROM <image> AS <name>) and name it instead.',
        'from=에는 변수를 쓸 수 없습니다. FROM <이미지> AS <이름>으로 별칭 스테이지를 만들고 그 이름을 씁니다.',
      );
    }
    if (hasVariable(value)) continue;
    switch (key) {
      case 'type':
        if (!TYPES.includes(value.toLowerCase())) {
          return text(
            `Unknown mount type "${value}"; use one of ${TYPES.join(', ')}.`,
            `"${value}"는 알 수 없는 마운트 종류입니다. ${TYPES.join(', ')} 중 하나를 씁니다.`,
          );
        }
        type = value.toLowerCase();
        break;
      case 'readonly':
      case 'ro':
      case 'readwrite':
      case 'rw':
      case 'required':
        if (!BOOLEAN.test(value))
          return text(`${key}=${value} is not true or false.`, `${key}=${value}는 true나 false가 아닙니다.`);
        break;
      case 'size':
        if (type !== 'tmpfs')
          return text(
            `size only applies to tmpfs mounts, not ${type}.`,
            `size는 tmpfs 마운트에만 쓸 수 있고 ${type}에는 쓸 수 없습니다.`,
          );
        if (!SIZE.test(value))
          return text(
            `size=${value} is not a size such as 64m or 1g.`,
            `size=${value}는 64m, 1g 같은 크기 값이 아닙니다.`,
          );
        break;
      case 'sharing':
        if (!SHARING.includes(value.toLowerCase()))
          return text(
            `sharing=${value} is not one of ${SHARING.join(', ')}.`,
            `sharing=${value}는 ${SHARING.join(', ')} 중 하나가 아닙니다.`,
          );
        break;
      case 'mode':
        if (!/^[0-7]+$/.test(value))
          return text(
            `mode=${value} is not an octal file mode such as 0755.`,
            `mode=${value}는 0755 같은 8진수 권한 값이 아닙니다.`,
          );
        break;
      case 'uid':
      case 'gid':
        if (!/^\d+$/.test(value))
          return text(`${key}=${value} is not a numeric ID.`, `${key}=${value}는 숫자 ID가 아닙니다.`);
        break;
    }
  }
  if (!['secret', 'ssh', 'cache'].includes(type)) {
    for (const key of ['mode', 'uid', 'gid']) {
      if (seen.has(key))
        return text(
          `${key} is not allowed on ${type} mounts (only cache, secret and ssh).`,
          `${key}는 ${type} 마운트에 쓸 수 없습니다 (cache, secret, ssh에서만 가능합니다).`,
        );
    }
  }
  if (seen.has('sharing') && type !== 'cache')
    return text(
      `sharing only applies to cache mounts, not ${type}.`,
      `sharing은 cache 마운트에만 쓸 수 있고 ${type}에는 쓸 수 없습니다.`,
    );
  if (type === 'secret') {
    if (seen.has('from')) return text('A secret mount cannot have from=.', 'secret 마운트에는 from=을 쓸 수 없습니다.');
    const hasSource = seen.has('source') || seen.has('src');
    if (!hasSource && !seen.has('id') && !['target', 'dst', 'destination'].some((k) => seen.has(k))) {
      return text(
        'A secret mount needs id=, source= or target=.',
        'secret 마운트에는 id=, source=, target= 중 하나가 필요합니다.',
      );
    }
    if (hasSource && seen.has('id'))
      return text(
        'A secret mount takes source= or id=, not both.',
        'secret 마운트에는 source=와 id= 중 하나만 씁니다.',
      );
  }
  return undefined;
}

function mountSpec(flag: Flag): string | undefined {
  // Quoted parts may hold commas; the builder reads them as CSV. Leave those to the builder.
  if (flag.value === undefined || /["']/.test(flag.raw)) return undefined;
  return flag.value;
}

export const invalidMount: InstructionRule = {
  code: 'invalid-mount',
  kind: 'builder-error',
  scope: 'instruction',
  severity: 'error',
  docs: referenceDocs('run---mount'),
  description: text('A RUN --mount option the builder rejects.', '빌더가 받아들이지 않는 RUN --mount 옵션입니다.'),
  check(instruction) {
    if (instruction.keyword !== 'RUN') return [];
    return instruction.flags.flatMap((flag) => {
      if (flag.name !== 'mount') return [];
      const spec = mountSpec(flag);
      const message = spec === undefined ? undefined : mountProblem(spec);
      return message ? [{ range: flag.valueRange ?? flag.range, message }] : [];
    });
  },
};
