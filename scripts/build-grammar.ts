// Generates syntaxes/dockerfile.tmLanguage.json, Layerwise's TextMate grammar for Dockerfiles.
//
//   npm run grammar          writes the JSON
//   test/grammar/grammar.test.ts checks the committed JSON equals buildGrammar()
//
// Why a generator: the escape parser directive (`# escape=\``) changes the line-continuation
// character for the whole file. TextMate has no parameters, so every rule that knows about
// continuations exists twice in the repository: once for `\` (names as written here) and once
// for the backtick (names with a `-bt` suffix). Writing the rules once and generating both
// copies keeps them from drifting apart.
//
// How the grammar is laid out:
// - A file that starts with parser directives opens the `prologue` rule (anchored with \A, so
//   only at the top of the file). Each line matching `# syntax|escape|check = value` is a
//   directive; the first other line (a comment, a blank line, an instruction) ends the
//   prologue, after which `# syntax=...` is an ordinary comment, as in BuildKit.
// - `# escape=\`` inside the prologue opens a rule that never ends and holds the backtick copy
//   of the grammar: from there on, a trailing backtick continues an instruction and a trailing
//   backslash does not.
// - Every instruction is a begin/end rule: it begins at its keyword at the start of a line (or
//   after ONBUILD) and ends at the end of a line that does not continue. A continuation
//   (`\` + optional blanks at the end of the line) is consumed together with its newline, and
//   so are comment lines and blank lines met inside a continued instruction, so none of them
//   end it, exactly as BuildKit strips them.
// - RUN, CMD, ENTRYPOINT and HEALTHCHECK CMD in shell form embed `source.shell`; the exec form
//   (a JSON array of strings on the instruction line) is highlighted as JSON instead. A RUN
//   whose command is just a heredoc (`RUN <<EOF`) runs the body as a script: the body embeds
//   `source.shell`. Any other heredoc (COPY, ADD, `RUN python3 <<EOF`) has a plain body.
//
// Limits (what a line-by-line TextMate grammar cannot know):
// - The escape character is read only from a directive on the first lines. Directives after
//   a BOM or leading blank lines are not recognised (BuildKit does not either).
// - A file with escape=` is a Windows image whose shell is cmd or PowerShell: its shell-form
//   commands get strings and variables only, not the POSIX shell grammar (which would also
//   take a trailing `c:\` for its own line continuation).
// - Only the first heredoc of an instruction gets a body (`COPY <<a <<b /dst/` colours the
//   second marker, but its body is plain text of the first).
// - A shell construct left open (an unclosed quote in a RUN) runs on until the shell grammar
//   closes it, as with any embedded grammar.
// - A heredoc whose script has a `#!` line for another interpreter is still coloured as shell.
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { flagsOf, INSTRUCTION_KEYWORDS, type Keyword } from '../core/src/parser/instructionTable';

type Captures = Record<string, { name?: string; patterns?: Rule[] }>;
export interface Rule {
  name?: string;
  contentName?: string;
  match?: string;
  begin?: string;
  end?: string;
  while?: string;
  captures?: Captures;
  beginCaptures?: Captures;
  endCaptures?: Captures;
  patterns?: Rule[];
  include?: string;
  applyEndPatternLast?: boolean;
  comment?: string;
}

export interface Grammar {
  $schema: string;
  name: string;
  scopeName: string;
  comment: string;
  patterns: Rule[];
  injections: Record<string, Rule>;
  repository: Record<string, Rule>;
}

export const SCOPE = 'source.dockerfile.layerwise';
const S = '.dockerfile'; // suffix of every scope we assign

/** Instructions with a rule of their own; the instruction table's others share `instruction-other`. */
const OWN_RULES: readonly Keyword[] = [
  'FROM',
  'RUN',
  'CMD',
  'ENTRYPOINT',
  'HEALTHCHECK',
  'COPY',
  'ADD',
  'ENV',
  'ARG',
  'LABEL',
  'EXPOSE',
  'SHELL',
  'ONBUILD',
];
const OTHER_KEYWORDS = INSTRUCTION_KEYWORDS.filter((keyword) => !OWN_RULES.includes(keyword));

