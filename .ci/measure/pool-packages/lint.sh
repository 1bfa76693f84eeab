#!/bin/sh
# usage: lint.sh ROOT  -> one line per finding: dir/file:line rule message(short)
ROOT=${1:-/tmp/pool-pkg}
for d in "$ROOT"/*/; do
  nice -n 19 ${ALLOCLINT:-/work/bin/alloclint-7385cfe} --no-config --include-generated --format json \
    --disable loop-closure,defer-in-loop,interface-param,interface-boxing-in-loop,slice-prealloc,map-prealloc,string-concat-in-loop,syntax-error \
    "$d" | python3 -c '
import json,sys,os
d=json.load(sys.stdin)
for e in d["errors"]: print("ERROR", sys.argv[1], e)
for f in d["findings"]:
    print("%s:%s\t%s\t%s" % (os.path.relpath(f["path"], sys.argv[2]), f["line"], f.get("rule") or f.get("ruleId"), f["message"][:90]))
' "$d" "$ROOT"
done
