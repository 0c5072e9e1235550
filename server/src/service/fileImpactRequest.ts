// Answers "what does changing this file rebuild?" for a list of Dockerfiles: reads each one
// (the open document, or the file on disk), and asks the pure fileImpact for its context.
// Nothing here blocks: files are looked at with asynchronous stat and read only when regular
// (service/dockerfileOnDisk.ts), and a cancelled request stops between Dockerfiles.
import { isAbsolute, relative, sep } from 'node:path';
import { analyseLayers, fileImpact } from '../../../core/src/cache';
import type { BuildContext } from '../../../core/src/context/buildContext';
import type { FileAccess } from '../../../core/src/files/fileAccess';
import type { DockerfileModel } from '../../../core/src/model';
import type { DockerfileImpact, FileImpactParams, FileImpactResult } from '../../../protocol/src/protocol';
import { readDockerfileModel } from '../../../core/src/engine/dockerfileOnDisk';

export interface FileImpactSources {
  /** The model of an open document, when the Dockerfile is open. */
  openModel(uri: string): DockerfileModel | undefined;
  buildContext(uri: string): BuildContext | undefined;
  /** Where Dockerfiles that are not open are read. */
  files: FileAccess;
}

/** The impact on each Dockerfile; undefined when `isCancelled` turned true on the way. */
export async function answerFileImpact(
  raw: FileImpactParams | null | undefined,
  sources: FileImpactSources,
  isCancelled: () => boolean = () => false,
): Promise<FileImpactResult | undefined> {
  const params: Partial<FileImpactParams> = raw ?? {};
  const filePath = typeof params.fileUri === 'string' ? sources.files.pathOf(params.fileUri) : undefined;
  const folder = filePath !== undefined && (await isFolder(filePath, sources.files));
  const dockerfiles = (Array.isArray(params.dockerfileUris) ? params.dockerfileUris : []).filter(
    (u): u is string => typeof u === 'string',
  );
  const impacts: DockerfileImpact[] = [];
  for (const uri of dockerfiles) {
    if (isCancelled()) return undefined;
    impacts.push(await impactOn(uri, filePath, folder, sources));
  }
  return { dockerfiles: impacts };
}

async function impactOn(
  uri: string,
  filePath: string | undefined,
  folder: boolean,
  sources: FileImpactSources,
): Promise<DockerfileImpact> {
  const context = sources.buildContext(uri);
  if (!filePath || !context) return { uri, rebuiltAfter: 0, reason: 'outside-context' };
  const rel = relative(context.root, filePath);
  if (rel.startsWith('..') || isAbsolute(rel)) return { uri, rebuiltAfter: 0, reason: 'outside-context' };
  const relativePath = rel.split(sep).join('/');
  if (relativePath !== '' && context.isIgnored(relativePath)) return { uri, rebuiltAfter: 0, reason: 'ignored' };
  const model = sources.openModel(uri) ?? (await readDockerfileModel(uri, sources.files));
  if (!model) return { uri, rebuiltAfter: 0, reason: 'unreadable' };
  const impact = fileImpact(analyseLayers(model), relativePath, (p) => p !== '' && context.isIgnored(p), { folder });
  if (!impact) return { uri, rebuiltAfter: 0, reason: 'not-copied' };
  const { instruction, stage, number } = impact.first;
  const text = `${instruction.keyword} ${instruction.argsText.replace(/\s+/g, ' ').trim()}`;
  return {
    uri,
    first: {
      line: instruction.range.start.line,
      text: text.length > 60 ? `${text.slice(0, 59)}…` : text,
      stage: stage.name ?? String(stage.index),
      layer: number,
    },
    rebuiltAfter: impact.rebuiltAfter,
  };
}

async function isFolder(path: string, files: FileAccess): Promise<boolean> {
  try {
    return (await files.statLater(path)).isDirectory;
  } catch {
    return false;
  }
}