/** `keyword|keyword` for a rule's begin pattern. */
const keywordPattern = (keywords: readonly Keyword[]): string => keywords.map((k) => k.toLowerCase()).join('|');

/** A case-insensitive word, as instruction keywords are. */
const ci = (word: string): string => `(?i:${word})`;

/** Start of an instruction keyword: at the start of a line, or after `ONBUILD `. */
const instructionStart = (keywords: string): string =>
  `(?:^[ \\t]*|(?<=${ci('onbuild')})[ \\t]+)(${ci(keywords)})(?=[ \\t]|$)`;

/**
 * End of an instruction: the end of a line, but never at column 0. Continuations, comment
 * lines and blank lines inside a continued instruction are consumed with their newline, so
 * the only way to reach `$` is a line that does not continue. `(?<=.)` keeps an empty line
 * inside a continuation (which BuildKit skips) from ending it.
 */
const END = '(?<=.)$';

const DIRECTIVE_LOOKAHEAD = `[ \\t]*#[ \\t]*${ci('syntax|escape|check')}[ \\t]*=`;

/** A JSON string, for the exec-form lookahead. */
const JSON_STRING = '"(?:[^"\\\\]|\\\\.)*"';

interface Variant {
  /** Suffix of repository names: '' for backslash, '-bt' for backtick. */
  suffix: string;
  /** The escape character as a regex. */
  esc: string;
  /** The escape character inside a regex character class. */
  escClass: string;
}

const BACKSLASH: Variant = { suffix: '', esc: '\\\\', escClass: '\\\\' };
const BACKTICK: Variant = { suffix: '-bt', esc: '`', escClass: '`' };

