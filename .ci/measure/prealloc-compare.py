#!/usr/bin/env python3
# Compares alloclint's preallocation findings (JSON report) with prealloc-oracle's sites (TSV),
# by rule, path and line, and prints the counts and both sides' differences to review by hand.
# Usage: prealloc-compare.py ALLOCLINT.json ORACLE.tsv
import collections, json, sys

RULES = ["slice-prealloc", "map-prealloc", "string-concat-in-loop"]
report = json.load(open(sys.argv[1]))
linted = {(f["rule"], f["path"], f["line"]): f for f in report["findings"] if f["rule"] in RULES}
oracle = {}
for row in open(sys.argv[2]):
    rule, path, line, detail = row.rstrip("\n").split("\t")
    oracle[(rule, path, int(line))] = detail

for rule in RULES:
    mine = {k for k in linted if k[0] == rule}
    theirs = {k for k in oracle if k[0] == rule}
    print(f"{rule}: alloclint {len(mine)}, oracle {len(theirs)}, both {len(mine & theirs)}")
    for k in sorted(theirs - mine, key=lambda k: (k[1], k[2])):
        print(f"  oracle only   {k[1]}:{k[2]}  {oracle[k]}")
    for k in sorted(mine - theirs, key=lambda k: (k[1], k[2])):
        print(f"  alloclint only {k[1]}:{k[2]}  {linted[k]['message'][:90]}")
    forms = collections.Counter(oracle[k] for k in theirs if rule == "string-concat-in-loop")
    if forms:
        found = collections.Counter(oracle[k] for k in theirs & mine)
        print("  by declaration form (found/oracle):", {f: f"{found[f]}/{n}" for f, n in sorted(forms.items())})
