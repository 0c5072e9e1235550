// The web page of an image on its registry: Docker Hub (official and user images), GitHub,
// Quay, Microsoft and Google registries. Other registries have no known page layout.

export interface ImagePage {
  url: string;
  registry: string;
}

/** `registry/path:tag@digest` split the way the docker CLI reads an image reference. */
function splitImageReference(reference: string): { host: string | undefined; path: string } | undefined {
  const withoutDigest = reference.split('@')[0]!;
  const lastSlash = withoutDigest.lastIndexOf('/');
  const colon = withoutDigest.indexOf(':', lastSlash + 1);
  const name = colon < 0 ? withoutDigest : withoutDigest.slice(0, colon);
  if (name === '' || /[\s$]/.test(name)) return undefined;
  const slash = name.indexOf('/');
  const first = slash < 0 ? '' : name.slice(0, slash);
  const isHost = slash >= 0 && (first.includes('.') || first.includes(':') || first === 'localhost');
  return isHost ? { host: first.toLowerCase(), path: name.slice(slash + 1) } : { host: undefined, path: name };
}

export function imagePage(reference: string): ImagePage | undefined {
  const parts = splitImageReference(reference);
  if (!parts) return undefined;
  const { host, path } = parts;
  if (host === undefined || host === 'docker.io' || host === 'index.docker.io' || host === 'registry-1.docker.io') {
    const official = path.startsWith('library/')
      ? path.slice('library/'.length)
      : path.includes('/')
        ? undefined
        : path;
    if (official !== undefined && !official.includes('/'))
      return { url: `https://hub.docker.com/_/${official}`, registry: 'Docker Hub' };
    return { url: `https://hub.docker.com/r/${path}`, registry: 'Docker Hub' };
  }
  if (!path.includes('/') && host !== 'mcr.microsoft.com') return undefined;
  switch (host) {
    case 'ghcr.io':
      return { url: `https://ghcr.io/${path}`, registry: 'GitHub Container Registry' };
    case 'quay.io':
      return { url: `https://quay.io/repository/${path}`, registry: 'Quay' };
    case 'mcr.microsoft.com':
      return { url: `https://mcr.microsoft.com/en-us/artifact/mar/${path}`, registry: 'Microsoft Artifact Registry' };
  }
  const gcr = /^(?:(us|eu|asia)\.)?gcr\.io$/.exec(host);
  if (gcr) {
    const slash = path.indexOf('/');
    const project = path.slice(0, slash);
    const location = gcr[1] ?? 'global';
    return {
      url: `https://console.cloud.google.com/gcr/images/${project}/${location}/${path.slice(slash + 1)}`,
      registry: 'Google Container Registry',
    };
  }
  return undefined;
}
