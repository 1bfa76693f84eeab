#!/bin/sh
# Runs only the three sync.Pool rules on each corpus directory (one package each) and prints
# one line per finding: rule  file:line  message.   usage: run.sh ROOT
ROOT=${1:-/tmp/pool-public}
for d in "$ROOT"/*/; do
  nice -n 15 ${ALLOCLINT:-.build/release/alloclint} --no-config --include-generated --format json \
    --disable loop-closure,defer-in-loop,interface-param,interface-boxing-in-loop,slice-prealloc,map-prealloc,string-concat-in-loop,syntax-error \
    "$d" | python3 -c '
import json,sys
d=json.load(sys.stdin)
for e in d["errors"]: print("ERROR", e)
for f in d["findings"]:
    loc=f.get("location") or f
    print(f.get("rule") or f.get("ruleId"), json.dumps({k:v for k,v in f.items() if k not in ("rule",)})[:400])
'
done