function variantRepository(v: Variant): Record<string, Rule> {
  const ref = (name: string): Rule => ({ include: `#${name}${v.suffix}` });
  const shared = (name: string): Rule => ({ include: `#${name}` });
  /** The flag rule, for instructions the table gives flags. */
  const flags = (...keywords: Keyword[]): Rule[] => (keywords.some((k) => flagsOf(k).length > 0) ? [ref('flag')] : []);
  /** The begin pattern of an instruction rule. */
  const begin = (...keywords: Keyword[]): string => instructionStart(keywordPattern(keywords));

  /** What every instruction body handles first: continuations, comment and blank lines. */
  const lineStructure: Rule[] = [
    ref('line-continuation'),
    shared('comment-line-in-instruction'),
    shared('blank-line-in-instruction'),
  ];

  const execFormLookahead =
    `(?=\\[[ \\t]*(?:${JSON_STRING}[ \\t]*(?:,[ \\t]*${JSON_STRING}[ \\t]*)*)?` +
    `(?:\\][ \\t]*$|,?[ \\t]*${v.esc}[ \\t]*$))`;

  /** `\$`, `\"`, `\ ` and friends outside shell code. */
  const escapedChar: Rule = { name: `constant.character.escape${S}`, match: `${v.esc}.` };

  const repo: Record<string, Rule> = {
    body: {
      patterns: [
        shared('comment'),
        { match: instructionStart('onbuild'), captures: { 1: { name: `keyword.other.instruction${S}` } } },
        ref('instruction-from'),
        ref('instruction-run'),
        ref('instruction-cmd-entrypoint'),
        ref('instruction-healthcheck'),
        ref('instruction-copy-add'),
        ref('instruction-env'),
        ref('instruction-arg'),
        ref('instruction-label'),
        ref('instruction-expose'),
        ref('instruction-shell'),
        ref('instruction-other'),
      ],
    },

    'line-continuation': {
      comment: 'The escape character at the end of a line (trailing blanks allowed), with its newline.',
      match: `(${v.esc})[ \\t]*$\\n?`,
      captures: { 1: { name: `constant.character.escape.line-continuation${S}` } },
    },

    arguments: {
      comment: 'Words of a non-shell instruction: quoted strings, variables, escapes.',
      patterns: [...lineStructure, ref('string-double'), shared('string-single'), shared('variable'), escapedChar],
    },

    'string-double': {
      name: `string.quoted.double${S}`,
      begin: '"',
      beginCaptures: { 0: { name: `punctuation.definition.string.begin${S}` } },
      end: '(")|$',
      endCaptures: { 1: { name: `punctuation.definition.string.end${S}` } },
      patterns: [ref('line-continuation'), shared('variable'), escapedChar],
    },

    flag: {
      comment: 'An instruction flag: --name or --name=value; a value may hold key=value pairs (--mount).',
      name: `meta.flag${S}`,
      begin: '(?:(?<=[ \\t])|^)(--)([A-Za-z][A-Za-z0-9-]*)(=)?',
      beginCaptures: {
        1: { name: `punctuation.definition.flag${S}` },
        2: { name: `variable.parameter.flag${S}` },
        3: { name: `keyword.operator.assignment${S}` },
      },
      end: `(?=[ \\t]|${v.esc}[ \\t]*$)|$`,
      patterns: [
        ref('string-double'),
        shared('string-single'),
        shared('variable'),
        {
          match: '([A-Za-z][A-Za-z0-9_-]*)(=)',
          captures: {
            1: { name: `entity.other.attribute-name.flag-option${S}` },
            2: { name: `keyword.operator.assignment${S}` },
          },
        },
        { match: ',', name: `punctuation.separator.flag-option${S}` },
        { match: `[^\\s,=$"'${v.escClass}]+`, name: `string.unquoted.flag-value${S}` },
        escapedChar,
      ],
    },

    'exec-form': {
      comment:
        'A JSON array of strings, recognised only when the line really holds one (else it is shell: RUN [ -f x ]).',
      name: `meta.exec-form${S}`,
      begin: `${execFormLookahead}(\\[)`,
      beginCaptures: { 1: { name: `punctuation.definition.array.begin${S}` } },
      end: `(\\])|${END}`,
      endCaptures: { 1: { name: `punctuation.definition.array.end${S}` } },
      patterns: [
        ...lineStructure,
        {
          name: `string.quoted.double.json${S}`,
          begin: '"',
          beginCaptures: { 0: { name: `punctuation.definition.string.begin${S}` } },
          end: '(")|$',
          endCaptures: { 1: { name: `punctuation.definition.string.end${S}` } },
          patterns: [{ name: `constant.character.escape.json${S}`, match: '\\\\(?:["\\\\/bfnrt]|u[0-9A-Fa-f]{4})' }],
        },
        { match: ',', name: `punctuation.separator.array${S}` },
      ],
    },

    'shell-command':
      v.suffix === ''
        ? {
            comment: 'Shell form: the rest of the instruction is shell code.',
            name: 'meta.embedded.block.shell',
            begin: '(?=\\S)',
            end: END,
            patterns: [
              ...lineStructure,
              ref('heredoc-stdin'),
              {
                comment:
                  'A `[` with no `]` after it on the line (CMD [" being typed): keep the shell grammar ' +
                  'from opening a test expression that would run over the rest of the file.',
                match: `\\[(?=[^\\]]*$)(?![^\\]]*${v.esc}[ \\t]*$)`,
                name: `punctuation.definition.array.begin${S}`,
              },
              {
                comment:
                  'The first statement. The shell grammar starts a command only after a line start or a ' +
                  'separator (a lookbehind), and ours starts after the keyword, so open it here with \\G.',
                name: 'meta.statement.shell',
                begin: '\\G',
                end: '(?=[\\n&);`{|}]|[ \\t]*#)(?<!\\\\)',
                patterns: [{ include: 'source.shell#typical_statements' }],
              },
              { include: 'source.shell' },
            ],
          }
        : {
            comment:
              'Shell form in a file with escape=`: that is a Windows image, whose shell is cmd or ' +
              'PowerShell, not sh. The POSIX shell grammar would also read a trailing backslash ' +
              '(c:\\) as its own line continuation, so we do not embed it here.',
            name: `meta.shell-form${S}`,
            begin: '(?=\\S)',
            end: END,
            patterns: [
              ...lineStructure,
              ref('heredoc-stdin'),
              ref('string-double'),
              shared('string-single'),
              shared('variable'),
            ],
          },

    'heredoc-script': {
      comment: 'RUN <<EOF alone: the body is the script, run by the shell.',
      patterns: [heredoc('script', false), heredoc('script', true)],
    },

    'heredoc-plain': {
      comment: 'A heredoc of COPY or ADD: the body is file content, plain text.',
      patterns: [heredoc('plain', false), heredoc('plain', true)],
    },

    'heredoc-stdin': {
      comment: 'A heredoc inside a shell command (RUN python3 <<EOF): the body is data on stdin.',
      patterns: [heredoc('stdin', false), heredoc('stdin', true)],
    },

    'heredoc-first-line': {
      comment: 'What follows a heredoc marker on its line: more markers or arguments.',
      patterns: [
        {
          match: `(\\d*)(<<-?)(["']?)([^\\s<>"']+)(\\3)`,
          captures: heredocMarkerCaptures(),
        },
        ref('flag'),
        ref('arguments'),
      ],
    },

    'heredoc-first-line-shell': {
      patterns: v.suffix === '' ? [{ include: 'source.shell' }] : [ref('arguments')],
    },

    'instruction-from': {
      name: `meta.instruction.from${S}`,
      begin: begin('FROM'),
      beginCaptures: { 1: { name: `keyword.other.instruction${S}` } },
      end: END,
      patterns: [
        ...lineStructure,
        ...flags('FROM'),
        {
          match: `(?<=[ \\t])(${ci('as')})(?:[ \\t]+([^\\s${v.escClass}]+))?(?=[ \\t]|$)`,
          captures: {
            1: { name: `keyword.other.as${S}` },
            2: { name: `entity.name.function.stage${S}` },
          },
        },
        {
          name: `meta.image${S}`,
          begin: `(?<=[ \\t])(?=[^\\s${v.escClass}-])(?!${ci('as')}(?:[ \\t]|$))`,
          end: `(?=[ \\t]|${v.esc}[ \\t]*$)|$`,
          patterns: [
            shared('variable'),
            {
              match: '(@)([A-Za-z][A-Za-z0-9]*(?:[-_+.][A-Za-z][A-Za-z0-9]*)*:[0-9A-Fa-f]{32,})',
              captures: {
                1: { name: `punctuation.separator.digest${S}` },
                2: { name: `constant.other.digest${S}` },
              },
            },
            {
              match: `(:)([\\w][\\w.-]*)(?=[ \\t@]|$|${v.esc})`,
              captures: {
                1: { name: `punctuation.separator.tag${S}` },
                2: { name: `constant.other.tag${S}` },
              },
            },
            { match: `(?:[^\\s:@$${v.escClass}]|:(?=\\d+/))+`, name: `entity.name.type.image${S}` },
          ],
        },
        ref('arguments'),
      ],
    },

    'instruction-run': {
      name: `meta.instruction.run${S}`,
      begin: begin('RUN'),
      beginCaptures: { 1: { name: `keyword.other.instruction${S}` } },
      end: END,
      patterns: [...lineStructure, ...flags('RUN'), ref('exec-form'), ref('heredoc-script'), ref('shell-command')],
    },

    'instruction-cmd-entrypoint': {
      name: `meta.instruction.cmd${S}`,
      begin: begin('CMD', 'ENTRYPOINT'),
      beginCaptures: { 1: { name: `keyword.other.instruction${S}` } },
      end: END,
      patterns: [...lineStructure, ...flags('CMD', 'ENTRYPOINT'), ref('exec-form'), ref('shell-command')],
    },

    'instruction-healthcheck': {
      name: `meta.instruction.healthcheck${S}`,
      begin: begin('HEALTHCHECK'),
      beginCaptures: { 1: { name: `keyword.other.instruction${S}` } },
      end: END,
      patterns: [
        ...lineStructure,
        ...flags('HEALTHCHECK'),
        { match: `(?<=[ \\t])${ci('none')}(?=[ \\t]|$)`, name: `keyword.other.healthcheck-none${S}` },
        {
          name: `meta.healthcheck-command${S}`,
          begin: `(?<=[ \\t])(${ci('cmd')})(?=[ \\t]|$)`,
          beginCaptures: { 1: { name: `keyword.other.instruction${S}` } },
          end: END,
          patterns: [...lineStructure, ref('exec-form'), ref('shell-command')],
        },
      ],
    },

    'instruction-copy-add': {
      name: `meta.instruction.copy${S}`,
      begin: begin('COPY', 'ADD'),
      beginCaptures: { 1: { name: `keyword.other.instruction${S}` } },
      end: END,
      patterns: [...lineStructure, ...flags('COPY', 'ADD'), ref('exec-form'), ref('heredoc-plain'), ref('arguments')],
    },

    'instruction-env': {
      name: `meta.instruction.env${S}`,
      begin: begin('ENV'),
      beginCaptures: { 1: { name: `keyword.other.instruction${S}` } },
      end: END,
      patterns: [
        ...lineStructure,
        ...flags('ENV'),
        {
          comment: 'ENV KEY=value',
          match: '(?<=[ \\t]|^)([A-Za-z_][A-Za-z0-9_.-]*)(=)',
          captures: { 1: { name: `variable.other.env${S}` }, 2: { name: `keyword.operator.assignment${S}` } },
        },
        {
          comment: 'ENV KEY value (legacy form: the first word is the key)',
          match: '\\G[ \\t]+([A-Za-z_][A-Za-z0-9_.-]*)(?=[ \\t])',
          captures: { 1: { name: `variable.other.env${S}` } },
        },
        ref('arguments'),
      ],
    },

    'instruction-arg': {
      name: `meta.instruction.arg${S}`,
      begin: begin('ARG'),
      beginCaptures: { 1: { name: `keyword.other.instruction${S}` } },
      end: END,
      patterns: [
        ...lineStructure,
        ...flags('ARG'),
        {
          match: '(?<=[ \\t]|^)([A-Za-z_][A-Za-z0-9_.-]*)(=)?',
          captures: { 1: { name: `variable.other.arg${S}` }, 2: { name: `keyword.operator.assignment${S}` } },
        },
        ref('arguments'),
      ],
    },

    'instruction-label': {
      name: `meta.instruction.label${S}`,
      begin: begin('LABEL'),
      beginCaptures: { 1: { name: `keyword.other.instruction${S}` } },
      end: END,
      patterns: [
        ...lineStructure,
        ...flags('LABEL'),
        {
          match: '(?<=[ \\t]|^)([A-Za-z0-9_][A-Za-z0-9_.-]*)(=)',
          captures: {
            1: { name: `entity.other.attribute-name.label${S}` },
            2: { name: `keyword.operator.assignment${S}` },
          },
        },
        { match: '(?<=")=', name: `keyword.operator.assignment${S}` },
        ref('arguments'),
      ],
    },

    'instruction-expose': {
      name: `meta.instruction.expose${S}`,
      begin: begin('EXPOSE'),
      beginCaptures: { 1: { name: `keyword.other.instruction${S}` } },
      end: END,
      patterns: [
        ...lineStructure,
        ...flags('EXPOSE'),
        {
          match: '(?<=[ \\t]|^)(\\d+)(?:(-)(\\d+))?(?:(/)((?i:tcp|udp|sctp)))?(?=[ \\t]|$)',
          captures: {
            1: { name: `constant.numeric.port${S}` },
            2: { name: `punctuation.separator.range${S}` },
            3: { name: `constant.numeric.port${S}` },
            4: { name: `punctuation.separator.protocol${S}` },
            5: { name: `constant.language.protocol${S}` },
          },
        },
        ref('arguments'),
      ],
    },

    'instruction-shell': {
      name: `meta.instruction.shell${S}`,
      begin: begin('SHELL'),
      beginCaptures: { 1: { name: `keyword.other.instruction${S}` } },
      end: END,
      patterns: [...lineStructure, ...flags('SHELL'), ref('exec-form'), ref('arguments')],
    },

    'instruction-other': {
      name: `meta.instruction.other${S}`,
      begin: begin(...OTHER_KEYWORDS),
      beginCaptures: { 1: { name: `keyword.other.instruction${S}` } },
      end: END,
      patterns: [...lineStructure, ...flags(...OTHER_KEYWORDS), ref('exec-form'), ref('arguments')],
    },
  };

  const named: Record<string, Rule> = {};
  for (const [name, rule] of Object.entries(repo)) named[name + v.suffix] = rule;
  return named;

  function heredoc(kind: 'script' | 'plain' | 'stdin', dash: boolean): Rule {
    const marker = `(\\d*)(<<${dash ? '-' : '(?!-)'})(["']?)([^\\s<>"']+)(\\3)`;
    // `<<-` lets the terminator (and body lines) be indented with tabs.
    const terminator = dash ? '^\\t*(\\4)$' : '^(\\4)$';
    const ends = { end: terminator, endCaptures: { 1: { name: `entity.name.tag.heredoc-delimiter${S}` } } };
    if (kind === 'script') {
      return {
        name: `meta.heredoc${S}`,
        contentName: 'meta.embedded.block.shell',
        // Only when the marker is the whole command: then BuildKit runs the body as a script.
        begin: `${marker}(?=[ \\t]*$)`,
        beginCaptures: heredocMarkerCaptures(),
        ...ends,
        patterns: [{ include: 'source.shell' }],
      };
    }
    return {
      name: `meta.heredoc${S}`,
      begin: marker,
      beginCaptures: heredocMarkerCaptures(),
      ...ends,
      patterns: [
        {
          comment: 'The rest of the marker line (\\G: right after the marker).',
          begin: '\\G',
          end: '$',
          patterns: [ref(kind === 'plain' ? 'heredoc-first-line' : 'heredoc-first-line-shell')],
        },
        { match: '^.*$', name: `string.unquoted.heredoc${S}` },
      ],
    };
  }
}

