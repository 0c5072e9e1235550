import type { Finding } from '../rule';
import type { ShellWord } from '../../shell';
import { hasOption } from '../../shell';
import { APK_OPTIONS } from './apkAddWithoutNoCache';
import { aptGetCalls } from './aptGet';
import { pipCalls, pipxCalls } from './pip';
import { shellRunRule } from './shellRuns';
import { BEST_PRACTICES, type ToolCall, toolCalls } from './support';
import { YUM_OPTIONS, YUM_PROGRAMS, yumCommand } from './yum';
import { ZYPPER_OPTIONS } from './zypperWithoutNonInteractive';
import { defineMessages } from '../messages';

const messages = defineMessages({
  unpinned: {
    en: (p: { tool: string; name: string | undefined; example: string }) =>
      `${p.tool} installs whatever version of ${p.name} is current at build time. Pin it (${p.example}) if builds ` +
      'must be repeatable.',
    ko: (p) =>
      `${p.tool}가 빌드 시점의 최신 ${p.name}를 설치합니다. 빌드를 재현해야 한다면 버전을 고정하세요(${p.example}).`,
  },
});

/** Files, folders and URLs are not package names. */
const isPath = (name: string): boolean =>
  /[/]/.test(name) || name.startsWith('.') || /\.(deb|rpm|apk|whl|tar\.gz|tgz|gem|zip)$/.test(name);

/** pip's VCS schemes (`git+https://...`): pinned only with `@<revision>` after the repository path. */
function isUnpinnedVcs(spec: string): boolean {
  const scheme = /^(git|hg|svn|bzr)\+[a-z-]+:\/\//.exec(spec);
  if (!scheme) return false;
  const rest = spec.slice(scheme[0].length).split('#')[0]!;
  const slash = rest.indexOf('/');
  // An `@` before the first slash is the user name of the host, not a revision.
  return slash < 0 || !rest.slice(slash).includes('@');
}

/**
 * npm: `name@version` and `@scope/name@version` (a `@latest` tag moves); git URLs and GitHub's
 * `user/repo` shorthand pin with `#<commit>`; tarballs, URLs and folders are fixed.
 */
function npmUnpinned(spec: string): boolean {
  if (/^(git\+|git:|github:|gitlab:|bitbucket:)/.test(spec)) return !spec.includes('#');
  if (/^(https?:|file:|[./~])/.test(spec) || /\.(tgz|tar\.gz)$/.test(spec)) return false;
  const scoped = spec.startsWith('@');
  const name = scoped ? spec.slice(1) : spec;
  if (!scoped && name.includes('/')) return !spec.includes('#');
  const at = name.indexOf('@');
  return at < 0 || name.slice(at + 1) === 'latest';
}

/**
 * yum and dnf: `name-version` or `name-version-release`, the version starting with a digit (or an
 * epoch); `java-17-openjdk` is a name (its last part has no digit).
 */
function rpmVersioned(spec: string): boolean {
  const parts = spec.split('-');
  if (parts.length < 2) return false;
  const isVersion = (part: string): boolean => /^(\d+:)?\d[\w.+~^]*$/.test(part);
  const last = parts[parts.length - 1]!;
  return isVersion(last) || (parts.length > 2 && isVersion(parts[parts.length - 2]!) && /\d/.test(last));
}

/** pip and pipx: `name==1.0` and other specifiers, or a VCS URL with `@<revision>`. */
function pipUnpinned(spec: string): string | undefined {
  if (isUnpinnedVcs(spec)) return `${spec}@<revision>`;
  if (/[=<>~!@]/.test(spec) || isPath(spec) || /^[a-z+]+:/.test(spec)) return undefined;
  return `${spec}==<version>`;
}

