// How yum, dnf, tdnf and microdnf are called.
import type { OptionSyntax } from '../../shell';

export const YUM_PROGRAMS = ['yum', 'dnf', 'tdnf', 'dnf5'];
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
    'nobest',
    'forcearch',
  ],
};
/** Subcommands that install or remove packages and so ask for confirmation. */
export const YUM_CHANGING = [
  'install',
  'in',
  'groupinstall',
  'localinstall',
  'reinstall',
  'update',
  'upgrade',
  'up',
  'remove',
  'erase',
  'rm',
  'downgrade',
  'distro-sync',
  'autoremove',
];
