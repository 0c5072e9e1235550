// The builder probe as builds use it: answers remembered for the session (builderProbeCache.ts),
// forgotten as soon as a `layerwise.docker.*` setting changes (another CLI, context or environment).
import * as vscode from 'vscode';
import type { DetectedBuilder } from './builderDetection';
import { probeBuilder } from './builderProbe';
import { BuilderProbeCache, type ProbedSettings } from './builderProbeCache';

const sessionProbes = new BuilderProbeCache((settings) => probeBuilder(settings));

/** The builder a build with these settings will run. */
export function detectedBuilder(settings: ProbedSettings): Promise<DetectedBuilder> {
  return sessionProbes.builderFor(settings);
}

export function registerBuilderProbeCache(): vscode.Disposable {
  return vscode.workspace.onDidChangeConfiguration((change) => {
    if (change.affectsConfiguration('layerwise.docker')) sessionProbes.clear();
  });
}
