// Which file names are Dockerfiles when a folder is searched: the names the extension
// recognises (package.json `contributes.languages`), compared without regard to case.

const EXACT = new Set(['dockerfile', 'containerfile']);
const PREFIXES = ['dockerfile.', 'containerfile.'];
const SUFFIXES = ['.dockerfile', '.containerfile'];

export function isDockerfileName(name: string): boolean {
  const lower = name.toLowerCase();
  // `Dockerfile.dockerignore` is the ignore file of `Dockerfile`, not a Dockerfile.
  if (lower.endsWith('.dockerignore')) return false;
  return EXACT.has(lower) || PREFIXES.some((p) => lower.startsWith(p)) || SUFFIXES.some((s) => lower.endsWith(s));
}
