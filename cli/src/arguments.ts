// Command-line arguments -> options, or the usage error that explains what is wrong.
import { parseArgs } from 'node:util';
import type { LocalizedText } from '../../core/src/rules';
import type { Language } from '../../core/src/engine/language';
import { isRuleSeverity, type RuleSeverity } from '../../core/src/engine/settingsSchema';
import { type FormatOptions, formatOptionsFrom } from './formatCommand';
import { MESSAGES } from './messages';
import { SEVERITIES, type Severity } from './report';

const FORMATS = ['text', 'json', 'sarif', 'github'] as const;
export type Format = (typeof FORMATS)[number];
const LANGUAGES: readonly Language[] = ['en', 'ko'];
const FAIL_LEVELS: readonly (Severity | 'none')[] = [...SEVERITIES, 'none'];

export interface CheckOptions {
  /** Paths, folders, globs and `-`, as given; empty means the current folder. */
  inputs: string[];
  format: Format;
  failLevel: Severity | 'none';
  /** --fail-level was given (a hadolint config's failure-threshold applies only when it was not). */
  failLevelGiven: boolean;
  /** A .layerwise.json, or a hadolint config (`.yaml` / `.yml`). */
  config: string | undefined;
  rules: Record<string, RuleSeverity>;
  language: Language;
  stdinFilename: string | undefined;
  /** undefined: decide from the terminal and NO_COLOR. */
  color: boolean | undefined;
  /** --fix: apply the mechanical fixes; `dry-run` prints them as a diff instead of writing. */
  fix: 'off' | 'write' | 'dry-run';
  /** --baseline FILE: report only findings it does not hold; `update` (--update-baseline) writes it. */
  baseline: { path: string; update: boolean } | undefined;
}

export type Command =
  | { kind: 'check'; options: CheckOptions }
  | { kind: 'format'; options: FormatOptions }
  | { kind: 'help'; language: Language }
  | { kind: 'version' }
  | { kind: 'usage-error'; message: LocalizedText; language: Language };

const OPTIONS = {
  format: { type: 'string' },
  'fail-level': { type: 'string' },
  config: { type: 'string' },
  rule: { type: 'string', multiple: true },
  lang: { type: 'string' },
  'stdin-filename': { type: 'string' },
  color: { type: 'boolean' },
  'no-color': { type: 'boolean' },
  fix: { type: 'boolean' },
  'dry-run': { type: 'boolean' },
  baseline: { type: 'string' },
  'update-baseline': { type: 'boolean' },
  help: { type: 'boolean', short: 'h' },
  version: { type: 'boolean', short: 'v' },
  // `layerwise format`
  check: { type: 'boolean' },
  write: { type: 'boolean' },
  diff: { type: 'boolean' },
  indent: { type: 'string' },
  'max-line-length': { type: 'string' },
  'no-break-chains': { type: 'boolean' },
} as const;

export function parseArguments(argv: readonly string[]): Command {
  let parsed: ReturnType<
    typeof parseArgs<{ args: string[]; options: typeof OPTIONS; allowPositionals: true; strict: true }>
  >;
  try {
    parsed = parseArgs({ args: [...argv], options: OPTIONS, allowPositionals: true, strict: true });
  } catch (error) {
    // Node's own message names the option ("Unknown option '--x'"); it is English only.
    const message = error instanceof Error ? error.message : String(error);
    return { kind: 'usage-error', message: { en: message, ko: message }, language: languageHint(argv) };
  }
  const { values, positionals } = parsed;
  const language = values.lang === 'ko' ? 'ko' : 'en';
  const fail = (message: LocalizedText): Command => ({ kind: 'usage-error', message, language });
  if (values.help) return { kind: 'help', language };
  if (values.version) return { kind: 'version' };
  const [command, ...inputs] = positionals;
  if (command === undefined) return fail(MESSAGES.missingCommand);
  if (command === 'format') {
    const options = formatOptionsFrom(values, inputs, language);
    return 'mode' in options ? { kind: 'format', options } : fail(options);
  }
  if (command !== 'check') return fail(MESSAGES.unknownCommand(command));

  const choice = <T extends string>(
    option: string,
    value: string | undefined,
    allowed: readonly T[],
    fallback: T,
  ): T | LocalizedText => {
    if (value === undefined) return fallback;
    return allowed.includes(value as T) ? (value as T) : MESSAGES.badValue(option, value, allowed);
  };
  const format = choice('format', values.format, FORMATS, 'text');
  const failLevel = choice('fail-level', values['fail-level'], FAIL_LEVELS, 'error');
  const lang = choice('lang', values.lang, LANGUAGES, 'en');
  for (const value of [format, failLevel, lang]) if (typeof value !== 'string') return fail(value);

  const rules: Record<string, RuleSeverity> = {};
  for (const rule of values.rule ?? []) {
    const match = /^([^=\s]+)=(\w+)$/.exec(rule.trim());
    if (!match || !isRuleSeverity(match[2])) return fail(MESSAGES.badRule(rule));
    rules[match[1]!] = match[2];
  }
  if (inputs.filter((input) => input === '-').length > 1) return fail(MESSAGES.stdinTwice);
  if (values['dry-run'] && !values.fix) return fail(MESSAGES.needs('dry-run', 'fix'));
  if (values['update-baseline'] && values.baseline === undefined)
    return fail(MESSAGES.needs('update-baseline', 'baseline <file>'));
  const fix = values.fix ? (values['dry-run'] ? 'dry-run' : 'write') : 'off';
  if (fix === 'write' && inputs.includes('-')) return fail(MESSAGES.fixStdin);

  return {
    kind: 'check',
    options: {
      inputs,
      format: format as Format,
      failLevel: failLevel as Severity | 'none',
      failLevelGiven: values['fail-level'] !== undefined,
      config: values.config,
      rules,
      language: lang as Language,
      stdinFilename: values['stdin-filename'],
      color: values['no-color'] ? false : values.color ? true : undefined,
      fix,
      baseline:
        values.baseline === undefined
          ? undefined
          : { path: values.baseline, update: values['update-baseline'] === true },
    },
  };
}

/** The language asked for, read loosely, so even an argument error is reported in it. */
function languageHint(argv: readonly string[]): Language {
  const index = argv.indexOf('--lang');
  return argv.includes('--lang=ko') || (index >= 0 && argv[index + 1] === 'ko') ? 'ko' : 'en';
}
