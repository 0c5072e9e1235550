# Stands in for a package manager (`npm ci`, `pip install -r requirements.txt`): it reads the
# manifest, deps.txt, and "installs" each dependency into /deps, a second each, like a download.
set -eu
mkdir -p /deps
while read -r name version; do
  case "$name" in '' | '#'*) continue ;; esac
  echo "installing $name $version"
  sleep 1
  echo "$name $version" >> /deps/installed.txt
done < deps.txt
