// What one instruction means for the build cache, computed once per parsed instruction:
// RUN commands and mounts, COPY/ADD sources. Holds no ranges (instructions move on edits).
import { cleanPath } from '../context/dockerignore';
import type { Instruction } from '../parser';
import {
  cachedDownloads,
  type CachedDownloads,
  dependencyInstall,
  type DependencyInstall,
  indexUpdate,
  indexUse,
  installsSystemPackages,
  type SystemPackageManager,
} from './packageManagers';
import { runScript, type SimpleCommand, splitCommands } from './shellCommands';

export interface Mount {
  type: string;
  target: string | undefined;
  /** Bind mounts: the source path (relative to the context or the `from` stage). */
  source: string | undefined;
  from: string | undefined;
}

export interface RunFacts {
  commands: readonly SimpleCommand[];
  /** Dependency installs, with the command that does each. */
  installs: readonly { command: SimpleCommand; install: DependencyInstall }[];
  /** Commands that only refresh a package index (`apt-get update`), with their manager. */
  indexUpdates: readonly { command: SimpleCommand; manager: SystemPackageManager }[];
  indexUses: readonly SystemPackageManager[];
  installsSystemPackages: boolean;
  /** Downloads a cache mount could keep, one entry per package manager. */
  downloads: readonly CachedDownloads[];
  mounts: readonly Mount[];
}

export interface CopyFacts {
  /** `--from` value: a stage name, index or image. */
  from: string | undefined;
  /** Sources read from the build context, as written (unexpanded); empty for `--from` and heredoc sources. */
  contextSources: readonly string[];
  /** Copies the whole context (`.`, `./`, `*`). */
  broad: boolean;
  /** `COPY --parents` (`--parents=true`): sources keep their folders and match differently. */
  parents: boolean;
}

const runCache = new WeakMap<Instruction, RunFacts>();
const copyCache = new WeakMap<Instruction, CopyFacts>();

export function runFacts(instruction: Instruction): RunFacts {
  let facts = runCache.get(instruction);
  if (!facts) {
    const commands = splitCommands(runScript(instruction));
    const downloads = new Map<string, CachedDownloads>();
    for (const command of commands) {
      const found = cachedDownloads(command);
      if (found && !downloads.has(found.id)) downloads.set(found.id, found);
    }
    facts = {
      commands,
      installs: commands.flatMap((command) => {
        const install = dependencyInstall(command);
        return install ? [{ command, install }] : [];
      }),
      indexUpdates: commands.flatMap((command) => {
        const manager = indexUpdate(command);
        return manager ? [{ command, manager }] : [];
      }),
      indexUses: commands.map(indexUse).filter((m): m is SystemPackageManager => m !== undefined),
      installsSystemPackages: commands.some(installsSystemPackages),
      downloads: [...downloads.values()],
      mounts: instruction.flags
        .filter((f) => f.name === 'mount' && f.value !== undefined)
        .map((f) => parseMount(f.value!)),
    };
    runCache.set(instruction, facts);
  }
  return facts;
}

/** `type=cache,target=/root/.npm,sharing=locked` (BuildKit's CSV form; `dst`/`destination` alias `target`). */
export function parseMount(value: string): Mount {
  const options = new Map<string, string>();
  for (const field of value.split(',')) {
    const equals = field.indexOf('=');
    if (equals > 0) options.set(field.slice(0, equals).trim().toLowerCase(), field.slice(equals + 1).trim());
  }
  return {
    type: options.get('type') ?? 'bind',
    target: options.get('target') ?? options.get('dst') ?? options.get('destination'),
    source: options.get('source') ?? options.get('src'),
    from: options.get('from'),
  };
}

export function copyFacts(instruction: Instruction): CopyFacts {
  let facts = copyCache.get(instruction);
  if (!facts) {
    const from = instruction.flags.find((f) => f.name === 'from')?.value;
    const sources =
      from !== undefined
        ? []
        : (instruction.sources ?? []).map((s) => s.value).filter((s) => !s.startsWith('<<') && !isRemote(s));
    const parents =
      instruction.keyword === 'COPY' &&
      instruction.flags.some(
        (f) => f.name === 'parents' && (f.value === undefined || f.value.toLowerCase() === 'true'),
      );
    facts = { from, contextSources: sources, broad: sources.some(isWholeContext), parents };
    copyCache.set(instruction, facts);
  }
  return facts;
}

/** `.`, `./`, `*`, `./*`: every file of the context. */
export function isWholeContext(source: string): boolean {
  const clean = cleanPath(source);
  return clean === '' || clean === '*';
}

function isRemote(source: string): boolean {
  return /^[a-z][a-z0-9+.-]*:\/\//i.test(source) || source.startsWith('git@');
}
