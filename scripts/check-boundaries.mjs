// Import boundaries between the projects, checked on every `npm test`. The compiler already keeps
// core free of editor and protocol modules (core/tsconfig.json) and keeps each project to the
// projects it references; this adds what project references cannot say: which folders a relative
// import may reach, and that the client sees core only through its public entry.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';

const ROOT = resolve(import.meta.dirname, '..');

/** Per project: the folders (or files) its relative imports may reach, and the packages it may not import. */
const PROJECTS = [
  {
    folder: 'core/src',
    reach: ['core/src'],
    forbidden: [/^vscode($|-)/],
  },
  { folder: 'protocol/src', reach: ['protocol/src'], forbidden: [/^vscode($|-languageserver|-languageclient)/] },
  {
    folder: 'server/src',
    reach: ['server/src', 'core/src', 'protocol/src'],
    forbidden: [/^vscode($|-languageclient)/],
  },
  // The CLI reads its version from the manifest.
  { folder: 'cli/src', reach: ['cli/src', 'core/src', 'package.json'], forbidden: [/^vscode($|-)/] },
  {
    folder: 'client/src',
    reach: ['client/src', 'protocol/src', 'core/src/forClient.ts'],
    forbidden: [/^vscode-languageserver($|\/|-)/],
  },
];

const SPECIFIER = /(?:^|\s)(?:import|export)\s(?:[^'";]*?\sfrom\s)?['"]([^'"]+)['"]|import\(\s*['"]([^'"]+)['"]\s*\)/gm;

function* sourceFiles(folder) {
  for (const entry of readdirSync(folder)) {
    const path = join(folder, entry);
    if (statSync(path).isDirectory()) yield* sourceFiles(path);
    else if (path.endsWith('.ts') && !path.endsWith('.d.ts')) yield path;
  }
}

function withinAny(target, reach) {
  return reach.some((allowed) => {
    const full = join(ROOT, allowed);
    return target === full || target.startsWith(`${full}/`) || `${target}.ts` === full;
  });
}

const problems = [];
for (const project of PROJECTS) {
  for (const file of sourceFiles(join(ROOT, project.folder))) {
    const text = readFileSync(file, 'utf8');
    for (const match of text.matchAll(SPECIFIER)) {
      const specifier = match[1] ?? match[2];
      const where = `${relative(ROOT, file)}: '${specifier}'`;
      if (specifier.startsWith('.')) {
        if (!withinAny(resolve(dirname(file), specifier), project.reach))
          problems.push(`${where} reaches outside ${project.reach.join(', ')}`);
      } else if (project.forbidden.some((pattern) => pattern.test(specifier))) {
        problems.push(`${where} is not allowed in ${project.folder}`);
      }
    }
  }
}
if (problems.length > 0) {
  console.error(`check-boundaries: ${problems.length} import(s) cross a project boundary:\n  ${problems.join('\n  ')}`);
  process.exit(1);
}
console.log('check-boundaries: every import stays inside its project boundaries');