function heredocMarkerCaptures(): Captures {
  return {
    1: { name: `constant.numeric.file-descriptor${S}` },
    2: { name: `keyword.operator.heredoc${S}` },
    3: { name: `punctuation.definition.string.begin${S}` },
    4: { name: `entity.name.tag.heredoc-delimiter${S}` },
    5: { name: `punctuation.definition.string.end${S}` },
  };
}

/** Rules that do not depend on the escape character. */
function sharedRepository(): Record<string, Rule> {
  return {
    prologue: {
      comment: 'Parser directives: only at the very top of the file (\\A), until the first other line.',
      begin: `\\A(?=${DIRECTIVE_LOOKAHEAD})`,
      end: `^(?!${DIRECTIVE_LOOKAHEAD})`,
      patterns: [{ include: '#escape-backtick' }, { include: '#directive' }],
    },

    'escape-backtick': {
      comment:
        '`# escape=`` switches the rest of the file to the backtick copy of the grammar. The rule ' +
        'never ends; further directives are recognised until the first non-directive line.',
      begin: `^([ \\t]*)(#)([ \\t]*)(${ci('escape')})([ \\t]*)(=)([ \\t]*)(\`)([ \\t]*)$`,
      beginCaptures: {
        0: { name: `meta.directive${S}` },
        2: { name: `punctuation.definition.directive${S}` },
        4: { name: `keyword.other.directive${S}` },
        6: { name: `keyword.operator.assignment${S}` },
        8: { name: `string.unquoted.directive-value${S}` },
      },
      end: '(?!)',
      patterns: [
        {
          name: `meta.escape-backtick${S}`,
          begin: `^(?!${DIRECTIVE_LOOKAHEAD})`,
          end: '(?!)',
          patterns: [{ include: '#body-bt' }],
        },
        { include: '#directive' },
      ],
    },

    directive: {
      name: `meta.directive${S}`,
      match: `^([ \\t]*)(#)([ \\t]*)(${ci('syntax|escape|check')})([ \\t]*)(=)([ \\t]*)(.*?)([ \\t]*)$`,
      captures: {
        2: { name: `punctuation.definition.directive${S}` },
        4: { name: `keyword.other.directive${S}` },
        6: { name: `keyword.operator.assignment${S}` },
        8: { name: `string.unquoted.directive-value${S}` },
      },
    },

    comment: {
      name: `comment.line.number-sign${S}`,
      match: '^([ \\t]*)(#).*$',
      captures: { 2: { name: `punctuation.definition.comment${S}` } },
    },

    'comment-line-in-instruction': {
      comment: 'A comment line inside a continued instruction: BuildKit drops it and the instruction goes on.',
      match: '^([ \\t]*)((#).*$\\n?)',
      captures: {
        2: { name: `comment.line.number-sign${S}` },
        3: { name: `punctuation.definition.comment${S}` },
      },
    },

    'blank-line-in-instruction': {
      comment: 'A blank line inside a continued instruction: skipped by BuildKit, so it does not end it.',
      match: '^[ \\t]*\\n',
    },

    'string-single': {
      name: `string.quoted.single${S}`,
      begin: "'",
      beginCaptures: { 0: { name: `punctuation.definition.string.begin${S}` } },
      end: "(')|$",
      endCaptures: { 1: { name: `punctuation.definition.string.end${S}` } },
    },

    variable: {
      patterns: [
        {
          comment: '${VAR}, ${VAR:-default}, ${VAR:+alt}, ${VAR:?err}, ${VAR#pat}, ${VAR%pat}, ${VAR/a/b}',
          name: `meta.interpolation.variable${S}`,
          begin: '(\\$\\{)([A-Za-z_][A-Za-z0-9_]*)',
          beginCaptures: {
            1: { name: `punctuation.definition.variable.begin${S}` },
            2: { name: `variable.other${S}` },
          },
          end: '(\\})|$',
          endCaptures: { 1: { name: `punctuation.definition.variable.end${S}` } },
          patterns: [
            {
              begin: '\\G(:?[-+?]|##?|%%?|//?)',
              beginCaptures: { 1: { name: `keyword.operator.expansion${S}` } },
              end: '(?=\\})|$',
              contentName: `string.unquoted.expansion-word${S}`,
              patterns: [{ include: '#variable' }],
            },
          ],
        },
        {
          match: '(\\$)([A-Za-z_][A-Za-z0-9_]*)',
          captures: {
            1: { name: `punctuation.definition.variable${S}` },
            2: { name: `variable.other${S}` },
          },
        },
      ],
    },
  };
}

