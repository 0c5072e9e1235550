// Reads the error report BuildKit prints after a failed build:
//   ------
//    > [build 3/3] RUN make:
//   0.240 make: *** No rule to make target
//   ------
//   Dockerfile:5
//   --------------------
//      4 |     WORKDIR /src
//      5 | >>> RUN make
//   --------------------
//   ERROR: failed to solve: process "/bin/sh -c make" did not complete successfully: exit code: 2
// and keeps the Dockerfile line it points at (">>>") and the final message. Pure.

export class BuildkitErrorReport {
  /** 1-based line of the first ">>>" row, or of "Dockerfile:N". */
  dockerfileLine: number | undefined;
  /** The text of the final "ERROR: ..." line, without the prefix. */
  finalMessage: string | undefined;
  /** The step named in " > [build 3/3] RUN make:". */
  failedStepName: string | undefined;
  private seenRule = false;

  /** Returns true when the line belonged to the report. */
  push(line: string): boolean {
    if (/^-{6,}$/.test(line.trim())) {
      this.seenRule = true;
      return true;
    }
    const marker = /^\s*(\d+)\s*\|\s*>>>/.exec(line);
    if (marker !== null) {
      this.dockerfileLine ??= Number(marker[1]);
      return true;
    }
    const named = failedStepHeading(line);
    if (named !== undefined) {
      this.failedStepName ??= named;
      return true;
    }
    const fileLine = /^([^\s:#][^\s]*):(\d+)$/.exec(line.trim());
    if (fileLine !== null && this.seenRule) {
      this.dockerfileLine ??= Number(fileLine[2]);
      return true;
    }
    const final = /^ERROR: (.*)$/.exec(line);
    if (final !== null) {
      this.finalMessage = final[1];
      return true;
    }
    return false;
  }
}

/**
 * The step in a heading " > [build 3/3] RUN make:": the text between " > " and the final ":",
 * when it starts with "[" and holds "] ". A scan: the pattern /^ > (\[.*\] .*):$/ backtracks
 * quadratically on a long line with many "] " and no final ":".
 */
function failedStepHeading(line: string): string | undefined {
  if (!line.startsWith(' > [') || !line.endsWith(':')) return undefined;
  const close = line.indexOf('] ', 4);
  return close !== -1 && close + 2 <= line.length - 1 ? line.slice(3, -1) : undefined;
}
