// COPY/ADD flag values the builder rejects: a --chmod that is neither an octal mode up to 7777
// nor a chmod(1) symbolic mode, and an ADD --checksum that cannot match what is added.
// Values the builder accepts are left alone, even where only newer Dockerfile syntax takes them.
import { type Flag, type Instruction, processedCopyPaths, type Range } from '../../parser';
import type { LocalizedText } from '../rule';
import { hasVariable, text } from '../support';

export interface FlagProblem {
  range: Range;
  message: LocalizedText;
}

const OCTAL = /^[0-7]+$/;
// chmod(1) symbolic form, as BuildKit reads it since Dockerfile syntax 1.14: clauses joined by
// commas, each "who" letters followed by one or more operator-and-permissions groups.
const SYMBOLIC_CLAUSE = '[ugoa]*(?:[-+=][rwxXstugo]*)+';
const SYMBOLIC = new RegExp(`^${SYMBOLIC_CLAUSE}(?:,${SYMBOLIC_CLAUSE})*$`);
const HIGHEST_MODE = 0o7777;

function chmodProblem(value: string): LocalizedText | undefined {
  // A leading digit makes the builder read the whole value as an octal number.
  if (/^\d/.test(value)) {
    if (!OCTAL.test(value)) {
      return text(
        `--chmod=${value} is not an octal mode: use the digits 0-7, as in 755 or 0644.`,
        `--chmod=${value}는 8진수 권한 값이 아닙니다. 755나 0644처럼 0-7 숫자만 씁니다.`,
      );
    }
    if (parseInt(value, 8) > HIGHEST_MODE) {
      return text(
        `--chmod=${value} is above 7777, the largest mode the builder accepts.`,
        `--chmod=${value}는 빌더가 받는 가장 큰 값인 7777을 넘습니다.`,
      );
    }
    return undefined;
  }
  if (SYMBOLIC.test(value)) return undefined;
  return text(
    `--chmod=${value} is not a file mode: ` +
      "write it in octal (755, 0644) or in chmod's symbolic form (u+x, go-w, u=rwX,go=rX).",
    `--chmod=${value}는 파일 권한 값이 아닙니다. 8진수(755, 0644)나 chmod의 기호 표기(u+x, go-w, u=rwX,go=rX)로 씁니다.`,
  );
}

type SourceKind = 'url' | 'git' | 'context' | 'unknown';

