// Deterministic multi-stage Dockerfiles of a given size, with the constructs real files use.

const STAGE_BODY = [
  'ARG VERSION_{n}=1.{n}.0',
  'ENV APP_HOME_{n}=/opt/app{n} \\',
  '    PATH=/opt/app{n}/bin:$PATH',
  'WORKDIR ${APP_HOME_{n}}',
  '# install build dependencies for step {n}',
  'RUN apt-get update \\',
  '    && apt-get install -y --no-install-recommends curl ca-certificates \\',
  '    && rm -rf /var/lib/apt/lists/*',
  'COPY --chown=1000:1000 package.json package-lock.json ./',
  'RUN --mount=type=cache,target=/root/.npm npm ci --omit=dev',
  'COPY . .',
  'LABEL org.opencontainers.image.version="${VERSION_{n}}" stage="{n}"',
  'EXPOSE 80{d}/tcp',
  'RUN <<EOF',
  'echo "building $VERSION_{n}"',
  'make -j2 all',
  'EOF',
  'USER 1000:1000',
  'HEALTHCHECK --interval=30s --timeout=3s CMD curl -f http://localhost/ || exit 1',
  'CMD ["node", "server.js"]',
];

export function generateDockerfile(lineCount: number): string {
  const lines: string[] = ['# syntax=docker/dockerfile:1', 'ARG BASE_IMAGE=node:22-bookworm-slim', ''];
  let stage = 0;
  while (lines.length < lineCount) {
    const from = stage === 0 ? 'FROM ${BASE_IMAGE} AS stage0' : `FROM stage${stage - 1} AS stage${stage}`;
    lines.push(from);
    for (const template of STAGE_BODY)
      lines.push(template.replaceAll('{n}', String(stage)).replaceAll('{d}', String(stage % 10)));
    lines.push('');
    stage++;
  }
  return `${lines.slice(0, lineCount).join('\n')}\n`;
}

/**
 * The file as someone might write it: keywords lower case, extra spaces in one-line RUNs,
 * continuation lines at column 0, and a number in every RUN so that no two scripts are the same.
 */
export function messyCopy(text: string, first = 0): string {
  let n = first;
  return text
    .split('\n')
    .map((line) => {
      if (line.startsWith('RUN ') && !line.endsWith('\\') && !line.includes('<<'))
        return `run ${line.slice(4).replace(/ && /g, ' &&   ')} && echo ${n++}`;
      if (/^\s+\S/.test(line)) return line.trimStart();
      return line;
    })
    .join('\n');
}
