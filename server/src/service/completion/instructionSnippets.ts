// The common forms of each instruction as snippets, offered when starting a new instruction.
// Labels show the form; the snippet fills in placeholders in that order.
import type { Keyword } from '../../../../core/src/parser';

export interface InstructionSnippet {
  keyword: Keyword;
  label: string;
  snippet: string;
}

const form = (keyword: Keyword, label: string, snippet: string): InstructionSnippet => ({ keyword, label, snippet });

export const INSTRUCTION_SNIPPETS: readonly InstructionSnippet[] = [
  form('FROM', 'FROM <image>:<tag>', 'FROM ${1:image}:${2:tag}'),
  form('FROM', 'FROM <image>:<tag> AS <stage>', 'FROM ${1:image}:${2:tag} AS ${3:build}'),
  form(
    'FROM',
    'FROM --platform=$BUILDPLATFORM <image> AS <stage>',
    'FROM --platform=\\$BUILDPLATFORM ${1:image}:${2:tag} AS ${3:build}',
  ),
  form('RUN', 'RUN <command>', 'RUN ${1:command}'),
  form(
    'RUN',
    'RUN --mount=type=cache,target=<dir> <command>',
    'RUN --mount=type=cache,target=${1:/root/.cache} ${2:command}',
  ),
  form(
    'RUN',
    'RUN --mount=type=secret,id=<id> <command>',
    'RUN --mount=type=secret,id=${1:token},env=${2:TOKEN} ${3:command}',
  ),
  form('RUN', 'RUN <<EOF … EOF (heredoc)', 'RUN <<EOF\nset -e\n${1:command}\nEOF'),
  form('CMD', 'CMD ["executable", "arg"]', 'CMD ["${1:executable}", "${2:arg}"]'),
  form('ENTRYPOINT', 'ENTRYPOINT ["executable", "arg"]', 'ENTRYPOINT ["${1:executable}"${2:, "${3:arg}"}]'),
  form('COPY', 'COPY <src> <dest>', 'COPY ${1:src} ${2:dest}'),
  form('COPY', 'COPY --from=<stage> <src> <dest>', 'COPY --from=${1:build} ${2:src} ${3:dest}'),
  form('COPY', 'COPY --chown=<user>:<group> <src> <dest>', 'COPY --chown=${1:app}:${2:app} ${3:src} ${4:dest}'),
  form('COPY', 'COPY --link <src> <dest>', 'COPY --link ${1:src} ${2:dest}'),
  form(
    'ADD',
    'ADD --checksum=<hash> <url> <dest>',
    'ADD --checksum=sha256:${1:hash} ${2:https://example.com/file.tar.gz} ${3:dest}',
  ),
  form('ADD', 'ADD <archive.tar.gz> <dest>', 'ADD ${1:archive.tar.gz} ${2:dest}'),
  form('ENV', 'ENV <name>=<value>', 'ENV ${1:NAME}=${2:value}'),
  form('ARG', 'ARG <name>=<default>', 'ARG ${1:NAME}=${2:default}'),
  form('ARG', 'ARG <name>', 'ARG ${1:NAME}'),
  form('LABEL', 'LABEL <key>=<value>', 'LABEL ${1:org.opencontainers.image.source}="${2:value}"'),
  form('EXPOSE', 'EXPOSE <port>', 'EXPOSE ${1:8080}'),
  form('EXPOSE', 'EXPOSE <port>/udp', 'EXPOSE ${1:53}/udp'),
  form('WORKDIR', 'WORKDIR <path>', 'WORKDIR ${1:/app}'),
  form('USER', 'USER <user>[:<group>]', 'USER ${1:app}'),
  form('VOLUME', 'VOLUME ["<path>"]', 'VOLUME ["${1:/data}"]'),
  form(
    'HEALTHCHECK',
    'HEALTHCHECK CMD <command>',
    'HEALTHCHECK --interval=${1:30s} --timeout=${2:3s} CMD ${3:wget -qO- http://localhost:8080/health || exit 1}',
  ),
  form('HEALTHCHECK', 'HEALTHCHECK NONE', 'HEALTHCHECK NONE'),
  form('SHELL', 'SHELL ["executable", "params"]', 'SHELL ["${1:/bin/bash}", "-o", "pipefail", "-c"]'),
  form('STOPSIGNAL', 'STOPSIGNAL <signal>', 'STOPSIGNAL ${1:SIGTERM}'),
  form('ONBUILD', 'ONBUILD <instruction>', 'ONBUILD ${1:COPY . /app}'),
  form('MAINTAINER', 'MAINTAINER <name>', 'MAINTAINER ${1:name}'),
];