/** What an ADD source fetches, as far as the text alone tells; `unknown` when in doubt. */
function sourceKind(source: string): SourceKind {
  if (hasVariable(source)) return 'unknown';
  if (/^(git|ssh):\/\//.test(source) || source.startsWith('git@')) return 'git';
  if (/^https?:\/\//.test(source)) {
    const path = source.split('#')[0]!.split('?')[0]!;
    return path.endsWith('.git') ? 'git' : 'url';
  }
  // `github.com/owner/repo` and `host:path` forms are read differently by different builder versions.
  if (source.includes(':') || source.startsWith('github.com/')) return 'unknown';
  return 'context';
}

const COMMIT_HASH = /^[0-9a-fA-F]+$/;
const SHA256_DIGEST = /^sha256:[0-9a-f]{64}$/;
const OTHER_DIGEST_LENGTHS: Readonly<Record<string, number>> = { sha384: 96, sha512: 128 };

function urlChecksumProblem(value: string): LocalizedText | undefined {
  if (SHA256_DIGEST.test(value)) return undefined;
  const colon = value.indexOf(':');
  const algorithm = colon === -1 ? '' : value.slice(0, colon);
  const digits = colon === -1 ? '' : value.slice(colon + 1);
  if (algorithm === 'sha256') {
    const hasCapitals = /[A-F]/.test(digits);
    return text(
      'A sha256 checksum is exactly 64 lowercase hex digits (0-9, a-f); ' +
        `this one has ${digits.length} characters${hasCapitals ? ' with capitals' : ''}.`,
      'sha256 체크섬은 소문자 16진수(0-9, a-f) 정확히 64자리입니다. ' +
        `지금 값은 ${digits.length}글자${hasCapitals ? '이고 대문자가 섞여 있습니다' : '입니다'}.`,
    );
  }
  const length = OTHER_DIGEST_LENGTHS[algorithm];
  if (length !== undefined && new RegExp(`^[0-9a-f]{${length}}$`).test(digits)) {
    return text(
      `The builder hashes downloads with SHA-256 only, so a ${algorithm} checksum never matches; ` +
        'write sha256:<64 hex digits>.',
      `빌더는 내려받은 파일을 SHA-256으로만 확인하므로 ${algorithm} 체크섬은 절대 맞지 않습니다. sha256:<16진수 64자리>로 씁니다.`,
    );
  }
  return text(
    `--checksum for a URL is written sha256:<64 hex digits>, not "${value}".`,
    `URL에 쓰는 --checksum은 "${value}"가 아니라 sha256:<16진수 64자리> 형식입니다.`,
  );
}

function gitChecksumProblem(value: string): LocalizedText | undefined {
  if (COMMIT_HASH.test(value)) return undefined;
  return text(
    `--checksum for a Git source is the commit hash (all of it or its first digits), in hex; "${value}" is not one.`,
    `Git 소스의 --checksum은 커밋 해시(전체 또는 앞부분)를 16진수로 씁니다. "${value}"는 커밋 해시가 아닙니다.`,
  );
}

function checksumProblem(instruction: Instruction, flag: Flag, value: string, escape: string): FlagProblem | undefined {
  const valueRange = flag.valueRange ?? flag.range;
  // Heredocs are written into the image, not fetched: the builder does not count them as sources.
  // Read as the builder reads them: quotes and escapes removed.
  const sources = processedCopyPaths(instruction, escape).sources.filter((s) => !s.word.raw.startsWith('<<'));
  if (sources.some((s) => s.hasVariable)) {
    // The source is unknown until the build: report only a value no source could match.
    const url = urlChecksumProblem(value);
    return url && gitChecksumProblem(value) ? { range: valueRange, message: url } : undefined;
  }
  if (sources.length !== 1) {
    const none = sources.length === 0;
    return {
      range: flag.range,
      message: text(
        `--checksum verifies exactly one downloaded source; this ADD has ${none ? 'none' : sources.length}.`,
        '--checksum은 내려받는 소스 하나만 확인합니다. ' +
          `이 ADD에는 ${none ? '그런 소스가 없습니다' : `소스가 ${sources.length}개 있습니다`}.`,
      ),
    };
  }
  const kind = sourceKind(sources[0]!.value);
  if (kind === 'context') {
    return {
      range: flag.range,
      message: text(
        '--checksum works only when ADD downloads a URL or a Git repository, not for files from the build context.',
        '--checksum은 ADD가 URL이나 Git 저장소를 내려받을 때만 쓸 수 있고, 빌드 컨텍스트의 파일에는 쓸 수 없습니다.',
      ),
    };
  }
  const message = kind === 'url' ? urlChecksumProblem(value) : kind === 'git' ? gitChecksumProblem(value) : undefined;
  return message && { range: valueRange, message };
}

/** A problem with a COPY/ADD flag value, or undefined. The flag has a value without variables. */
export function copyFlagProblem(
  instruction: Instruction,
  flag: Flag,
  value: string,
  escape: string,
): FlagProblem | undefined {
  // An empty value is the same as leaving the flag out.
  if (value === '') return undefined;
  if (flag.name === 'chmod') {
    const message = chmodProblem(value);
    return message && { range: flag.valueRange ?? flag.range, message };
  }
  if (flag.name === 'checksum' && instruction.keyword === 'ADD')
    return checksumProblem(instruction, flag, value, escape);
  return undefined;
}
