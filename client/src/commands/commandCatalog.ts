// The commands Layerwise contributes for docker, as data: id, title, icon. The handlers live
// in commandTable.ts; a unit test keeps package.json's `contributes.commands` equal to this.

export interface CommandDescription {
  readonly id: string;
  readonly title: string;
  readonly icon?: string;
  /** Needs a trusted workspace (builds and runs code). */
  readonly needsTrust: boolean;
}

export const dockerCommands = {
  buildImage: { id: 'layerwise.docker.buildImage', title: 'Build Image', icon: '$(package)', needsTrust: true },
  runContainer: { id: 'layerwise.docker.runContainer', title: 'Run Container', icon: '$(play)', needsTrust: true },
  runInteractive: {
    id: 'layerwise.docker.runInteractive',
    title: 'Run Interactive',
    icon: '$(terminal)',
    needsTrust: true,
  },
  buildAndRun: { id: 'layerwise.docker.buildAndRun', title: 'Build and Run', icon: '$(run-all)', needsTrust: true },
  stopContainer: {
    id: 'layerwise.docker.stopContainer',
    title: 'Stop Container',
    icon: '$(debug-stop)',
    needsTrust: true,
  },
  showLogs: { id: 'layerwise.docker.showLogs', title: 'Show Logs', icon: '$(output)', needsTrust: true },
  openShell: { id: 'layerwise.docker.openShell', title: 'Open Shell', icon: '$(terminal)', needsTrust: true },
} as const satisfies Record<string, CommandDescription>;

export type DockerCommandName = keyof typeof dockerCommands;

export const commandCategory = 'Layerwise';

/** Task types contributed in package.json `taskDefinitions`. */
export const buildTaskType = 'layerwise-build';
export const runTaskType = 'layerwise-run';