/**
 * While shell code is active (a shell string, a command spanning lines), the shell grammar's
 * rules own the text and ours are not consulted. BuildKit removes continuations and comment
 * lines before the shell sees the command, so inject those into embedded shell code, ahead of
 * the shell's own patterns (L:). Not into heredoc bodies, which BuildKit passes on verbatim.
 */
function injections(): Record<string, Rule> {
  const notInHeredoc = '- meta.heredoc.dockerfile - string.unquoted.heredoc';
  return {
    [`L:meta.embedded.block.shell - meta.escape-backtick.dockerfile ${notInHeredoc}`]: {
      patterns: [
        { include: '#line-continuation' },
        { include: '#comment-line-in-instruction' },
        { include: '#blank-line-in-instruction' },
      ],
    },
  };
}

export function buildGrammar(): Grammar {
  return {
    $schema: 'https://raw.githubusercontent.com/martinring/tmlanguage/master/tmlanguage.json',
    name: 'Dockerfile (Layerwise)',
    scopeName: SCOPE,
    comment: 'Generated by scripts/build-grammar.ts (npm run grammar); edit that file, not this one.',
    patterns: [{ include: '#prologue' }, { include: '#body' }],
    injections: injections(),
    repository: { ...sharedRepository(), ...variantRepository(BACKSLASH), ...variantRepository(BACKTICK) },
  };
}

export const GRAMMAR_PATH = join(
  dirname(fileURLToPath(import.meta.url)),
  '..',
  'syntaxes',
  'dockerfile.tmLanguage.json',
);

export function grammarJson(): string {
  return `${JSON.stringify(buildGrammar(), null, 2)}\n`;
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  mkdirSync(dirname(GRAMMAR_PATH), { recursive: true });
  writeFileSync(GRAMMAR_PATH, grammarJson());
  console.log(`build-grammar: wrote ${GRAMMAR_PATH} (${INSTRUCTION_KEYWORDS.length} instructions)`);
}
