// Whether a COPY/ADD source takes a given build-context file: the source is a Go-style glob
// relative to the context root, and a matching directory takes everything below it.
import { cleanPath, globToRegExp } from '../context/dockerignore';

const patterns = new Map<string, RegExp>();

/** `source` as LayerStep.contextSources holds it (cleaned; '' is the whole context). */
export function sourceTakes(source: string, relativePath: string): boolean {
  if (source === '') return true;
  let regex = patterns.get(source);
  if (!regex) {
    regex = globToRegExp(source);
    if (patterns.size > 1000) patterns.clear();
    patterns.set(source, regex);
  }
  const path = cleanPath(relativePath);
  const parts = path.split('/');
  for (let i = 1; i <= parts.length; i++) if (regex.test(parts.slice(0, i).join('/'))) return true;
  return false;
}
