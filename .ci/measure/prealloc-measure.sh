#!/usr/bin/env bash
# Measures slice-prealloc, map-prealloc and string-concat-in-loop on the Go 1.19 toolchain sources
# (GOROOT/src/cmd, not used to tune the rules): alloclint's findings, the independent go/types oracle
# (prealloc-oracle/), their comparison, and the --fix check (fix a copy of GOROOT, go build cmd/...,
# go vet of the fixed packages, re-lint, a second --fix is a no-op). Results: prealloc-results.md.
# Usage: .ci/measure/prealloc-measure.sh ALLOCLINT_BINARY [WORKDIR]   (needs Go 1.19; CPU-heavy)
set -euo pipefail
alloclint=$(realpath "$1")
work=${2:-/tmp/prealloc-measure}
here=$(cd "$(dirname "$0")" && pwd)
goroot=$(go env GOROOT)
off=defer-in-loop,interface-boxing-in-loop,interface-param,loop-closure,pool-put-non-pointer,pool-unreset-put,pool-use-after-put,syntax-error
lint() { nice -n 15 "$alloclint" --no-config --disable "$off" "$@" || [ $? -eq 1 ]; }
mkdir -p "$work"

# 1. Findings and oracle sites, compared.
(cd "$goroot/src/cmd" && lint --format json ./... > "$work/cmd.json")
(cd "$here/prealloc-oracle" && go build -o "$work/oracle" .)
GO111MODULE=off nice -n 15 "$work/oracle" -root "$goroot/src/cmd" -prefix cmd > "$work/oracle.tsv"
python3 "$here/prealloc-compare.py" "$work/cmd.json" "$work/oracle.tsv" | tee "$work/compare.txt"

# 2. --fix on a copy of GOROOT (cmd builds only inside a GOROOT: it imports internal/ packages).
copy="$work/goroot"
rm -rf "$copy" && mkdir -p "$copy"
cp -r "$goroot/bin" "$goroot/VERSION" "$copy/" && ln -s "$goroot/pkg" "$copy/pkg"
cp -rH "$goroot/src" "$copy/src"
cd "$copy/src/cmd"
lint --diff ./... > "$work/fix.diff"
lint --fix ./... > /dev/null
cp -r . "$work/cmd-fixed"
changed=$(grep '^--- a/' "$work/fix.diff" | sed 's#^--- a/##; s#/[^/]*$##' | sort -u)
export GOROOT="$copy"
nice -n 15 go build cmd/... && echo "go build cmd/...: ok"
nice -n 15 go vet $(echo "$changed" | grep -v '^compile/internal/ssa/gen$' | sed 's#^#cmd/#') && echo "go vet (fixed packages): ok"
# ssa/gen is a `//go:build ignore` program, built by naming its files.
(cd compile/internal/ssa/gen && nice -n 15 go vet *.go && echo "go vet ssa/gen: ok")
lint --format json ./... > "$work/after-fix.json"
python3 - "$work/after-fix.json" <<'PY'
import collections, json, sys
left = [f for f in json.load(open(sys.argv[1]))["findings"] if f["rule"] != "string-concat-in-loop"]
print("preallocation findings left after --fix:", len(left), "with a fix:", sum(1 for f in left if f.get("fix")))
print(collections.Counter(f["rule"] for f in left))
PY
lint --fix ./... > /dev/null
diff -r "$work/cmd-fixed" . > /dev/null && echo "second --fix: no change"
