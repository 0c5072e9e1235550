// Picks the right parser from the output itself: rawjson lines start with "{", BuildKit plain
// lines with "#N ", the classic builder with "Step N/M :", buildah (podman) with "STEP N/M:" or
// "[i/n] STEP N/M:". Lines before that (deprecation
// notices, "Sending build context") are kept only to explain an early failure.
import type { Translator } from '../l10n/translator';
import { BuildahOutputParser, buildahStepLine } from './buildahOutput';
import { buildEndedMessage, type BuildOutputParser, type ParsedBuildOutput } from './buildOutput';
import { BuildkitPlainOutputParser } from './buildkitPlainOutput';
import { BuildkitRawJsonOutputParser } from './buildkitRawJsonOutput';
import { ClassicBuildOutputParser } from './classicBuildOutput';
import { stripAnsi } from './outputLines';

export class DetectingBuildOutputParser implements BuildOutputParser {
  private parser: BuildOutputParser | undefined;
  private lastLines: string[] = [];

  /** `l10n` words the failure when the builder printed no message of its own. */
  constructor(private readonly l10n: Translator) {}

  push(rawLine: string, atMs: number): void {
    const line = stripAnsi(rawLine);
    if (this.parser === undefined) {
      if (line.startsWith('{"')) this.parser = new BuildkitRawJsonOutputParser(this.l10n);
      else if (/^#\d+ /.test(line)) this.parser = new BuildkitPlainOutputParser(this.l10n);
      else if (/^Step \d+\/\d+ : /.test(line)) this.parser = new ClassicBuildOutputParser(this.l10n);
      else if (buildahStepLine.test(line)) this.parser = new BuildahOutputParser(this.l10n);
    }
    if (this.parser !== undefined) {
      this.parser.push(line, atMs);
      return;
    }
    if (line.trim() !== '') this.lastLines = [...this.lastLines.slice(-4), line.trim()];
  }

  finish(exitCode: number | null, atMs: number): ParsedBuildOutput {
    if (this.parser !== undefined) return this.parser.finish(exitCode, atMs);
    const failure =
      exitCode === 0 ? undefined : { message: this.lastLines.at(-1) ?? buildEndedMessage(exitCode, this.l10n) };
    return { format: 'unknown', steps: [], failure, tags: [] };
  }
}
