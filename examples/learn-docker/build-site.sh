# Builds the site into the folder given as $1: the pages from src/ and a page that lists what
# install-deps.sh installed.
set -eu
out="$1"
mkdir -p "$out"
cp src/* "$out/"
{
  echo '<!doctype html><meta charset="utf-8"><title>Dependencies</title><h1>Installed dependencies</h1><pre>'
  cat /deps/installed.txt
  echo '</pre>'
} > "$out/deps.html"
