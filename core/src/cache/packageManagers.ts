// What the commands of a RUN install, and from which files: project dependency managers
// (npm, pip, go, ...) with their manifests, system package managers, and where each keeps its
// download cache for `RUN --mount=type=cache`.
import { trimTrailing } from '../parser/textScan';
import { commandName, positionals, type SimpleCommand } from './shellCommands';

export interface CacheMount {
  target: string;
  /** apt needs exclusive access to its cache. */
  sharing?: 'locked';
}

interface DependencyManager {
  id: string;
  /** Files the install reads, in COPY order; the first must exist. */
  manifests: readonly string[];
  /** Lock and config files copied with the manifests when they exist in the build context. */
  companions: readonly string[];
}

/** A command that installs a project's dependencies from its manifests. */
export interface DependencyInstall {
  manager: DependencyManager;
  /** Works with only the manifests in place, so it can run before the sources are copied. */
  needsOnlyManifests: boolean;
  /** Files named on the command line (`pip install -r requirements.txt`), replacing the defaults. */
  namedManifests: readonly string[] | undefined;
}

const manager = (id: string, manifests: string[], companions: string[] = []): DependencyManager => ({
  id,
  manifests,
  companions,
});

const DEPENDENCY_MANAGERS = {
  npm: manager('npm', ['package.json'], ['package-lock.json', 'npm-shrinkwrap.json']),
  yarn: manager('yarn', ['package.json'], ['yarn.lock', '.yarnrc.yml']),
  pnpm: manager('pnpm', ['package.json'], ['pnpm-lock.yaml', 'pnpm-workspace.yaml']),
  bun: manager('bun', ['package.json'], ['bun.lock', 'bun.lockb']),
  pip: manager('pip', ['requirements.txt']),
  pipenv: manager('pipenv', ['Pipfile'], ['Pipfile.lock']),
  poetry: manager('poetry', ['pyproject.toml'], ['poetry.lock']),
  uv: manager('uv', ['pyproject.toml'], ['uv.lock']),
  go: manager('go', ['go.mod'], ['go.sum']),
  bundler: manager('bundler', ['Gemfile'], ['Gemfile.lock']),
  composer: manager('composer', ['composer.json'], ['composer.lock']),
  cargo: manager('cargo', ['Cargo.toml'], ['Cargo.lock']),
  maven: manager('maven', ['pom.xml']),
  gradle: manager(
    'gradle',
    ['build.gradle'],
    ['settings.gradle', 'build.gradle.kts', 'settings.gradle.kts', 'gradle.properties'],
  ),
  dotnet: manager('dotnet', ['*.csproj']),
} as const satisfies Record<string, DependencyManager>;

const ALL_MANIFEST_NAMES: ReadonlySet<string> = new Set(
  Object.values(DEPENDENCY_MANAGERS).flatMap((m: DependencyManager) => [...m.manifests, ...m.companions]),
);

