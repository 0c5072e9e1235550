// One run of the command line: arguments in, report out, exit status back. All I/O goes
// through `CliIo`, so main.ts is the only place that touches the process.
import { readFileSync } from 'node:fs';
import { isAbsolute, join, relative, resolve, sep } from 'node:path';
import type { BuildContext } from '../../core/src/context/buildContext';
import type { LocalizedText } from '../../core/src/rules';
import { RULES } from '../../core/src/rules';
import { describeFileError } from '../../core/src/engine/fileErrors';
import { initShellParser } from '../../core/src/shell';
import { type CheckOptions, type Format, parseArguments } from './arguments';
import { TextChecker } from './checkText';
import { readBaseline, withoutBaseline, writeBaseline } from './baseline';
import { discoverFiles, type Target } from './discovery';
import { fixFile } from './fix/fixFile';
import { formatFiles } from './formatCommand';
import { FileSettings } from './fileSettings';
import { formatGithub } from './format/github';
import { formatJson } from './format/json';
import { formatSarif } from './format/sarif';
import { formatText } from './format/text';
import { MESSAGES, summary, usage } from './messages';
import { countBySeverity, type FileResult, reachesLevel, type Report, type RunProblem } from './report';
import { TOOL_VERSION } from './version';

export interface CliIo {
  cwd: string;
  env: Readonly<Record<string, string | undefined>>;
  stdoutIsTTY: boolean;
  readStdin(): Promise<string>;
  stdout(text: string): void;
  stderr(text: string): void;
}

const EXIT = { clean: 0, findings: 1, usage: 2 } as const;

const FORMATTERS: Record<Format, (report: Report, color: boolean) => string> = {
  text: formatText,
  json: formatJson,
  sarif: formatSarif,
  github: formatGithub,
};

export async function runCli(argv: readonly string[], io: CliIo): Promise<number> {
  const command = parseArguments(argv);
  switch (command.kind) {
    case 'help':
      io.stdout(`${usage(command.language)}\n`);
      return EXIT.clean;
    case 'version':
      io.stdout(`${TOOL_VERSION}\n`);
      return EXIT.clean;
    case 'usage-error':
      io.stderr(
        `layerwise: ${command.message[command.language]}\n` +
          `${command.language === 'ko' ? '도움말: layerwise --help' : 'See layerwise --help.'}\n`,
      );
      return EXIT.usage;
    case 'check':
      return check(command.options, io);
    case 'format':
      return formatFiles(command.options, io);
  }
}

