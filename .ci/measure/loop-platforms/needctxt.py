#!/usr/bin/env python3
"""A stricter check: for the findings judge.py confirmed,
re-run each group's command with '-m -S' and check that the func literal at that line has
NEEDCTXT on its TEXT (it captures variables, so the escaping closure really allocates),
the same extra condition confirm-with-compiler applies. Reads judge.json, writes needctxt.json.
"""
import json
import os
import re
import subprocess
from collections import defaultdict

# Outputs (and the Go build cache) go to the current directory.
HERE = os.getcwd()
SRC = os.path.realpath('/usr/share/go-1.19/src')
GOROOT = os.path.realpath(subprocess.run(['go', 'env', 'GOROOT'], capture_output=True,
                                         text=True, check=True).stdout.strip())
ASM = re.compile(r'^\t0x[0-9a-f]+ \d+ \((.+):(\d+)\)\tTEXT\t(.*)$')
CLOSURE_SYM = re.compile(r'\.func\d+(?:\.\d+)*$')


def norm(p, cwd):
    p = GOROOT + p[7:] if p.startswith('$GOROOT/') else p
    return os.path.realpath(os.path.join(cwd, p))


def main():
    j = json.load(open(os.path.join(HERE, 'judge.json')))
    want = defaultdict(set)
    for r in j['results']:
        if r['status'] == 'confirmed':
            want[tuple(r['group'])].add((os.path.realpath(os.path.join(SRC, r['file'])), r['line']))
    out = {}
    for c in j['commands']:
        key = tuple(c['group'])
        if key not in want or c['exit'] != 0:
            continue
        cmd = c['command']
        cwd = SRC
        m = re.match(r'cd (\S+) && (.*)$', cmd)
        if m:
            cwd, cmd = os.path.join(SRC, m.group(1)), m.group(2)
        elif cmd.startswith('cp '):
            continue
        cmd = cmd.replace("=-m'", "=-m -S'")
        env = dict(os.environ, GOCACHE=os.path.join(HERE, 'cache'), GOFLAGS='')
        proc = subprocess.Popen(['bash', '-c', cmd], cwd=cwd, env=env, stdout=subprocess.PIPE,
                                stderr=subprocess.STDOUT, text=True, errors='replace')
        seen = defaultdict(set)
        for line in proc.stdout:
            if '\tTEXT\t' not in line:
                continue
            a = ASM.match(line.rstrip('\n'))
            if not a:
                continue
            sym, _, flags = a.group(3).partition('(SB)')
            if CLOSURE_SYM.search(sym) and 'WRAPPER' not in flags:
                k = (norm(a.group(1), cwd), int(a.group(2)))
                if k in want[key]:
                    seen[k].add('captures' if 'NEEDCTXT' in flags else 'static')
        rc = proc.wait()
        for k in want[key]:
            out['%s:%d' % (os.path.relpath(k[0], SRC), k[1])] = sorted(seen.get(k, {'no TEXT seen'}))
        print(rc, len(want[key]), cmd, flush=True)
    # the standalone go/types/gotype.go (temp copy) is checked separately, if at all
    json.dump(out, open(os.path.join(HERE, 'needctxt.json'), 'w'), indent=2)
    from collections import Counter
    print(Counter(','.join(v) for v in out.values()))


if __name__ == '__main__':
    main()
