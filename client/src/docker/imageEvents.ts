// The engine's image events, read from `docker events` / `podman events`: the argv that streams
// them as JSON lines, and the reading of those lines into "these references or ids changed".
// Docker prints {"Type":"image","Action":"tag","Actor":{"ID":…,"Attributes":{"name":…}}}, podman
// {"ID":…,"Name":…,"Status":"tag","Type":"image"} (both accept `--format '{{json .}}'`). A line
// that is too long, not JSON or not a changing image event is skipped. Pure: no 'vscode'.
import { isJsonObject } from '../../../protocol/src/boundedJson';
import { type DockerInvocation, dockerInvocation } from './dockerInvocation';
import type { DockerSettings } from './settings';

/** `events` for images only, one JSON object a line, for the configured CLI and daemon. */
export function imageEventsInvocation(
  settings: Pick<DockerSettings, 'dockerPath' | 'dockerContext'> & Partial<Pick<DockerSettings, 'dockerEnv'>>,
): DockerInvocation {
  return dockerInvocation(settings, ['events', '--filter', 'type=image', '--format', '{{json .}}']);
}

/** One image event that may change what a reference names. */
export interface ImageChange {
  readonly action: string;
  /** The image id (docker: `sha256:…`; podman: bare hex), when given. */
  readonly id?: string | undefined;
  /** The reference tagged or untagged, when given (docker may repeat the id here). */
  readonly name?: string | undefined;
}

/**
 * Actions that change which image a reference names, or whether it is there. Not `save`, `push`,
 * `mount`, `unmount`, `export`: they read images. Docker's and podman's names together.
 */
const changingActions = new Set([
  'build',
  'delete',
  'import',
  'load',
  'prune',
  'pull',
  'remove',
  'tag',
  'untag',
  'cleanup',
]);

/** An event line is a few hundred characters; longer ones are not read. */
const maxLineChars = 16 * 1024;
/** The fields read are short; longer values are dropped. */
const maxFieldChars = 1024;

/** The change an event line reports, or undefined for lines that are not a changing image event. */
export function parseImageEvent(line: string): ImageChange | undefined {
  if (line.length > maxLineChars || !line.startsWith('{')) return undefined;
  let event: unknown;
  try {
    event = JSON.parse(line);
  } catch {
    return undefined;
  }
  if (!isJsonObject(event) || event.Type !== 'image') return undefined;
  // Docker: Action (and the older `status`); podman: Status.
  const action = shortString(event.Action) ?? shortString(event.Status) ?? shortString(event.status);
  if (action === undefined || !changingActions.has(action.toLowerCase())) return undefined;
  const actor = isJsonObject(event.Actor) ? event.Actor : undefined;
  const attributes = actor !== undefined && isJsonObject(actor.Attributes) ? actor.Attributes : undefined;
  const id = shortString(actor?.ID) ?? shortString(event.ID) ?? shortString(event.id);
  const name = shortString(attributes?.name) ?? shortString(event.Name);
  return { action: action.toLowerCase(), id, name };
}

function shortString(value: unknown): string | undefined {
  return typeof value === 'string' && value !== '' && value.length <= maxFieldChars ? value : undefined;
}
