#!/usr/bin/env bash
# Instructions executed (valgrind's callgrind) by a full run and a --parse-only run over every
# 60th .go file of the Go 1.19 sources (92 files, 1.1 MB), and the functions that execute the most.
# Unlike wall time on a shared virtual machine, the count barely moves from one run to the next:
# it tells a 1% change apart. Needs valgrind (apt-get install valgrind); about two minutes. Under
# valgrind the parser guard's child runs out of time on the one file of over 60,000 tokens, which
# both runs then report as not parsed.
#   .ci/measure/instructions.sh [BINARY]   (default: .build/release/alloclint)
set -euo pipefail
cd "$(dirname "$0")/../.."
binary=${1:-.build/release/alloclint}
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
# valgrind cannot read the DWARF of Swift binaries: it counts a copy without it.
strip --strip-debug -o "$work/alloclint" "$binary"
find /usr/share/go-1.19/src -name '*.go' -type f | LC_ALL=C sort | awk 'NR % 60 == 0' > "$work/files"
count() {
    valgrind --tool=callgrind --callgrind-out-file="$work/$1.out" "$work/alloclint" --no-config --jobs 1 "${@:2}" \
        -- $(cat "$work/files") > /dev/null 2> "$work/$1.log" || true
    sed -nE 's/.*refs: +([0-9,]+).*/\1/p' "$work/$1.log" | tr -d ,
}
full=$(count full)
floor=$(count floor --parse-only)
echo "instructions: full $full, --parse-only $floor, ratio $(python3 -c "print(f'{$full / $floor:.3f}')")"
callgrind_annotate "$work/full.out" 2> /dev/null | grep -E '^ *[0-9,]+ \(' | sed -n '2,21p' | cut -c1-160
