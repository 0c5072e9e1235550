#!/usr/bin/env bash
# Installs Podman (Debian's podman, 4.3) and configures it so that plain `podman build` and
# `podman run` work as root in a container sandbox like CI's: the vfs storage driver (overlay
# cannot be mounted there) and explicit ulimits (runc fails with "error setting rlimits" without
# them). Idempotent. A config file the user wrote is never overwritten: each file is written only
# when it is missing or was written by this script (its first line says so).
set -euo pipefail

MARK="# Written by Layerwise scripts/setup-podman.sh; delete this line to keep your own edits."
STORAGE_CONF=/etc/containers/storage.conf
CONTAINERS_CONF=/etc/containers/containers.conf

log() { echo "setup-podman: $*"; }

if ! command -v podman >/dev/null 2>&1; then
  log "installing podman"
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq
  apt-get install -y -qq podman >/dev/null
fi

# Writes $2 to $1 when $1 is missing or ours; otherwise says what it would have needed.
write_config() {
  local file=$1 text=$2 wanted=$3
  if [ -f "$file" ] && [ "$(head -n 1 "$file")" != "$MARK" ]; then
    if grep -q "$wanted" "$file"; then
      log "$file is yours and already has $wanted"
    else
      log "$file is yours, left as it is; podman may need $wanted in it" >&2
    fi
    return
  fi
  local content
  content=$(printf '%s\n%s\n' "$MARK" "$text")
  if [ -f "$file" ] && [ "$(cat "$file")" = "$content" ]; then
    log "$file already configured"
    return
  fi
  mkdir -p "$(dirname "$file")"
  printf '%s\n' "$content" >"$file"
  log "wrote $file"
}

write_config "$STORAGE_CONF" '[storage]
driver = "vfs"
runroot = "/run/containers/storage"
graphroot = "/var/lib/containers/storage"' 'driver = "vfs"'

write_config "$CONTAINERS_CONF" '[containers]
default_ulimits = ["nofile=1024:1024", "nproc=1024:1024"]' 'default_ulimits'

# Storage made earlier with another driver makes every podman command fail with "database
# configuration mismatch"; that needs the user's decision (podman system reset), not ours.
if ! driver=$(timeout 60 podman info --format '{{.Store.GraphDriverName}}' 2>&1); then
  log "podman does not work: $driver" >&2
  exit 1
fi
log "podman $(podman --version | awk '{print $3}') ready (storage driver: $driver)"