const NPM_OPTIONS = {
  longWithValue: ['prefix', 'registry', 'tag', 'workspace', 'omit', 'include', 'cache'],
  shortWithValue: 'w',
};
const GEM_OPTIONS = {
  shortWithValue: 'vinsgP',
  longWithValue: ['version', 'install-dir', 'bindir', 'source', 'platform', 'trust-policy', 'file', 'build-root'],
};
/** `go install` build flags that take a value (one dash or two; `-flag=value` needs no lookup). */
const GO_FLAGS_WITH_VALUE = new Set([
  'C',
  'p',
  'o',
  'tags',
  'ldflags',
  'gcflags',
  'asmflags',
  'gccgoflags',
  'mod',
  'modfile',
  'overlay',
  'pgo',
  'pkgdir',
  'toolexec',
  'buildmode',
  'compiler',
  'installsuffix',
  'coverpkg',
  'covermode',
]);

/** The package words of a `go install` call: Go reads its flags with one dash, which the shared reader does not. */
function goPackages(call: ToolCall): ShellWord[] {
  const args = call.command.args;
  const packages: ShellWord[] = [];
  for (let i = args.indexOf(call.subcommand!) + 1; i < args.length; i++) {
    const value = args[i]!.value;
    if (value?.startsWith('-')) {
      if (!value.includes('=') && GO_FLAGS_WITH_VALUE.has(value.replace(/^--?/, ''))) i++;
      continue;
    }
    packages.push(args[i]!);
  }
  return packages;
}

