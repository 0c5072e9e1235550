// `COPY app.tar.gz /tmp/` then `RUN tar -xzf /tmp/app.tar.gz`: the archive stays in the layer
// COPY made, so the image holds it next to what it unpacks, and a later `rm` cannot take it back.
// ADD unpacks a local tar archive in one step; a bind mount lets RUN read any archive (zip too)
// without putting it in a layer.
import type { Stage } from '../../model';
import type { Instruction, Word } from '../../parser';
import { readCommandLine, runShell, type ShellCommand } from '../../shell';
import { defineMessages } from '../messages';
import type { Finding, StageRule } from '../rule';
import { hasVariable } from '../support';
import { BEST_PRACTICES } from './support';

/** Archives tar reads; ADD unpacks these when they come from the build context. */
const TAR_ARCHIVE = /\.(tar|tgz|tbz2?|txz|tzst|tar\.(gz|bz2|xz|zst|lz4|lzma))$/i;
const ZIP_ARCHIVE = /\.zip$/i;

const messages = defineMessages({
  tarCopied: {
    en: (p: { name: string }) =>
      `${p.name} is copied into the image and unpacked by a later RUN, so the image keeps the archive as well as ` +
      `its contents (removing it later does not shrink the earlier layer). Let ADD unpack it, or read it through ` +
      `RUN --mount=type=bind.`,
    ko: (p) =>
      `${p.name}을(를) 이미지에 복사한 뒤 나중의 RUN에서 풀기 때문에 이미지에 압축 파일과 풀린 내용이 모두 남습니다(나중에 지워도 ` +
      `앞선 레이어는 줄지 않습니다). ADD로 풀거나 RUN --mount=type=bind로 읽으세요.`,
  },
  downloadedTar: {
    en: (p: { name: string }) =>
      `${p.name} is downloaded by ADD and unpacked by a later RUN, so the image keeps the archive as well as its ` +
      `contents. Download and unpack it in one RUN, or unpack it in the RUN that removes it.`,
    ko: (p) =>
      `${p.name}을(를) ADD로 내려받고 나중의 RUN에서 풀기 때문에 이미지에 압축 파일과 풀린 내용이 모두 남습니다. 한 RUN에서 내려받아 ` +
      `풀고 지우세요.`,
  },
  zipCopied: {
    en: (p: { name: string }) =>
      `${p.name} is copied into the image and unpacked by a later RUN, so the image keeps the archive as well as ` +
      `its contents. Read it through RUN --mount=type=bind instead (ADD does not unpack zip files).`,
    ko: (p) =>
      `${p.name}을(를) 이미지에 복사한 뒤 나중의 RUN에서 풀기 때문에 이미지에 압축 파일과 풀린 내용이 모두 남습니다. ` +
      `대신 RUN --mount=type=bind로 읽으세요(ADD는 zip 파일을 풀지 않습니다).`,
  },
});

interface CopiedArchive {
  source: Word;
  /** The file name the archive has in the image. */
  name: string;
  downloaded: boolean;
  /** The COPY or ADD. */
  at: Instruction;
}

const basename = (path: string): string => {
  const trimmed = path.replace(/[?#].*$/, '').replace(/\/+$/, '');
  return trimmed.slice(trimmed.lastIndexOf('/') + 1);
};

/** Archives a COPY (from the build context) or ADD puts into the image as files. */
function copiedArchives(instruction: Instruction): CopiedArchive[] {
  const sources = instruction.sources ?? [];
  const destination = instruction.destination?.value;
  if (!destination || hasVariable(destination) || instruction.flags.some((flag) => flag.name === 'from')) return [];
  const found: CopiedArchive[] = [];
  for (const source of sources) {
    const value = source.value;
    if (hasVariable(value)) continue;
    const downloaded = /^https?:\/\//i.test(value);
    // ADD unpacks a local tar archive itself; a URL (or a zip) it keeps as a file.
    if (instruction.keyword === 'ADD' && !downloaded && TAR_ARCHIVE.test(value)) continue;
    const name = destination.endsWith('/') || sources.length > 1 ? basename(value) : basename(destination);
    if (TAR_ARCHIVE.test(name) || ZIP_ARCHIVE.test(name)) found.push({ source, name, downloaded, at: instruction });
  }
  return found;
}

/** Whether the command unpacks a file called `name`: `tar -x...`, `tar --extract`, `unzip`. */
function extracts(command: ShellCommand, name: string): boolean {
  if (command.program !== 'tar' && command.program !== 'unzip') return false;
  const line = readCommandLine(command, { shortWithValue: 'fCT' });
  const mentioned = command.args.some(
    (arg) => arg.value !== undefined && basename(arg.value.replace(/^-\w*f/, '')) === name,
  );
  if (!mentioned) return false;
  if (command.program === 'unzip') return true;
  if (command.program !== 'tar') return false;
  const first = command.args[0]?.value ?? '';
  // `tar xzf file`: the old form without a dash.
  return (
    line.options.some((option) => option.name === 'x' || option.name === 'extract' || option.name === 'get') ||
    /^[a-z]*x[a-z]*$/.test(first)
  );
}

function check(stage: Stage): Finding[] {
  const findings: Finding[] = [];
  const pending: CopiedArchive[] = [];
  for (const instruction of stage.instructions) {
    if (instruction.keyword === 'COPY' || instruction.keyword === 'ADD') {
      pending.push(...copiedArchives(instruction));
      continue;
    }
    if (instruction.keyword !== 'RUN' || pending.length === 0) continue;
    const shell = runShell(instruction);
    if (!shell || shell.error) continue;
    for (let i = pending.length - 1; i >= 0; i--) {
      const archive = pending[i]!;
      if (!shell.commands.some((command) => extracts(command, archive.name))) continue;
      pending.splice(i, 1);
      const message = archive.downloaded
        ? messages.downloadedTar({ name: archive.name })
        : ZIP_ARCHIVE.test(archive.name)
          ? messages.zipCopied({ name: archive.name })
          : messages.tarCopied({ name: archive.name });
      findings.push({ range: archive.source.range, instruction: archive.at, message });
    }
  }
  return findings.sort(
    (a, b) => a.range.start.line - b.range.start.line || a.range.start.character - b.range.start.character,
  );
}

export const archiveCopiedThenExtracted: StageRule = {
  scope: 'stage',
  code: 'ArchiveCopiedThenExtracted',
  severity: 'info',
  docs: `${BEST_PRACTICES}#add-or-copy`,
  description: {
    en:
      'An archive is put into the image by COPY or ADD and unpacked by a later RUN, so the image keeps both; let ' +
      'ADD unpack it, or read it through a bind mount.',
    ko: 'COPY나 ADD로 이미지에 넣은 압축 파일을 나중의 RUN에서 풀어 둘 다 이미지에 남습니다. ADD로 풀거나 바인드 마운트로 읽으세요.',
  },
  messages,
  category: 'best-practice',
  equivalents: [
    { tool: 'hadolint', id: 'DL3010', note: 'COPY only' },
    { tool: 'droast', id: 'DF067', note: 'every COPY of a local archive, unpacked later or not' },
  ],
  examples: {
    invalid: [
      {
        dockerfile:
          'FROM debian:12\nCOPY app.tar.gz /tmp/\nRUN tar -xzf /tmp/app.tar.gz -C /opt && rm /tmp/app.tar.gz\n',
        range: '1:5-1:15',
      },
    ],
    valid: ['FROM debian:12\nADD app.tar.gz /opt/\n', 'FROM debian:12\nCOPY app.tar.gz /srv/downloads/\n'],
  },
  check,
};