/** Whether a COPY source names a dependency manifest (or a glob that takes one, like `package*.json`). */
export function isManifestSource(source: string): boolean {
  const trimmed = trimTrailing(source, '/');
  const base = trimmed.slice(trimmed.lastIndexOf('/') + 1);
  if (
    ALL_MANIFEST_NAMES.has(base) ||
    /^requirements.*\.(txt|in)$/.test(base) ||
    base.endsWith('.csproj') ||
    base.endsWith('.sln')
  )
    return true;
  return /[*?[]/.test(base) && [...ALL_MANIFEST_NAMES].some((name) => globMatches(base, name));
}

/** One element of a glob: `*`, `?`, a `[...]` class or a literal character. */
type GlobToken =
  | { kind: 'star' }
  | { kind: 'any' }
  | { kind: 'literal'; char: string }
  | { kind: 'class'; negated: boolean; ranges: [string, string][] };

/**
 * A file-name glob as Go's filepath.Match reads it (`*`, `?`, `[a-z]`, `[^x]`, `\` escapes),
 * or undefined when it is malformed (an unclosed `[`, a trailing `\`).
 */
function globTokens(glob: string): GlobToken[] | undefined {
  const tokens: GlobToken[] = [];
  for (let i = 0; i < glob.length; i++) {
    const ch = glob[i]!;
    if (ch === '*') {
      // A run of stars matches what one star does.
      if (tokens[tokens.length - 1]?.kind !== 'star') tokens.push({ kind: 'star' });
    } else if (ch === '?') tokens.push({ kind: 'any' });
    else if (ch === '\\') {
      if (++i >= glob.length) return undefined;
      tokens.push({ kind: 'literal', char: glob[i]! });
    } else if (ch === '[') {
      const negated = glob[i + 1] === '^';
      let j = negated ? i + 2 : i + 1;
      const ranges: [string, string][] = [];
      while (j < glob.length && (glob[j] !== ']' || ranges.length === 0)) {
        let low = glob[j]!;
        if (low === '\\') low = glob[++j] ?? '';
        let high = low;
        if (glob[j + 1] === '-' && glob[j + 2] !== undefined && glob[j + 2] !== ']') {
          j += 2;
          high = glob[j] === '\\' ? (glob[++j] ?? '') : glob[j]!;
        }
        if (low === '' || high === '') return undefined;
        ranges.push([low, high]);
        j++;
      }
      if (j >= glob.length) return undefined;
      tokens.push({ kind: 'class', negated, ranges });
      i = j;
    } else tokens.push({ kind: 'literal', char: ch });
  }
  return tokens;
}

function tokenTakes(token: GlobToken, ch: string): boolean {
  switch (token.kind) {
    case 'star':
      return false;
    case 'any':
      return ch !== '/';
    case 'literal':
      return token.char === ch;
    case 'class':
      return ch !== '/' && token.ranges.some(([low, high]) => ch >= low && ch <= high) !== token.negated;
  }
}

/**
 * Whether a file-name glob matches `name`. Walks both once, going back only to the last star
 * (the classic wildcard match): at most glob length x name length steps, where a glob turned
 * into a regular expression (`*` -> `[^/]*`) backtracks exponentially in the number of stars.
 */
export function globMatches(glob: string, name: string): boolean {
  const tokens = globTokens(glob);
  if (!tokens) return false;
  let t = 0;
  let n = 0;
  let starToken = -1;
  let starName = 0;
  while (n < name.length) {
    const token = tokens[t];
    if (token?.kind === 'star') {
      starToken = t++;
      starName = n;
    } else if (token && tokenTakes(token, name[n]!)) {
      t++;
      n++;
    } else if (starToken >= 0 && name[starName] !== '/') {
      // Let the last star take one more character and try again from there.
      t = starToken + 1;
      n = ++starName;
    } else return false;
  }
  while (tokens[t]?.kind === 'star') t++;
  return t === tokens.length;
}

const install = (m: DependencyManager, needsOnlyManifests = true, namedManifests?: string[]): DependencyInstall => ({
  manager: m,
  needsOnlyManifests,
  namedManifests,
});

/**
 * The dependency install a command performs, if any.
 * Commands that add named packages are not installs from manifests.
 */
export function dependencyInstall(command: SimpleCommand): DependencyInstall | undefined {
  const name = commandName(command);
  const sub = command[1];
  const M = DEPENDENCY_MANAGERS;
  switch (name) {
    case 'npm':
      if (sub === 'ci' || sub === 'clean-install') return install(M.npm);
      if ((sub === 'install' || sub === 'i') && positionals(command, 2).length === 0) return install(M.npm);
      return undefined;
    case 'yarn':
      return (sub === undefined || sub.startsWith('-') || sub === 'install') &&
        positionals(command, 1).filter((w) => w !== 'install').length === 0
        ? install(M.yarn)
        : undefined;
    case 'pnpm':
      return (sub === 'install' || sub === 'i' || sub === 'fetch') && positionals(command, 2).length === 0
        ? install(M.pnpm)
        : undefined;
    case 'bun':
      return sub === 'install' && positionals(command, 2).length === 0 ? install(M.bun) : undefined;
    case 'pip':
    case 'pip3':
      return pipInstall(command.slice(1));
    case 'python':
    case 'python3':
      return command[1] === '-m' && (command[2] === 'pip' || command[2] === 'pip3')
        ? pipInstall(command.slice(3))
        : undefined;
    case 'pipenv':
      return (sub === 'install' && positionals(command, 2).length === 0) || sub === 'sync'
        ? install(M.pipenv)
        : undefined;
    case 'poetry':
      return sub === 'install' ? install(M.poetry, command.includes('--no-root')) : undefined;
    case 'uv':
      if (sub === 'sync') return install(M.uv, command.includes('--no-install-project'));
      return sub === 'pip' && command[2] === 'install' ? pipInstall(command.slice(2)) : undefined;
    case 'go':
      if (sub === 'mod' && command[2] === 'download') return install(M.go);
      return sub === 'build' || sub === 'install' ? install(M.go, false) : undefined;
    case 'bundle':
    case 'bundler':
      return sub === 'install' ? install(M.bundler) : undefined;
    case 'composer':
      return sub === 'install'
        ? install(M.composer, command.includes('--no-scripts') && command.includes('--no-autoloader'))
        : undefined;
    case 'cargo':
      if (sub === 'fetch') return install(M.cargo, false);
      return sub === 'build' ? install(M.cargo, false) : undefined;
    case 'mvn':
    case 'mvnw': {
      const goals = positionals(command, 1);
      if (goals.some((g) => g.startsWith('dependency:go-offline') || g.startsWith('dependency:resolve')))
        return install(M.maven);
      return goals.some((g) => ['compile', 'package', 'install', 'verify'].includes(g))
        ? install(M.maven, false)
        : undefined;
    }
    case 'gradle':
    case 'gradlew':
      return positionals(command, 1).length > 0 ? install(M.gradle, false) : undefined;
    case 'dotnet':
      if (sub === 'restore') return install(M.dotnet);
      return sub === 'publish' || sub === 'build' ? install(M.dotnet, false) : undefined;
    default:
      return undefined;
  }
}

/** `pip install -r a.txt -r b.txt`: an install from those files; `pip install flask` is not. */
function pipInstall(args: SimpleCommand): DependencyInstall | undefined {
  if (args[0] !== 'install') return undefined;
  const files: string[] = [];
  for (let i = 1; i < args.length; i++) {
    const word = args[i]!;
    if ((word === '-r' || word === '--requirement') && args[i + 1]) files.push(args[++i]!);
    else if (word.startsWith('--requirement=')) files.push(word.slice('--requirement='.length));
    else if (word.startsWith('-r') && word.length > 2) files.push(word.slice(2));
  }
  return files.length > 0 ? install(DEPENDENCY_MANAGERS.pip, true, files) : undefined;
}

export type SystemPackageManager = 'apt' | 'apk' | 'rpm' | 'zypper';

/** yum and its successors share one metadata model. */
const RPM_TOOLS = ['yum', 'dnf', 'dnf5', 'microdnf', 'tdnf'];

/**
 * A command that refreshes the package index only: `apt-get update`, `apk update`,
 * `dnf makecache`, `zypper refresh`. (`yum update` upgrades packages: that uses the index.)
 */
export function indexUpdate(command: SimpleCommand): SystemPackageManager | undefined {
  const name = commandName(command);
  const action = positionals(command, 1)[0];
  if ((name === 'apt-get' || name === 'apt' || name === 'aptitude') && action === 'update') return 'apt';
  if (name === 'apk' && action === 'update') return 'apk';
  // `mc` is dnf's other name for makecache.
  if (RPM_TOOLS.includes(name) && (action === 'makecache' || action === 'mc')) return 'rpm';
  if (name === 'zypper' && (action === 'refresh' || action === 'ref')) return 'zypper';
  return undefined;
}

/** A command that uses the package index: install, upgrade, add. */
export function indexUse(command: SimpleCommand): SystemPackageManager | undefined {
  const name = commandName(command);
  const action = positionals(command, 1)[0];
  if (!action) return undefined;
  if (
    (name === 'apt-get' || name === 'apt' || name === 'aptitude') &&
    ['install', 'upgrade', 'dist-upgrade', 'full-upgrade', 'build-dep', 'source', 'download'].includes(action)
  )
    return 'apt';
  if (name === 'apk' && ['add', 'upgrade', 'fix', 'fetch'].includes(action)) return 'apk';
  if (
    RPM_TOOLS.includes(name) &&
    [
      'install',
      'in',
      'reinstall',
      'rei',
      'update',
      'upgrade',
      'up',
      'upgrade-minimal',
      'update-minimal',
      'up-min',
      'downgrade',
      'dg',
      'distro-sync',
      'distrosync',
      'dsync',
      'swap',
      'groupinstall',
      'group',
      'module',
      'builddep',
      'download',
      'localinstall',
    ].includes(action)
  )
    return 'rpm';
  if (
    name === 'zypper' &&
    ['install', 'in', 'update', 'up', 'dist-upgrade', 'dup', 'patch', 'source-install', 'si'].includes(action)
  )
    return 'zypper';
  return undefined;
}

/** Commands that install system packages (heavy, and unrelated to the project's sources). */
export function installsSystemPackages(command: SimpleCommand): boolean {
  const action = positionals(command, 1)[0];
  const manager = indexUse(command);
  if (manager === 'apt' || manager === 'apk') return true;
  return manager !== undefined && (action === 'install' || action === 'in');
}

/** Package managers whose downloads a cache mount keeps between builds, and where. */
export interface CachedDownloads {
  id: string;
  mounts: readonly CacheMount[];
}

const APT_MOUNTS: CacheMount[] = [
  { target: '/var/cache/apt', sharing: 'locked' },
  { target: '/var/lib/apt', sharing: 'locked' },
];

/**
 * The download cache a command fills, when a cache mount can keep it
 * (commands that opt out of caching are left alone).
 */
export function cachedDownloads(command: SimpleCommand): CachedDownloads | undefined {
  const name = commandName(command);
  const sub = command[1];
  const action = positionals(command, 1)[0];
  switch (name) {
    case 'npm':
      return ['ci', 'install', 'i', 'clean-install'].includes(sub ?? '')
        ? { id: 'npm', mounts: [{ target: '/root/.npm' }] }
        : undefined;
    case 'yarn':
      return sub === undefined || sub === 'install' || sub === 'add'
        ? { id: 'yarn', mounts: [{ target: '/usr/local/share/.cache/yarn' }] }
        : undefined;
    case 'pnpm':
      return ['install', 'i', 'add', 'fetch'].includes(sub ?? '')
        ? { id: 'pnpm', mounts: [{ target: '/root/.local/share/pnpm/store' }] }
        : undefined;
    case 'pip':
    case 'pip3':
      return sub === 'install' && !command.includes('--no-cache-dir')
        ? { id: 'pip', mounts: [{ target: '/root/.cache/pip' }] }
        : undefined;
    case 'python':
    case 'python3':
      return command[1] === '-m' &&
        command[2]?.startsWith('pip') &&
        command[3] === 'install' &&
        !command.includes('--no-cache-dir')
        ? { id: 'pip', mounts: [{ target: '/root/.cache/pip' }] }
        : undefined;
    case 'uv':
      return (sub === 'sync' || (sub === 'pip' && command[2] === 'install')) && !command.includes('--no-cache')
        ? { id: 'uv', mounts: [{ target: '/root/.cache/uv' }] }
        : undefined;
    case 'go':
      if (sub === 'mod' && command[2] === 'download') return { id: 'go', mounts: [{ target: '/go/pkg/mod' }] };
      return sub === 'build' || sub === 'install'
        ? { id: 'go', mounts: [{ target: '/go/pkg/mod' }, { target: '/root/.cache/go-build' }] }
        : undefined;
    case 'cargo':
      return sub === 'build' || sub === 'fetch' || sub === 'install'
        ? { id: 'cargo', mounts: [{ target: '/usr/local/cargo/registry' }] }
        : undefined;
    case 'mvn':
    case 'mvnw':
      return positionals(command, 1).length > 0 ? { id: 'maven', mounts: [{ target: '/root/.m2' }] } : undefined;
    case 'gradle':
    case 'gradlew':
      return positionals(command, 1).length > 0 ? { id: 'gradle', mounts: [{ target: '/root/.gradle' }] } : undefined;
    case 'apt-get':
    case 'apt':
      return action === 'install' ? { id: 'apt', mounts: APT_MOUNTS } : undefined;
    default:
      return undefined;
  }
}