async function check(options: CheckOptions, io: CliIo): Promise<number> {
  const language = options.language;
  const say = (text: LocalizedText): void => io.stderr(`layerwise: ${text[language]}\n`);
  const problems: RunProblem[] = [];
  const fail = (path: string | undefined, text: LocalizedText): void => {
    problems.push({ path, message: text[language] });
    say(text);
  };

  const settings = FileSettings.withConfigFile(
    options.config === undefined ? undefined : resolve(io.cwd, options.config),
    options.rules,
  );
  if (settings.explicit?.unusable) {
    say(MESSAGES.badConfig(options.config!, settings.explicit.problems));
    return EXIT.usage;
  }
  // Rules that read RUN as shell need the parser loaded; without it they stay silent.
  await initShellParser().catch((error: unknown) =>
    say({
      en: `the shell parser could not load, so rules that read RUN commands are off (${String(error)})`,
      ko: `셸 파서를 불러오지 못해 RUN 명령을 읽는 규칙이 꺼졌습니다 (${String(error)})`,
    }),
  );
  const knownCodes = new Set(RULES.map((rule) => rule.code));
  for (const code of Object.keys(options.rules)) if (!knownCodes.has(code)) say(MESSAGES.unknownRule(code));

  const discovery = discoverFiles(options.inputs.length > 0 ? options.inputs : ['.'], io.cwd);
  for (const error of discovery.errors) fail(undefined, error);
  for (const note of discovery.notes) say(note);

  const checker = new TextChecker();
  /** The listed build context of a Dockerfile; its problems are reported with the first Dockerfile using it. */
  const contextOf = async (path: string): Promise<BuildContext> => {
    const { context, first } = await checker.contextFor(path);
    if (first) for (const problem of contextProblems(context, io.cwd)) fail(problem.path, problem.message);
    return context;
  };
  let files: FileResult[] = [];
  let fixedFiles = 0;
  for (const target of discovery.targets) {
    const path = targetPath(target, options, io.cwd);
    const shown = path === undefined ? '<stdin>' : displayPath(path, io.cwd);
    let text: string;
    try {
      text = target.kind === 'stdin' ? await io.readStdin() : readFileSync(target.path, 'utf8');
    } catch (error) {
      fail(shown, MESSAGES.cannotRead(shown, describeFileError(error)));
      continue;
    }
    try {
      const context = path === undefined ? undefined : await contextOf(path);
      const fileSettings = settings.forFile(path, io.cwd);
      if (options.fix !== 'off') {
        const fixed = fixFile(
          text,
          { path, shown },
          options.fix,
          (current) => checker.checked(current, path, fileSettings, language, context).checked,
          io,
          say,
        );
        if (fixed.failure) fail(shown, fixed.failure);
        if (fixed.changed) fixedFiles++;
        text = fixed.text;
      }
      files.push({
        path: shown,
        findings: checker.check(text, path, fileSettings, language, context, shown),
      });
    } catch (error) {
      // A crash in one file's analysis must not hide the others' results.
      fail(shown, MESSAGES.checkFailed(shown, error instanceof Error ? (error.stack ?? error.message) : String(error)));
    }
  }
  for (const config of settings.configsUsed) {
    if (config.problems.length > 0)
      fail(displayPath(config.path, io.cwd), MESSAGES.badConfig(displayPath(config.path, io.cwd), config.problems));
  }
  settings.notes((path) => displayPath(path, io.cwd)).forEach(say);

  // --fix --dry-run prints diffs, not findings: exit 1 when a file would change, like format --diff.
  if (options.fix === 'dry-run') return problems.length > 0 ? EXIT.usage : fixedFiles > 0 ? EXIT.findings : EXIT.clean;
  if (options.baseline) {
    const baselinePath = resolve(io.cwd, options.baseline.path);
    const baselineShown = displayPath(baselinePath, io.cwd);
    if (options.baseline.update) {
      try {
        writeBaseline(baselinePath, files);
      } catch (error) {
        say(MESSAGES.cannotWrite(baselineShown, describeFileError(error)));
        return EXIT.usage;
      }
      say(
        MESSAGES.baselineWritten(
          baselineShown,
          files.reduce((sum, file) => sum + file.findings.length, 0),
        ),
      );
      return problems.length > 0 ? EXIT.usage : EXIT.clean;
    }
    const baseline = readBaseline(baselinePath, baselineShown);
    if (!(baseline instanceof Map)) {
      say(baseline);
      return EXIT.usage;
    }
    const kept = withoutBaseline(files, baseline);
    files = kept.files;
    if (kept.hidden > 0) say(MESSAGES.baselineHidden(kept.hidden));
  }

  const report: Report = { files, problems, language, cwd: io.cwd };
  io.stdout(FORMATTERS[options.format](report, useColor(options, io)));
  if (options.format === 'text') io.stderr(`${summary(files.length, countBySeverity(files), language)}\n`);

  if (problems.length > 0) return EXIT.usage;
  const failed = files.some((file) =>
    file.findings.some((finding) => reachesLevel(finding.severity, settings.failLevel(options))),
  );
  return failed ? EXIT.findings : EXIT.clean;
}

/** What docker build could not read in a build context: its .dockerignore, or a folder it would send. */
function contextProblems(context: BuildContext, cwd: string): { path: string; message: LocalizedText }[] {
  const problems: { path: string; message: LocalizedText }[] = [];
  if (context.dockerignorePath !== undefined && context.dockerignoreError !== undefined) {
    const shown = displayPath(context.dockerignorePath, cwd);
    problems.push({
      path: shown,
      message: MESSAGES.unreadableDockerignore(shown, describeFileError(context.dockerignoreError)),
    });
  }
  for (const folder of context.listing?.unreadable ?? []) {
    const shown = displayPath(join(context.root, folder.path), cwd);
    problems.push({ path: shown, message: MESSAGES.unreadableContextFolder(shown, describeFileError(folder.error)) });
  }
  return problems;
}

/** The absolute path a target stands for; standard input has one only when named. */
function targetPath(target: Target, options: CheckOptions, cwd: string): string | undefined {
  if (target.kind === 'file') return target.path;
  return options.stdinFilename === undefined ? undefined : resolve(cwd, options.stdinFilename);
}

/** Relative to the working folder when inside it, with `/` on every platform. */
function displayPath(path: string, cwd: string): string {
  const rel = relative(cwd, path);
  if (rel === '' || rel.startsWith('..') || isAbsolute(rel)) return path.split(sep).join('/');
  return rel.split(sep).join('/');
}

/** --color/--no-color, else FORCE_COLOR, else a terminal without NO_COLOR (https://no-color.org). */
function useColor(options: CheckOptions, io: CliIo): boolean {
  if (options.color !== undefined) return options.color;
  const force = io.env.FORCE_COLOR;
  if (force !== undefined && force !== '' && force !== '0') return true;
  return io.stdoutIsTTY && !io.env.NO_COLOR;
}
