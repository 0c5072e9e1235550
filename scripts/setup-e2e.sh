#!/usr/bin/env bash
# Installs what `npm run test:e2e` needs: code-server (VS Code for the browser) at a pinned
# version, Debian's Chromium (with a Korean font), a running Docker engine (scripts/setup-docker.sh)
# and Podman (scripts/setup-podman.sh).
# Idempotent: every step that is already done is skipped, so a second run takes a second.
#
# code-server's own install script downloads ripgrep from GitHub, which these machines cannot
# reach, so it is installed from the npm registry with scripts off and its native modules are
# built by hand (recipe in shared/notes/environment.md).
#
# Env: LAYERWISE_CODE_SERVER_DIR overrides the install folder (default .cache/code-server,
# ignored by git).
# --code-server-only: install code-server and nothing else (what `npm start` needs).
set -euo pipefail
CODE_SERVER_ONLY=0
[ "${1:-}" = "--code-server-only" ] && CODE_SERVER_ONLY=1

CODE_SERVER_VERSION=4.100.3 # VS Code 1.100.3; the newest code-server that runs on Node 20
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
DIR="${LAYERWISE_CODE_SERVER_DIR:-$ROOT/.cache/code-server}"
MARKER="$DIR/.layerwise-installed-$CODE_SERVER_VERSION"

log() { echo "setup-e2e: $*"; }

# --- Debian packages: Chromium for Playwright, ripgrep and krb5 headers for code-server ------
apt_needed=()
[ $CODE_SERVER_ONLY = 1 ] || [ -x /usr/bin/chromium ] || apt_needed+=(chromium)
command -v rg >/dev/null 2>&1 || apt_needed+=(ripgrep)
dpkg -s libkrb5-dev >/dev/null 2>&1 || apt_needed+=(libkrb5-dev)
# A Korean font, so screenshots of the Korean hover show Hangul rather than empty boxes.
[ $CODE_SERVER_ONLY = 1 ] || dpkg -s fonts-nanum >/dev/null 2>&1 || apt_needed+=(fonts-nanum)
[ $CODE_SERVER_ONLY = 1 ] || command -v curl >/dev/null 2>&1 || apt_needed+=(curl)
if [ ${#apt_needed[@]} -gt 0 ]; then
  log "installing ${apt_needed[*]}"
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq
  apt-get install -y -qq "${apt_needed[@]}" >/dev/null
fi

# --- code-server --------------------------------------------------------------------------
if [ -f "$MARKER" ] && "$DIR/bin/code-server" --version 2>/dev/null | grep -q "^$CODE_SERVER_VERSION "; then
  log "code-server $CODE_SERVER_VERSION already installed in $DIR"
else
  log "installing code-server $CODE_SERVER_VERSION into $DIR"
  rm -rf "$DIR"
  mkdir -p "$DIR"
  export npm_config_yes=true
  npm install -g --prefix "$DIR" --ignore-scripts --no-audit --no-fund "code-server@$CODE_SERVER_VERSION" >/dev/null
  CS="$DIR/lib/node_modules/code-server"
  (cd "$CS/node_modules/argon2" && npx --yes node-pre-gyp install --fallback-to-build >/dev/null 2>&1)
  (
    cd "$CS/lib/vscode"
    npm install --omit=dev --ignore-scripts --no-audit --no-fund >/dev/null
    npm rebuild kerberos node-pty @parcel/watcher @vscode/spdlog @vscode/deviceid native-watchdog >/dev/null
    mkdir -p node_modules/@vscode/ripgrep/bin
    cp "$(command -v rg)" node_modules/@vscode/ripgrep/bin/rg
    ln -sfn node_modules node_modules.asar
    (cd bin/remote-cli && ln -sfn code-linux.sh code-server)
    (cd bin/helpers && ln -sfn browser-linux.sh browser.sh)
    cd extensions
    npm install --omit=dev --ignore-scripts --no-audit --no-fund >/dev/null
    node ./postinstall.mjs >/dev/null
  )
  "$DIR/bin/code-server" --version | grep -q "^$CODE_SERVER_VERSION " || {
    echo "setup-e2e: code-server did not report version $CODE_SERVER_VERSION" >&2
    exit 1
  }
  touch "$MARKER"
  log "code-server ready: $("$DIR/bin/code-server" --version | head -1)"
fi

# --- Docker engine and Podman ---------------------------------------------------------------
[ $CODE_SERVER_ONLY = 1 ] || bash "$ROOT/scripts/setup-docker.sh"
[ $CODE_SERVER_ONLY = 1 ] || bash "$ROOT/scripts/setup-podman.sh"
