// Context-sensitive teaching: the concept a learner most likely needs for this very instruction
// (shell-form CMD -> PID 1 and signals, RUN cd -> WORKDIR, ADD of local files -> COPY, ...).
import type { DockerfileModel } from '../../../../core/src/model';
import type { Instruction } from '../../../../core/src/parser';

/** A shell command that changes directory: `cd dir`, `... && cd dir`, `; cd dir`. */
export const CD_COMMAND = /(^|&&|\|\||;|\()\s*cd\s/;
// `\s+(?:\S+\s*)?` matches what `\s+\S*\s*` does, without two blank runs side by side that a
// long run of blanks splits in quadratically many ways.
const PACKAGE_MANAGER = String.raw`\b(apt-get|apt|apk|yum|dnf|pip3?|npm|yarn|pnpm|go mod|bundle|composer|mvn|gradle)\b`;
const INSTALL_VERB = '(install|add|ci|download|update|sync|dependency)';
const PACKAGE_INSTALL = new RegExp(String.raw`${PACKAGE_MANAGER}\s+(?:\S+\s*)?${INSTALL_VERB}`);
const SECRET_NAME = /(pass(word)?|secret|token|api_?key|private_?key|credentials?)/i;
const BACKGROUND_SERVICES = /(^|[^&])&(\s|$)|supervisord|\bservice\s+\S+\s+start/;

const isUrl = (source: string): boolean => /^(https?|git):\/\//.test(source) || source.startsWith('git@');
const isArchive = (source: string): boolean => /\.(tar|tar\.gz|tgz|tar\.bz2|tbz2?|tar\.xz|txz|tar\.zst)$/i.test(source);

/** Names of concept docs (core/docs/<lang>/concept/<name>.md) that explain this instruction in context. */
export function contextConcepts(instruction: Instruction, model: DockerfileModel): string[] {
  const concepts: string[] = [];
  const shellText = instruction.exec ? undefined : instruction.rest?.value;
  switch (instruction.keyword) {
    case 'CMD':
    case 'ENTRYPOINT':
      if (shellText !== undefined) concepts.push('exec-vs-shell');
      if (BACKGROUND_SERVICES.test(shellText ?? instruction.exec?.strings.map((s) => s.value).join(' ') ?? ''))
        concepts.push('one-process');
      break;
    case 'RUN':
      if (shellText !== undefined && CD_COMMAND.test(shellText)) concepts.push('workdir-vs-cd');
      if (shellText !== undefined && PACKAGE_INSTALL.test(shellText) && followsWholeContextCopy(instruction, model))
        concepts.push('build-cache');
      break;
    case 'ADD': {
      const sources = (instruction.sources ?? []).map((s) => s.value);
      if (sources.length > 0 && !sources.some((s) => isUrl(s) || isArchive(s))) concepts.push('copy-vs-add');
      break;
    }
    case 'COPY':
      if (
        !instruction.flags.some((f) => f.name === 'from') &&
        (instruction.sources ?? []).some((s) => s.value === '.' || s.value === './')
      )
        concepts.push('dockerignore');
      break;
    case 'USER': {
      const user = instruction.args[0]?.value.split(':')[0];
      if (user === 'root' || user === '0') concepts.push('non-root');
      break;
    }
    case 'ARG':
    case 'ENV':
      if ((instruction.pairs ?? []).some((pair) => SECRET_NAME.test(pair.key.value))) concepts.push('arg-vs-env');
      break;
    case 'FROM':
      if (model.stages.length > 1) concepts.push('multi-stage');
      break;
  }
  return concepts;
}

/** Whether an earlier instruction of the same stage copies the whole build context (`COPY . .`). */
function followsWholeContextCopy(instruction: Instruction, model: DockerfileModel): boolean {
  const stage = model.stageOf(instruction);
  if (!stage) return false;
  for (const earlier of stage.instructions) {
    if (earlier === instruction) return false;
    if ((earlier.keyword === 'COPY' || earlier.keyword === 'ADD') && !earlier.flags.some((f) => f.name === 'from')) {
      if ((earlier.sources ?? []).some((s) => s.value === '.' || s.value === './')) return true;
    }
  }
  return false;
}
