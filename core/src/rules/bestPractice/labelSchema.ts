// What the label-schema rules share: the LABELs a stage's image ends up with (a stage inherits
// its base stage's labels) and whether a value has the type the schema gives its label.
import type { Instruction, KeyValue } from '../../parser';
import type { Stage } from '../../model';
import type { LabelType } from '../rule';

/** One `key=value` of a LABEL instruction, with the instruction. */
export interface LabelPair {
  pair: KeyValue;
  instruction: Instruction;
}

/** The stage's own LABEL pairs, in source order. */
export function labelPairs(stage: Stage): LabelPair[] {
  const pairs: LabelPair[] = [];
  for (const instruction of stage.instructions)
    if (instruction.keyword === 'LABEL') for (const pair of instruction.pairs ?? []) pairs.push({ pair, instruction });
  return pairs;
}

/**
 * The label keys set in `stage` and the stages it is built on. Undefined when a key depends on a
 * build argument: then any label may be set, and none can be called missing.
 */
export function imageLabelKeys(stage: Stage): Set<string> | undefined {
  const keys = new Set<string>();
  for (let current: Stage | undefined = stage; current; current = current.baseStage) {
    for (const { pair } of labelPairs(current)) {
      if (pair.key.raw.includes('$')) return undefined;
      keys.add(pair.key.value);
    }
  }
  return keys;
}

const SEMVER_IDENTIFIER = '(?:0|[1-9]\\d*|\\d*[a-zA-Z-][0-9a-zA-Z-]*)';
const SEMVER = new RegExp(
  '^(?:0|[1-9]\\d*)\\.(?:0|[1-9]\\d*)\\.(?:0|[1-9]\\d*)' +
    `(?:-${SEMVER_IDENTIFIER}(?:\\.${SEMVER_IDENTIFIER})*)?` +
    '(?:\\+[0-9a-zA-Z-]+(?:\\.[0-9a-zA-Z-]+)*)?$',
);
const RFC3339 = /^(\d{4})-(\d{2})-(\d{2})[Tt ](\d{2}):(\d{2}):(\d{2})(?:\.\d+)?(?:[Zz]|[+-]\d{2}:\d{2})$/;
const EMAIL = /^[^\s@<>()[\],;:"]+@[^\s@<>()[\],;:"]+$/;
const GIT_HASH = /^(?:[0-9a-fA-F]{7,40}|[0-9a-fA-F]{64})$/;
const URI = /^[A-Za-z][A-Za-z0-9+.-]*:[^\s]+$/;
/** An SPDX license or exception id, or a LicenseRef / DocumentRef. */
const SPDX_ID = /^(?:[A-Za-z0-9][A-Za-z0-9.-]*\+?|(?:DocumentRef-[A-Za-z0-9.-]+:)?LicenseRef-[A-Za-z0-9.-]+)$/;

function isRfc3339(value: string): boolean {
  const match = RFC3339.exec(value);
  if (!match) return false;
  const [, year, month, day, hour, minute, second] = match.map(Number) as number[];
  const days = new Date(Date.UTC(year!, month!, 0)).getUTCDate();
  return month! >= 1 && month! <= 12 && day! >= 1 && day! <= days && hour! < 24 && minute! < 60 && second! <= 60;
}

/** An SPDX license expression's shape: ids joined by AND / OR, WITH an exception, in parentheses. */
function isSpdxExpression(value: string): boolean {
  const tokens = value.match(/\(|\)|[^\s()]+/g) ?? [];
  let at = 0;
  const id = (): boolean => {
    const token = tokens[at];
    if (!token || ['AND', 'OR', 'WITH', '(', ')'].includes(token) || !SPDX_ID.test(token)) return false;
    at++;
    if (tokens[at] === 'WITH') {
      at++;
      const exception = tokens[at];
      if (!exception || !SPDX_ID.test(exception) || ['AND', 'OR', 'WITH'].includes(exception)) return false;
      at++;
    }
    return true;
  };
  const term = (): boolean => {
    if (tokens[at] !== '(') return id();
    at++;
    if (!expression() || tokens[at] !== ')') return false;
    at++;
    return true;
  };
  const expression = (): boolean => {
    if (!term()) return false;
    while (tokens[at] === 'AND' || tokens[at] === 'OR') {
      at++;
      if (!term()) return false;
    }
    return true;
  };
  return tokens.length > 0 && expression() && at === tokens.length;
}

/** Whether `value` has `type`; `text` takes anything. */
export function hasLabelType(value: string, type: LabelType): boolean {
  switch (type) {
    case 'text':
      return true;
    case 'url':
      return URI.test(value) && URL.canParse(value);
    case 'email': {
      // RFC 5322 also allows a display name before the address in angle brackets: `Team <team@example.com>`.
      const named = /^[^<>@]*<([^<>]+)>$/.exec(value.trim());
      return EMAIL.test(named ? named[1]! : value);
    }
    case 'semver':
      return SEMVER.test(value);
    case 'hash':
      return GIT_HASH.test(value);
    case 'rfc3339':
      return isRfc3339(value);
    case 'spdx':
      return isSpdxExpression(value);
  }
}
