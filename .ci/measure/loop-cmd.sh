#!/bin/sh
# loop-cmd: precision and recall of loop-closure and defer-in-loop on the Go 1.19 `cmd` tree
# (a module with its own go.mod and vendor/, not used to tune the rules), with go.mod at go 1.19
# and at go 1.22. The compiler is Go 1.19 both times; only alloclint's messages may differ.
#
# cmd's module path is `cmd`, which the go command always takes from $GOROOT/src/cmd, so the
# corpus is a GOROOT copy: symbolic links to the installed one, except src/cmd (copied, testdata
# removed). Precision: confirm-with-compiler; recall: loop-recall.py.
#
# Run: .ci/measure/loop-cmd.sh ALLOCLINT_BINARY WORKDIR   (several go builds of cmd: ~10 min)
set -eu
binary=$(realpath "$1")
work=$2
here=$(dirname "$(realpath "$0")")
goroot=$(go env GOROOT)
rules=loop-closure,defer-in-loop
others=$("$binary" rules | awk '{print $1}' | grep -vxE 'loop-closure|defer-in-loop' | paste -sd, -)

if [ ! -d "$work/goroot/src/cmd" ]; then
    mkdir -p "$work/goroot/src"
    cp "$goroot/VERSION" "$work/goroot/"
    for entry in api bin misc pkg test; do ln -s "$goroot/$entry" "$work/goroot/$entry"; done
    for entry in "$goroot"/src/*; do
        [ "$(basename "$entry")" = cmd ] || ln -s "$(realpath "$entry")" "$work/goroot/src/"
    done
    cp -r "$goroot/src/cmd" "$work/goroot/src/cmd"
    chmod -R u+w "$work/goroot/src/cmd"
    find "$work/goroot/src/cmd" -name testdata -type d -prune -exec rm -rf {} +
fi
export GOROOT="$work/goroot"
module="$GOROOT/src/cmd"
trap 'sed -i "s/^go 1\.[0-9]*$/go 1.19/" "$module/go.mod"' EXIT

for version in 1.19 1.22; do
    sed -i "s/^go 1\.[0-9]*$/go $version/" "$module/go.mod"
    sarif="$work/cmd-$version.sarif"
    nice -n 15 "$binary" lint --no-config --format sarif --enable "$rules" --disable "$others" \
        --output "$sarif" "$module/..." || [ $? -eq 1 ]
    echo "== go $version: confirm-with-compiler"
    nice -n 15 /work/shared/tools/confirm-with-compiler --sarif "$sarif" --module "$module" \
        --rules "$rules" -v --json "$work/cmd-$version.json" > "$work/cmd-$version.confirm.txt" 2>&1
    grep -E '^(loop-closure|defer-in-loop) |^  /.*(unconfirmed|not-compiled)|^confirmed' \
        "$work/cmd-$version.confirm.txt" | grep -v ' confirmed:' || true
    echo "== go $version: recall"
    nice -n 15 "$here/loop-recall.py" --module "$module" --sarif "$sarif"
done
echo "== same findings at 1.19 and 1.22 (rule, file, line, column)?"
python3 - "$work/cmd-1.19.sarif" "$work/cmd-1.22.sarif" <<'EOF'
import json, sys
def load(path):
    run = json.load(open(path))['runs'][0]
    return {(r['ruleId'], r['locations'][0]['physicalLocation']['artifactLocation']['uri'],
             r['locations'][0]['physicalLocation']['region']['startLine'],
             r['locations'][0]['physicalLocation']['region']['startColumn']): r['message']['text']
            for r in run['results']}
old, new = load(sys.argv[1]), load(sys.argv[2])
print('same set: %s (%d findings); messages differing: %d'
      % (set(old) == set(new), len(old), sum(old[k] != new.get(k) for k in old)))
EOF