export const unpinnedPackageVersion = shellRunRule(
  {
    code: 'UnpinnedPackageVersion',
    severity: 'info',
    // Distributions replace old package versions, so pinning is a trade-off: off unless asked for.
    offByDefault: true,
    docs: `${BEST_PRACTICES}#apt-get`,
    description: {
      en:
        'Packages installed without a version can differ from one build to the next; ' +
        'pin versions where repeatable builds matter more than automatic updates.',
      ko: '버전 없이 설치한 패키지는 빌드마다 달라질 수 있습니다. 자동 업데이트보다 재현 가능한 빌드가 중요하다면 버전을 고정하세요.',
    },
    messages,
    category: 'best-practice',
    equivalents: [
      { tool: 'hadolint', id: 'DL3008', note: 'apt-get' },
      { tool: 'hadolint', id: 'DL3018', note: 'apk' },
      { tool: 'hadolint', id: 'DL3013', note: 'pip' },
      { tool: 'hadolint', id: 'DL3016', note: 'npm' },
      { tool: 'hadolint', id: 'DL3028', note: 'gem' },
      { tool: 'hadolint', id: 'DL3033', note: 'yum' },
      { tool: 'hadolint', id: 'DL3041', note: 'dnf and microdnf' },
      { tool: 'hadolint', id: 'DL3037', note: 'zypper' },
      { tool: 'hadolint', id: 'DL3062', note: 'go install; @latest counts as unpinned' },
      { tool: 'droast', id: 'DF005', note: 'apt-get and yum' },
      { tool: 'droast', id: 'DF052', note: 'apk' },
      { tool: 'droast', id: 'DF051', note: 'pip' },
    ],
    examples: {
      invalid: [
        { dockerfile: 'FROM python:3.12\nRUN pip install --no-cache-dir flask\n', range: '1:31-1:36' },
        { dockerfile: 'FROM node:22\nRUN npm install -g typescript\n', range: '1:19-1:29' },
        { dockerfile: 'FROM golang:1.23\nRUN go install golang.org/x/tools/gopls@latest\n', range: '1:15-1:46' },
        { dockerfile: 'FROM fedora:40\nRUN dnf in -y httpd && dnf clean all\n', range: '1:14-1:19' },
      ],
      valid: [
        'FROM python:3.12\nRUN pip install --no-cache-dir --root-user-action ignore flask==3.0.0\n',
        'FROM node:22\nRUN npm install -g typescript@5.6.3\n',
        'FROM golang:1.23\nRUN go install golang.org/x/tools/gopls@v0.16.2\n',
        'FROM fedora:40\nRUN dnf in -y httpd-2.4.62 && dnf clean all\n',
      ],
    },
  },
  (instruction) => {
    const unpinned: { word: ShellWord; tool: string; example: string }[] = [];
    for (const call of aptGetCalls(instruction, ['install'])) {
      for (const word of call.line.operands.slice(1)) {
        if (word.value !== undefined && !word.value.includes('=') && !isPath(word.value))
          unpinned.push({ word, tool: 'apt-get', example: `${word.value}=<version>` });
      }
    }
    for (const call of toolCalls(instruction, ['apk'], APK_OPTIONS)) {
      if (call.subcommand?.value !== 'add') continue;
      for (const word of call.line.operands.slice(1)) {
        if (word.value !== undefined && !/[=<>~]/.test(word.value) && !isPath(word.value))
          unpinned.push({ word, tool: 'apk', example: `${word.value}=<version>` });
      }
    }
    // Constraint files and editable installs decide versions elsewhere; a requirement file does not
    // pin the packages named beside it.
    const pips = pipCalls(instruction, 'install').filter(
      (call) => !hasOption(call.line, 'c', 'constraint', 'e', 'editable'),
    );
    for (const call of [...pips, ...pipxCalls(instruction)]) {
      const tool = call.command.program === 'pipx' ? 'pipx' : 'pip';
      for (const word of call.line.operands.slice(1)) {
        const example = word.value === undefined ? undefined : pipUnpinned(word.value);
        if (example) unpinned.push({ word, tool, example });
      }
    }
    for (const call of toolCalls(instruction, ['npm'], NPM_OPTIONS)) {
      if (!['install', 'i', 'add'].includes(call.subcommand?.value ?? '')) continue;
      for (const word of call.line.operands.slice(1))
        if (word.value !== undefined && npmUnpinned(word.value))
          unpinned.push({ word, tool: 'npm', example: `${word.value}@<version>` });
    }
    for (const call of toolCalls(instruction, ['gem'], GEM_OPTIONS)) {
      if (!['install', 'i'].includes(call.subcommand?.value ?? '') || hasOption(call.line, 'v', 'version')) continue;
      for (const word of call.line.operands.slice(1))
        if (word.value !== undefined && !word.value.includes(':') && !isPath(word.value))
          unpinned.push({ word, tool: 'gem', example: `${word.value}:<version>` });
    }
    for (const call of toolCalls(instruction, ['go'])) {
      if (call.subcommand?.value !== 'install') continue;
      for (const word of goPackages(call)) {
        const value = word.value;
        // Local packages (`.`, `./cmd/...`) build what is in the context.
        if (value === undefined || value.startsWith('.') || value.startsWith('/')) continue;
        const at = value.lastIndexOf('@');
        // Queries that move with the module's releases are not pins (go help install: `@latest`).
        if (at < 0 || ['latest', 'upgrade', 'patch'].includes(value.slice(at + 1)))
          unpinned.push({ word, tool: 'go install', example: `${at < 0 ? value : value.slice(0, at)}@<version>` });
      }
    }
    for (const call of toolCalls(instruction, YUM_PROGRAMS, YUM_OPTIONS)) {
      if (yumCommand(call) !== 'install') continue;
      for (const word of call.line.operands.slice(1)) {
        const value = word.value;
        // Groups and modules (`@group`), file provides and local rpms are not plain package names.
        if (value === undefined || value.startsWith('@') || isPath(value) || /[*?[(]/.test(value)) continue;
        if (!rpmVersioned(value)) unpinned.push({ word, tool: call.command.program!, example: `${value}-<version>` });
      }
    }
    for (const call of toolCalls(instruction, ['zypper'], ZYPPER_OPTIONS)) {
      if (!['install', 'in'].includes(call.subcommand?.value ?? '')) continue;
      for (const word of call.line.operands.slice(1)) {
        const value = word.value;
        if (value !== undefined && !/[=<>]/.test(value) && !isPath(value) && !/[*?]/.test(value))
          unpinned.push({ word, tool: 'zypper', example: `${value}=<version>` });
      }
    }
    return unpinned.map(
      ({ word, tool, example }): Finding => ({
        range: word.range,
        message: messages.unpinned({ tool, name: word.value, example }),
      }),
    );
  },
);
