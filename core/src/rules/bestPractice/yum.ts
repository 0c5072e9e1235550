// How yum, dnf, dnf5, tdnf and microdnf are called, and the other names dnf gives its commands.
import type { OptionSyntax } from '../../shell';
import type { ToolCall } from './support';

export const YUM_PROGRAMS = ['yum', 'dnf', 'tdnf', 'dnf5', 'microdnf'];
export const YUM_OPTIONS: OptionSyntax = {
  shortWithValue: 'cdeRx',
  longWithValue: [
    'config',
    'enablerepo',
    'disablerepo',
    'repo',
    'repoid',
    'setopt',
    'installroot',
    'releasever',
    'exclude',
    'excludepkgs',
    'forcearch',
  ],
};

/**
 * dnf's other names for its commands (dnf's command classes list them as aliases; yum 3 knows
 * some of them too): each is read as the command it stands for.
 */
const ALIASES: Readonly<Record<string, string>> = {
  in: 'install',
  localinstall: 'install',
  'install-n': 'install',
  'install-na': 'install',
  'install-nevra': 'install',
  rei: 'reinstall',
  update: 'upgrade',
  up: 'upgrade',
  'upgrade-to': 'upgrade',
  'update-to': 'upgrade',
  localupdate: 'upgrade',
  'update-minimal': 'upgrade-minimal',
  'up-min': 'upgrade-minimal',
  erase: 'remove',
  rm: 'remove',
  dg: 'downgrade',
  distrosync: 'distro-sync',
  'distribution-synchronization': 'distro-sync',
  dsync: 'distro-sync',
  mc: 'makecache',
  groupinstall: 'group-install',
};

/** The command a call runs, with dnf's aliases resolved (`dnf in` -> `install`); undefined for an expansion. */
export function yumCommand(call: ToolCall): string | undefined {
  const name = call.subcommand?.value;
  if (name === undefined) return undefined;
  // `dnf group install` is `groupinstall`.
  if (name === 'group' || name === 'groups') return call.line.operands[1]?.value === 'install' ? 'group-install' : name;
  return ALIASES[name] ?? name;
}

/** Commands that install or remove packages and so ask for confirmation (as `yumCommand` names them). */
export const YUM_CHANGING = [
  'install',
  'group-install',
  'reinstall',
  'upgrade',
  'upgrade-minimal',
  'remove',
  'downgrade',
  'distro-sync',
  'autoremove',
  'swap',
];
