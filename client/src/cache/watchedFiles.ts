// Files whose creation, change or deletion the server must hear about: its build-context cache
// (.dockerignore, root listing) is dropped then, never re-read per keystroke.
export const WATCHED_CONTEXT_FILES: readonly string[] = [
  '**/*.dockerignore',
  // Project settings shared with the command-line checker.
  '**/.layerwise.json',
  '**/.hadolint.{yaml,yml}',
  '**/{package.json,package-lock.json,npm-shrinkwrap.json,yarn.lock,pnpm-lock.yaml,bun.lock,bun.lockb}',
  '**/{requirements*.txt,pyproject.toml,poetry.lock,uv.lock,Pipfile,Pipfile.lock,setup.py}',
  '**/{go.mod,go.sum,Gemfile,Gemfile.lock,composer.json,composer.lock,' +
    'Cargo.toml,Cargo.lock,pom.xml,build.gradle,build.gradle.kts,*.csproj}',
  // Folders the .dockerignore hints suggest excluding (created by local installs and builds).
  '**/{.git,node_modules,dist,build,out,.next,coverage,target,.gradle,bin,obj,__pycache__,.venv,venv,.pytest_cache}',
];
