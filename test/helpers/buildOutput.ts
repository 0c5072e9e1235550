// Helpers for build-output tests: fixture files and feeding text through the detecting parser.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { ParsedBuildOutput } from '../../client/src/docker/buildOutput';
import { DetectingBuildOutputParser } from '../../client/src/docker/buildOutputParser';
import { OutputLineSplitter } from '../../client/src/docker/outputLines';
import { english } from '../../client/src/l10n/translator';

export function fixture(name: string): string {
  return readFileSync(join(__dirname, '../client/fixtures', name), 'utf8');
}

/** Feeds text line by line, one millisecond apart, and finishes with `exitCode`. */
export function parseText(text: string, exitCode: number | null): ParsedBuildOutput {
  const parser = new DetectingBuildOutputParser(english);
  const splitter = new OutputLineSplitter();
  let at = 0;
  for (const line of [...splitter.push(text), ...splitter.flush()]) {
    at += 1;
    parser.push(line, at);
  }
  return parser.finish(exitCode, at + 1);
}
