#!/usr/bin/env bash
# Installs and starts a real Docker engine (Debian's docker.io, vfs storage) and the static
# busybox binary our tests build images from. Idempotent: does nothing that is already done.
set -euo pipefail

need_install=()
command -v dockerd >/dev/null 2>&1 || need_install+=(docker.io)
[ -x /bin/busybox ] && file_is_static=$(ldd /bin/busybox 2>&1 | grep -c "not a dynamic" || true) || file_is_static=0
[ "${file_is_static}" = "1" ] || need_install+=(busybox-static)
if [ ${#need_install[@]} -gt 0 ]; then
  echo "setup-docker: installing ${need_install[*]}"
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq
  apt-get install -y -qq "${need_install[@]}" >/dev/null
fi

if docker info >/dev/null 2>&1; then
  echo "setup-docker: engine already running"
  exit 0
fi
echo "setup-docker: starting dockerd"
nohup dockerd --storage-driver=vfs >/tmp/dockerd.log 2>&1 &
for _ in $(seq 60); do
  docker info >/dev/null 2>&1 && { echo "setup-docker: engine ready"; exit 0; }
  sleep 1
done
echo "setup-docker: dockerd did not start; see /tmp/dockerd.log" >&2
tail -20 /tmp/dockerd.log >&2 || true
exit 1
