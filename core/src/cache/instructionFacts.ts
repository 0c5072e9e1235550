// What one instruction means for the build cache, computed once per parsed instruction:
// RUN commands and mounts, COPY/ADD sources. Holds no ranges (instructions move on edits).
import { cleanPath } from '../context/dockerignore';
import { type Instruction, keptMountOptions, splitMountFields } from '../parser';
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
      mounts: instruction.flags.flatMap((f) => (f.mount ? [mountFacts(f.mount.fields)] : [])),
    };
    runCache.set(instruction, facts);
  }
  return facts;
}

/** `type=cache,target=/root/.npm,sharing=locked` (BuildKit's CSV form; `dst`/`destination` alias `target`). */
export function parseMount(value: string): Mount {
  return mountFacts(splitMountFields(value).fields);
}

/** What the cache analysis needs of a mount's fields (read once by the parser, see `Flag.mount`). */
function mountFacts(fields: readonly { key: string; value: string | undefined }[]): Mount {
  const kept = keptMountOptions(fields);
  return {
    type: kept.type,
    target: kept.target?.value?.trim(),
    source: kept.source?.value?.trim(),
    from: kept.from?.value?.trim(),
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
function isWholeContext(source: string): boolean {
  const clean = cleanPath(source);
  return clean === '' || clean === '*';
}

function isRemote(source: string): boolean {
  return /^[a-z][a-z0-9+.-]*:\/\//i.test(source) || source.startsWith('git@');
}
