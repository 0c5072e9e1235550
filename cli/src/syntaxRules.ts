// Descriptions of the parser's own problem codes, so reports (SARIF) can describe every code
// they use. Keyed by ProblemCode: a new parser code does not compile until it is described here.
import type { ProblemCode } from '../../core/src/parser';
import type { LocalizedText } from '../../core/src/rules';

const REFERENCE = 'https://docs.docker.com/reference/dockerfile/';

export const SYNTAX_RULES: Record<ProblemCode, { description: LocalizedText; docs: string }> = {
  'unterminated-heredoc': {
    description: {
      en: 'A heredoc is opened but its closing word never appears on a line of its own.',
      ko: 'heredoc을 열었지만 닫는 단어만 있는 줄이 없습니다.',
    },
    docs: `${REFERENCE}#here-documents`,
  },
  'unterminated-quote': {
    description: {
      en: 'A quote is opened but not closed before the instruction ends.',
      ko: '따옴표를 열었지만 명령어가 끝날 때까지 닫지 않았습니다.',
    },
    docs: `${REFERENCE}#format`,
  },
  'missing-arguments': {
    description: { en: 'The instruction lacks arguments it requires.', ko: '명령어에 꼭 필요한 인수가 빠졌습니다.' },
    docs: `${REFERENCE}#overview`,
  },
  'unknown-instruction': {
    description: {
      en: 'The line starts with a word that is not a Dockerfile instruction.',
      ko: '줄이 Dockerfile 명령어가 아닌 단어로 시작합니다.',
    },
    docs: `${REFERENCE}#overview`,
  },
  'invalid-escape': {
    description: {
      en: 'The escape parser directive accepts only a backslash or a backtick.',
      ko: 'escape 파서 지시문에는 백슬래시나 백틱만 쓸 수 있습니다.',
    },
    docs: `${REFERENCE}#escape`,
  },
  'duplicate-directive': {
    description: { en: 'A parser directive is given more than once.', ko: '같은 파서 지시문을 두 번 이상 썼습니다.' },
    docs: `${REFERENCE}#parser-directives`,
  },
  'invalid-from': {
    description: {
      en: 'FROM is not of the form FROM [--platform=...] <image> [AS <name>].',
      ko: 'FROM이 FROM [--platform=...] <이미지> [AS <이름>] 형식이 아닙니다.',
    },
    docs: `${REFERENCE}#from`,
  },
  'invalid-env': {
    description: {
      en: 'An ENV, ARG or LABEL pair is not of the form name=value.',
      ko: 'ENV, ARG, LABEL 항목이 이름=값 형식이 아닙니다.',
    },
    docs: `${REFERENCE}#env`,
  },
  'invalid-json': {
    description: {
      en: 'The instruction must be written as a JSON array of strings.',
      ko: '이 명령어는 문자열로 된 JSON 배열로 써야 합니다.',
    },
    docs: `${REFERENCE}#shell-and-exec-form`,
  },
  'bad-substitution': {
    description: {
      en: 'A variable substitution such as ${NAME} is malformed.',
      ko: '${NAME} 같은 변수 치환의 형식이 잘못되었습니다.',
    },
    docs: `${REFERENCE}#environment-replacement`,
  },
  'nesting-too-deep': {
    description: {
      en: 'Variable references are nested more levels deep than Layerwise reads (64).',
      ko: '변수 참조가 Layerwise가 읽는 깊이(64단계)보다 깊게 중첩되었습니다.',
    },
    docs: `${REFERENCE}#environment-replacement`,
  },
  'onbuild-trigger': {
    description: {
      en: 'ONBUILD cannot trigger FROM, MAINTAINER or another ONBUILD.',
      ko: 'ONBUILD의 트리거로 FROM, MAINTAINER, ONBUILD는 쓸 수 없습니다.',
    },
    docs: `${REFERENCE}#onbuild`,
  },
};
