// node:url's place in the browser bundle of the server: "file" URLs are the workspace's URIs of
// whatever scheme, mapped to paths by browser/workspaceUris.ts.
import { workspaceUris } from '../workspaceUris';

export function fileURLToPath(uri: string | URL): string {
  const path = workspaceUris.pathOf(String(uri));
  if (path === undefined) throw new TypeError(`not a workspace URI: ${String(uri)}`);
  return path;
}

export function pathToFileURL(path: string): { href: string } {
  return { href: workspaceUris.uriOf(path) };
}
